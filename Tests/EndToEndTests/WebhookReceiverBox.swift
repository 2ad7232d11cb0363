import Foundation

/// Tests/Oracles/webhook_receiver.py on a free port (Debian's python3, standard library only):
/// it verifies each webhook with the verifier printed in docs/webhooks.md and logs every
/// request as one JSON line. With `tls`, it serves https with a fresh self-signed certificate
/// (made by `openssl`) whose PEM file is `certificatePath`.
final class WebhookReceiverBox {
    struct Request: Decodable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: String
        var verified: Bool
        var client_port: Int
        /// When the receiver read it (wall clock, seconds since 1970).
        var received_at: Double
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let directory: URL
    let process = Process()
    let port: Int
    let tls: Bool

    var logPath: String { directory.appendingPathComponent("requests.jsonl").path }
    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    var base: String { "\(tls ? "https" : "http")://127.0.0.1:\(port)" }

    init(secret: String, tls: Bool = false) throws {
        self.tls = tls
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-receiver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var arguments = [Self.root.appendingPathComponent("Tests/Oracles/webhook_receiver.py").path, "--secret", secret,
                         "--docs", Self.root.appendingPathComponent("docs/webhooks.md").path, "--log",
                         directory.appendingPathComponent("requests.jsonl").path]
        if tls {
            let key = directory.appendingPathComponent("key.pem").path
            let cert = directory.appendingPathComponent("cert.pem").path
            try Self.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                                              "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
            arguments += ["--cert", cert, "--key", key]
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line of its output is the port it bound.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw ReceiverError("the receiver did not print its port: \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The requests logged so far.
    func requests() throws -> [Request] {
        guard let data = FileManager.default.contents(atPath: logPath) else { return [] }
        return try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(Request.self, from: Data($0)) }
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ReceiverError("\(tool) failed (\(process.terminationStatus))") }
    }
}

struct ReceiverError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
