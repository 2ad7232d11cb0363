import Foundation
import GatewayCore
import GatewayStore
import GatewayTestSupport

/// `smsgwctl up` on a temporary copy of etc/smsgw/demo.toml with free ports and its state in a
/// temporary directory, the simulator ten times faster than real life and
/// every status report "delivered", a short watchdog.
final class UpBox {
    let directory: URL
    let configPath: String
    let httpPort: Int
    let smppPort: Int
    let process: Process
    var path: String { directory.path }

    /// `settings`: section → lines added at its head (or a new section at the end), e.g.
    /// shorter `[watchdog]` timings for a test.
    /// `smsgwctl`: the one `up` runs (default: the build's; an installed layout's for the
    /// multi-call tests).
    init(watchdogSeconds: Double = 3, settings: [String: String] = [:],
         smsgwctl: String = BuiltProducts.path(of: "smsgwctl")) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("up-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        httpPort = try IngressSMPPBox.freePort()
        smppPort = try IngressSMPPBox.freePort()
        let adminPort = try IngressSMPPBox.freePort()
        var text = try String(contentsOfFile: "etc/smsgw/demo.toml", encoding: .utf8)
        for (from, to) in [("port = 2775", "port = \(smppPort)"), ("port = 8080", "port = \(httpPort)"), ("port = 8081", "port = \(adminPort)")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        for (section, lines) in settings.sorted(by: { $0.key < $1.key }) {
            if text.contains("\n[\(section)]\n") {
                text = text.replacingOccurrences(of: "\n[\(section)]\n", with: "\n[\(section)]\n\(lines)\n")
            } else {
                text += "\n[\(section)]\n\(lines)\n"
            }
        }
        // Absolute state paths: smsgwctl status/send run from the test's working directory.
        text = text.replacingOccurrences(of: "\"./.smsgw/", with: "\"\(directory.path)/.smsgw/")
        configPath = directory.appendingPathComponent("gateway.toml").path
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
        process = try ChildLauncher.prepare(
            smsgwctl,
            ["up", "--config", configPath, "--watchdog-sec", "\(watchdogSeconds)", "--simulator-time-scale", "0.1",
             "--stop-timeout", "10", "--simulator-argument=--failed-share", "--simulator-argument=0",
             "--simulator-argument=--expired-share", "--simulator-argument=0"],
            logs: directory.path, name: "up", directory: directory)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    var output: String { (try? String(contentsOfFile: "\(path)/up.out", encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOfFile: "\(path)/up.err", encoding: .utf8)) ?? "" }

    /// Starts `up` and waits for its "ready" lines and all 8 modems ready in modemd.
    func start() throws {
        try process.run()
        try waitFor("the box to be ready", seconds: 60) { self.output.contains("up: the box is ready") }
        try waitFor("8 ready modems", seconds: 60) {
            let run = try runProduct("smsgwctl", ["status", "--config", self.configPath])
            return run.standardOutput.contains("8 ready modems")
        }
    }

    /// The pids `up` started `name` with, in order (its "started … (pid N)" notes).
    func pids(of name: String) -> [Int32] {
        errors.split(separator: "\n").filter { $0.hasPrefix("\(name) ") && $0.contains("| up: started ") }.compactMap { line in
            line.split(separator: "(pid ").last.flatMap { Int32($0.dropLast()) }
        }
    }

    func waitFor(_ what: String, seconds: Double, _ condition: () throws -> Bool) throws {
        try Eventually.waitBlocking(for: what, within: .milliseconds(Int64(seconds * 1000)), every: .milliseconds(100), context: {
            "--- up stdout:\n\(output)\n--- up stderr (last 60 lines):\n\(errors.split(separator: "\n").suffix(60).joined(separator: "\n"))"
        }, condition)
    }

    /// `smsgwctl send` started in the background (it follows the message to a final state).
    func startSend(to: String, text: String) throws -> Process {
        try ChildLauncher.launch(BuiltProducts.path(of: "smsgwctl"),
                                 ["send", "--config", configPath, "--to", to, "--text", text, "--timeout", "120"],
                                 logs: path, name: "send-\(to.dropFirst())", directory: directory, errorIntoOutput: true)
    }

    func sendOutput(to: String) -> String {
        (try? String(contentsOfFile: "\(path)/send-\(to.dropFirst()).out", encoding: .utf8)) ?? ""
    }

    static func alive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }

    /// One JSON line to the simulator's control socket (docs/modemsim.md), its answer.
    func simulatorControl(_ json: String) throws -> String {
        try JSONLineSocket.request(json, at: "\(path)/.smsgw/run/modemsim.sock")
    }

    /// A store connection for the test's own queries.
    func database() throws -> GatewayDatabase {
        try GatewayDatabase(path: "\(path)/.smsgw/gateway.sqlite", now: Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000)))
    }
}

struct UpBoxError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
