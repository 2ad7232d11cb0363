import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import GatewayTestSupport

/// A box for the queue's end-to-end tests: `smsgw-modemsim --fast` with four modems,
/// `smsgw-modemd`, `smsgw-queued` and a real SQLite file. Messages are inserted with the
/// store's `accept` and a wake-up datagram, as ingress does.
final class QueuedBox {
    let directory: URL
    let configPath: String
    var processes: [String: Process] = [:]
    var queued: IPCClient<QueuedProtocol>?
    /// How many simulated modems (`m1`…), and the simulator's timing options.
    let modemCount: Int
    let simulatorTiming: [String]

    var path: String { directory.path }
    var runtime: String { "\(path)/run" }
    var databasePath: String { "\(path)/gateway.sqlite" }

    /// `extra` is appended to the configuration (routes, SIM groups, SIMs with their limits).
    /// `modems` SIM800s, `simulatorTiming` the simulator's timing (`--fast`, `--time-scale F`).
    /// `modemKeys` is added to every `[[modems]]` table (slots, slot_select).
    init(extra: String, modems: Int = 4, simulatorTiming: [String] = ["--fast"], modemKeys: String = "") throws {
        modemCount = modems
        self.simulatorTiming = simulatorTiming
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("queued-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("run"), withIntermediateDirectories: true)
        configPath = directory.appendingPathComponent("gateway.toml").path
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
            [listeners.admin]
            enabled = false
            password = "$y$j9T$mrx7UiSMrifF0idPF5fCR.$wq7JLInw8Ofuamdw8OkIvjItrzqh20.1pznTO2E.B90"
            [sim_defaults]
            per_hour = 100000
            per_day = 100000
            per_month = 100000
            cooldown = "0s"
            [queue]
            sweep_interval = "1s"
            send_jitter = "0s"
            quiet_hours = "off"

            """
        for number in 1...modems {
            text += """
                [[modems]]
                id = "m\(number)"
                device = "\(path)/m\(number)"
                profile = "simcom-sim800"
                \(modemKeys)

                """
        }
        try (text + extra).write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    func start() async throws {
        processes["modemsim"] = try launch("smsgw-modemsim", ["--config", configPath] + simulatorTiming + ["--report-delay", "0.2",
                                                              "--failed-share", "0", "--expired-share", "0"], log: "modemsim")
        try await waitFor("the simulator") { FileManager.default.fileExists(atPath: "\(self.runtime)/modemsim.sock") }
        processes["modemd"] = try launch("smsgw-modemd", ["--config", configPath], log: "modemd")
        try await waitFor("modemd") { FileManager.default.fileExists(atPath: "\(self.runtime)/modemd.sock") }
        try await startQueued()
        try await waitFor("\(modemCount) ready modems in queued", within: .seconds(30)) {
            try await self.status().readyModems.count == self.modemCount
        }
    }

    func startQueued() async throws {
        processes["queued"] = try launch("smsgw-queued", ["--config", configPath],
                                         log: "queued", append: true)
        queued = try await IPCClient<QueuedProtocol>.connect(to: "\(runtime)/queued.sock", retryingFor: .seconds(20))
    }

    /// SIGKILL, no chance to clean up: what a crash or power cut leaves.
    func killQueued() async {
        await queued?.close()
        queued = nil
        if let process = processes["queued"] {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    func stop() {
        for name in ["simd", "ingressd", "queued", "modemd", "modemsim"] {
            if let process = processes[name] { stopChild(process) }
        }
    }

    func launch(_ product: String, _ arguments: [String], log: String, append: Bool = false,
                environment: [String: String] = [:]) throws -> Process {
        try ChildLauncher.launch(BuiltProducts.path(of: product), arguments, logs: path, name: log,
                                 environment: environment, directory: directory, append: append)
    }

    func log(_ name: String) -> String { (try? String(contentsOfFile: "\(path)/\(name).err", encoding: .utf8)) ?? "" }

    func status() async throws -> QueueStatus {
        guard let queued, case .status(let status) = try await queued.call(.status, timeout: .seconds(10)) else {
            throw BoxError("no status from queued")
        }
        return status
    }

    /// queued's turns since it started (its health's progress): each turn looks for work.
    func queuedProgress() async throws -> Int {
        guard let queued, case .health(let health) = try await queued.call(.health, timeout: .seconds(10)) else {
            throw BoxError("no health from queued")
        }
        return health.progress
    }

    /// Waits until queued has begun `turns` more turns: whatever they could send, they did.
    func waitForTurns(_ turns: Int) async throws {
        let start = try await queuedProgress()
        try await waitFor("\(turns) more turns of queued") { try await self.queuedProgress() >= start + turns }
    }

    /// Accepts `messages` in one durable batch and wakes the queue, as ingress does.
    @discardableResult
    func accept(_ messages: [NewMessage]) throws -> [Int64] {
        let database = try database()
        let ids = try database.accept(messages, now: Self.now)
        Wakeup.send(to: "\(runtime)/queued.wake")
        return ids
    }

    static var now: Timestamp { Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000)) }

    /// A one-part GSM 7-bit SMS-SUBMIT TPDU to `destination` (3GPP TS 23.040 §9.2.2.2), status
    /// report requested when `report`.
    static func message(to destination: String, _ messageClass: MessageClass, text: String = "hello",
                        report: Bool = false) -> NewMessage {
        let digits = destination.dropFirst()
        var nibbles = Array(digits)
        if nibbles.count % 2 == 1 { nibbles.append("F") }
        var address = ""
        for index in stride(from: 0, to: nibbles.count, by: 2) { address += "\(nibbles[index + 1])\(nibbles[index])" }
        // TP-MTI submit, TP-SRR when a report is wanted; TP-MR 0; address; PID 0; DCS 0; no VP; UDL 5 "hello".
        let first = report ? "21" : "01"
        let length = String(format: "%02X", digits.count)
        let tpdu = first + "00" + length + "91" + address + "0000" + "05E8329BFD06"
        return NewMessage(account: "acme", source: "ACME", destination: destination, messageClass: messageClass,
                          text: text, encoding: .gsm7, partsHex: [tpdu], expiresAt: now + .seconds(3600),
                          registeredDelivery: report)
    }

    func database() throws -> GatewayDatabase { try GatewayDatabase(path: databasePath, now: Self.now) }

    func count(_ sql: String) throws -> Int { try database().connection.queryFirst(sql) { $0.int(0) } ?? -1 }

    /// The simulator's count of AT+CMGS it answered, per modem: the witness of what went out.
    func simulatorSent() throws -> [String: Int] {
        let answer = try simulatorControl(#"{"command":"status"}"#)
        let object = try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any]
        let modems = object?["modems"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: modems.compactMap { modem in
            (modem["id"] as? String).map { ($0, modem["sent"] as? Int ?? 0) }
        })
    }

    /// Waits for `condition` (a row written, a status answered); an error it throws (a broken
    /// query, a daemon that refuses) fails the wait at once.
    func waitFor(_ what: String, within limit: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
        try await Eventually.wait(for: what, within: limit, context: {
            "--- queued log tail:\n\(log("queued").suffix(3000))\n--- modemd:\n\(log("modemd").suffix(1500))"
        }, condition)
    }

    /// The simulator's record of every body its modems took (docs/modemsim.md `ledger`).
    func ledger() throws -> [SimulatorLedger.Entry] { try SimulatorLedger.read(at: "\(runtime)/modemsim.sock") }

    /// The store's messages counted against the simulator's ledger, message by message.
    func audit() throws -> SendAudit { try SendAudit(database: database(), ledger: ledger()) }

    func simulatorControl(_ json: String) throws -> String {
        try JSONLineSocket.request(json, at: "\(runtime)/modemsim.sock")
    }
}
