import Foundation
import GatewayCore
import GatewayStore
import GatewayTestSupport

/// A box for ingressd's HTTP tests: `smsgw-ingressd` with only `[listeners.http]` on a free
/// port and a real SQLite file. Accounts: `acme` (API key `key-acme`, sendsms user `kuser`
/// password `s3cret`, throughput `throughput`, classes otp and transactional), `other` (key `key-other`), `off` (disabled,
/// key `key-off`). Requests go through curl (scripts/setup --test installs it).
final class IngressHTTPBox {
    let directory: URL
    let port: Int
    var process: Process?
    var queued: Process?

    var path: String { directory.path }
    var databasePath: String { "\(path)/gateway.sqlite" }
    var base: String { "http://127.0.0.1:\(port)" }

    let logLevel: String

    init(throughput: Int = 1000, logLevel: String = "debug") throws {
        self.logLevel = logLevel
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ingress-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("run"), withIntermediateDirectories: true)
        port = try IngressSMPPBox.freePort()
        // API keys as `smsgwctl config hash-secret --api-key` stores them: sha256 of the key.
        let key = { (text: String) in APIKeyHash.prefix + SHA256.hexDigest(of: text) }
        let text = """
            [store]
            path = "\(path)/gateway.sqlite"
            [runtime]
            directory = "\(path)/run"
            [gpio]
            driver = "simulated"
            simulated_state_path = "\(path)/gpio"
            [watchdog]
            hardware = false
            [listeners.smpp]
            enabled = false
            [listeners.http]
            address = "127.0.0.1"
            port = \(port)
            [listeners.admin]
            enabled = false
            password = "$y$j9T$mrx7UiSMrifF0idPF5fCR.$wq7JLInw8Ofuamdw8OkIvjItrzqh20.1pznTO2E.B90"
            [[sim_groups]]
            id = "default"
            [[sims]]
            id = "m1-a"
            modem = "m1"
            slot = 0
            groups = ["default"]
            [[modems]]
            id = "m1"
            device = "\(path)/m1"
            profile = "simcom-sim800"
            [[accounts]]
            id = "acme"
            throughput = \(throughput)
            allowed_classes = ["otp", "transactional"]
            [accounts.http]
            api_keys = ["\(key("key-acme"))"]
            user = "kuser"
            password = "$6$CmmSzAvNrBsGTgx9$fxs62GA.TdrT//4fTapoWOXGebohb7.YbxQaYno7CQmNO/X6MOPjjNlWj6o7TT0vvr.eWbBrXTt8SgnnPgUiO."
            [[accounts]]
            id = "other"
            [accounts.http]
            api_keys = ["\(key("key-other"))"]
            [[accounts]]
            id = "off"
            enabled = false
            [accounts.http]
            api_keys = ["\(key("key-off"))"]

            """
        try text.write(toFile: "\(path)/gateway.toml", atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    func start() async throws {
        process = try await ChildLauncher.start(
            BuiltProducts.path(of: "smsgw-ingressd"), ["--config", "\(path)/gateway.toml", "--log-level", logLevel],
            logs: path, name: "ingressd"
        ) {
            log.contains("ingressd ready: HTTP")
        }
    }

    /// Starts smsgw-queued on the same configuration (its control socket answers cancel).
    func startQueued() async throws {
        queued = try await ChildLauncher.start(
            BuiltProducts.path(of: "smsgw-queued"), ["--config", "\(path)/gateway.toml"], logs: path, name: "queued"
        ) {
            FileManager.default.fileExists(atPath: "\(path)/run/queued.sock")
        }
    }

    var log: String { (try? String(contentsOfFile: "\(path)/ingressd.err", encoding: .utf8)) ?? "" }

    func stop() {
        for process in [process, queued].compactMap({ $0 }) { stopChild(process) }
    }

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// One request with curl; `key` sends `Authorization: Bearer <key>`.
    func request(_ method: String, _ target: String, key: String? = nil, json: String? = nil,
                 headers: [String] = [], bodyFile: String? = nil) throws -> Response {
        var arguments = ["-s", "-X", method, "-o", "\(path)/body.out", "-D", "\(path)/headers.out", "-w", "%{http_code}"]
        if let key { arguments += ["-H", "Authorization: Bearer \(key)"] }
        if let json { arguments += ["-H", "Content-Type: application/json", "--data-binary", json] }
        if let bodyFile { arguments += ["--data-binary", "@\(bodyFile)"] }
        for header in headers { arguments += ["-H", header] }
        let status = try Self.run("/usr/bin/curl", arguments + [base + target])
        var parsed: [String: String] = [:]
        for line in ((try? String(contentsOfFile: "\(path)/headers.out", encoding: .utf8)) ?? "").split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { parsed[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        let body = (try? String(contentsOfFile: "\(path)/body.out", encoding: .utf8)) ?? ""
        guard let code = Int(status) else { throw IngressBoxError("curl failed: \(status)\n\(log)") }
        return Response(status: code, headers: parsed, body: body)
    }

    /// The JSON object of a response body.
    static func object(_ response: Response) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any] else {
            throw IngressBoxError("not a JSON object: \(response.body)")
        }
        return object
    }

    func database() throws -> GatewayDatabase {
        try GatewayDatabase(path: databasePath, now: .init(millisecondsSince1970: 0))
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: executable)
        run.arguments = arguments
        let pipe = Pipe()
        run.standardOutput = pipe
        try run.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        run.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
