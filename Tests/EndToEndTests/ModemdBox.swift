import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import GatewayTestSupport

/// A little box for end-to-end tests: `smsgw-modemsim --fast` with four modems on ptys and a
/// simulated GPIO chip, `smsgw-modemd` on the same configuration with a real SQLite file, and
/// a client on modemd's control socket. Short watchdog timings keep recovery tests short.
final class ModemdBox {
    let directory: URL
    let configPath: String
    var simulator: Process?
    var modemd: Process?
    var client: IPCClient<ModemdProtocol>?

    var path: String { directory.path }
    var socketPath: String { "\(path)/run/modemd.sock" }
    var simulatorSocket: String { "\(path)/run/modemsim.sock" }
    var databasePath: String { "\(path)/gateway.sqlite" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("modemd-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("run"), withIntermediateDirectories: true)
        configPath = directory.appendingPathComponent("gateway.toml").path
        try Self.configuration(in: directory.path).write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// m1, m2: SIMCom with GPIO SIM select; m3: Quectel switching SIMs by AT command; m4: SIMCom.
    static func configuration(in path: String) -> String {
        var text = """
            [store]
            path = "\(path)/gateway.sqlite"
            [runtime]
            directory = "\(path)/run"
            [gpio]
            driver = "simulated"
            simulated_state_path = "\(path)/gpio"
            [watchdog]
            hardware = false
            modem_poll_interval = "2s"
            modem_hang_timeout = "8s"
            power_off_time = "1s"
            modem_boot_time = "10s"
            [listeners.admin]
            password = "$y$j9T$mrx7UiSMrifF0idPF5fCR.$wq7JLInw8Ofuamdw8OkIvjItrzqh20.1pznTO2E.B90"
            [[sim_groups]]
            id = "default"
            [[sims]]
            id = "m1-a"
            modem = "m1"
            slot = 0
            groups = ["default"]

            """
        for number in 1...4 {
            let select = number == 3
                ? #"{ method = "at", command = "AT+QDSIM={slot}" }"#
                : #"{ method = "gpio", lines = [{ chip = "gpiochip0", line = \#(8 + number) }] }"#
            text += """
                [[modems]]
                id = "m\(number)"
                device = "\(path)/m\(number)"
                slots = 2
                power = { chip = "gpiochip0", line = \(number) }
                profile = "\(number == 3 ? "quectel-ec25" : "simcom-sim800")"
                slot_select = \(select)

                """
        }
        return text
    }

    /// Starts both programs and waits until every modem is ready.
    func start() async throws {
        simulator = try launch("smsgw-modemsim", ["--config", configPath, "--fast", "--report-delay", "0.2",
                                                  "--failed-share", "0", "--expired-share", "0"], log: "modemsim")
        try await waitFor("the simulator's control socket") { FileManager.default.fileExists(atPath: self.simulatorSocket) }
        modemd = try launch("smsgw-modemd", ["--config", configPath, "--log-level", "trace"], log: "modemd")
        try await waitFor("modemd's control socket") { FileManager.default.fileExists(atPath: self.socketPath) }
        client = try await IPCClient<ModemdProtocol>.connect(to: socketPath)
        try await waitForReady(["m1", "m2", "m3", "m4"], within: .seconds(30))
    }

    /// SIGTERM, up to 5 s to exit, then SIGKILL: a test never hangs on a child.
    func stop() {
        for process in [modemd, simulator].compactMap({ $0 }) { stopChild(process) }
    }

    /// Closes the control connection, then stops both programs.
    func shutDown() async {
        await client?.close()
        client = nil
        stop()
    }

    private func launch(_ product: String, _ arguments: [String], log: String) throws -> Process {
        try ChildLauncher.launch(BuiltProducts.path(of: product), arguments, logs: path, name: log, directory: directory)
    }

    func modemdLog() -> String { (try? String(contentsOfFile: "\(path)/modemd.err", encoding: .utf8)) ?? "" }

    func simulatorLog() -> String {
        ["out", "err"].map { (try? String(contentsOfFile: "\(path)/modemsim.\($0)", encoding: .utf8)) ?? "" }.joined()
    }

    func call(_ request: ModemdProtocol.Request) async throws -> ModemdProtocol.Response {
        guard let client else { throw IPCError(.connectFailed, "not started") }
        return try await client.call(request, timeout: .seconds(60))
    }

    func status() async throws -> [String: ModemdModemStatus] {
        guard case .status(let modems) = try await call(.status) else { return [:] }
        return Dictionary(uniqueKeysWithValues: modems.map { ($0.id, $0) })
    }

    func waitForReady(_ modems: [String], within limit: Duration) async throws {
        try await waitFor("\(modems) ready", within: limit) {
            let status = try await self.status()
            return modems.allSatisfy { status[$0]?.state == "ready" }
        }
    }

    func waitFor(_ what: String, within limit: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws {
        try await Eventually.wait(for: what, within: limit, context: {
            "--- modemd log tail:\n\(modemdLog().suffix(3000))\n--- modemsim:\n\(simulatorLog())"
        }, condition)
    }

    /// One JSON line to the simulator's control socket; its one-line answer.
    func simulatorControl(_ json: String) throws -> String {
        try JSONLineSocket.request(json, at: simulatorSocket)
    }

    func database() throws -> GatewayDatabase {
        try GatewayDatabase(path: databasePath, now: Timestamp(secondsSince1970: 1_800_000_000))
    }
}

struct BoxError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
