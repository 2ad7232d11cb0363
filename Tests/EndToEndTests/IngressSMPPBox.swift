import Foundation
import GatewayTestSupport

/// A box for ingressd's SMPP tests: `smsgw-ingressd` on a free TCP port with one account
/// (system_id `esme`, password `s3cret`) and a real SQLite file; the SMPP peer is smpplib
/// 2.2.4 from the package's `.build-venv` (`scripts/setup --test`).
final class IngressSMPPBox {
    let directory: URL
    let port: Int
    var process: Process?
    /// Added to ingressd's environment.
    var environment: [String: String] = [:]

    var path: String { directory.path }
    var databasePath: String { "\(path)/gateway.sqlite" }
    /// `.build-venv/bin/python` at the package root (this file is Tests/EndToEndTests/…).
    static let python = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build-venv/bin/python").path

    let logLevel: String

    /// `window` is accounts[].window; `smppExtra` lines go in [listeners.smpp], `extra` at the end.
    init(maxBinds: Int = 4, throughput: Int = 100, window: Int = 50, logLevel: String = "debug",
         smppExtra: String = "", extra: String = "") throws {
        self.logLevel = logLevel
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ingress-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("run"), withIntermediateDirectories: true)
        port = try Self.freePort()
        // SHA-512-crypt of "s3cret" (cheaper to verify than yescrypt, same code path).
        let text = """
            [store]
            path = "\(directory.path)/gateway.sqlite"
            [runtime]
            directory = "\(directory.path)/run"
            [gpio]
            driver = "simulated"
            simulated_state_path = "\(directory.path)/gpio"
            [watchdog]
            hardware = false
            [listeners.smpp]
            address = "127.0.0.1"
            port = \(port)
            \(smppExtra)
            [listeners.http]
            enabled = false
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
            device = "\(directory.path)/m1"
            profile = "simcom-sim800"
            [[accounts]]
            id = "platform"
            max_binds = \(maxBinds)
            throughput = \(throughput)
            window = \(window)
            [accounts.smpp]
            system_id = "esme"
            password = "$6$CmmSzAvNrBsGTgx9$fxs62GA.TdrT//4fTapoWOXGebohb7.YbxQaYno7CQmNO/X6MOPjjNlWj6o7TT0vvr.eWbBrXTt8SgnnPgUiO."
            \(extra)

            """
        try text.write(toFile: "\(directory.path)/gateway.toml", atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    func start() async throws {
        process = try await ChildLauncher.start(
            BuiltProducts.path(of: "smsgw-ingressd"), ["--config", "\(path)/gateway.toml", "--log-level", logLevel],
            logs: path, name: "ingressd", environment: environment) { log.contains("ingressd ready") }
    }

    var log: String { (try? String(contentsOfFile: "\(path)/ingressd.err", encoding: .utf8)) ?? "" }

    func stop() {
        if let process { stopChild(process) }
    }

    /// Runs `script` with the venv's Python (argv: port, database path); its standard output.
    func runPython(_ script: String) throws -> String {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: Self.python)
        run.arguments = ["-c", script, String(port), databasePath]
        let out = directory.appendingPathComponent("python.out"), err = directory.appendingPathComponent("python.err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        run.standardOutput = try FileHandle(forWritingTo: out)
        run.standardError = try FileHandle(forWritingTo: err)
        try run.run()
        run.waitUntilExit()
        let output = try String(contentsOf: out, encoding: .utf8)
        guard run.terminationStatus == 0 else {
            throw IngressBoxError("python failed (\(run.terminationStatus)): \(try String(contentsOf: err, encoding: .utf8))\n--- ingressd:\n\(log)")
        }
        return output
    }

    /// A TCP port nobody listens on now (bound to 0 and released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw IngressBoxError("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw IngressBoxError("bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct IngressBoxError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
