import Foundation
import GatewayConfig
import GatewayCore
import GatewayDaemon
import GatewayStore
import GatewayTestSupport
import Logging
import Synchronization

/// What the in-process tests of the daemons' loops share: a scratch directory with the box's
/// SQLite file, a configuration decoded from TOML as the daemons decode theirs, messages
/// accepted through the store's accept, and a logger whose lines a test can read.
final class LoopScratch: Sendable {
    let directory: URL
    var path: String { directory.path }
    var databasePath: String { "\(path)/gateway.sqlite" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("run"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A connection of the test's own (the daemons' store actors hold theirs).
    func database(now: Timestamp) throws -> GatewayDatabase { try GatewayDatabase(path: databasePath, now: now) }

    func count(_ sql: String, now: Timestamp) throws -> Int {
        try database(now: now).connection.queryFirst(sql) { $0.int(0) } ?? -1
    }

    /// A valid configuration: `modems` SIM800s with `slots` slots each (`m1`…), every slot a
    /// SIM in group `default` (`m1-a`, `m1-b`, …) with `simKeys` (limits), the `[queue]`
    /// keys given, and `extra` appended (group keys, accounts, `[delivery]`).
    func configuration(modems: Int = 1, slots: Int = 1, zone: String = "UTC", simKeys: String = "",
                       queue: String = "", group: String = "", extra: String = "") throws -> GatewayConfiguration {
        var text = """
            [box]
            time_zone = "\(zone)"
            [store]
            path = "\(databasePath)"
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
            send_jitter = "0s"
            retry_jitter_percent = 0
            \(queue)

            [[sim_groups]]
            id = "default"
            \(group)

            """
        for modem in 1...modems {
            text += """
                [[modems]]
                id = "m\(modem)"
                device = "\(path)/m\(modem)"
                profile = "simcom-sim800"
                \(slots > 1 ? "slots = \(slots)\nslot_select = { method = \"at\", command = \"AT+CSDS={slot}\" }" : "")

                """
            for slot in 0..<slots {
                text += """
                    [[sims]]
                    id = "\(Self.sim(modem: modem, slot: slot))"
                    modem = "m\(modem)"
                    slot = \(slot)
                    groups = ["default"]
                    \(simKeys)

                    """
            }
        }
        let environment = ConfigurationEnvironment { name in TimeZoneNames.isInstalled(name, under: ZoneFile.directory) }
        return try ConfigurationLoader.decode(text + extra, file: "\(path)/gateway.toml", environment: environment)
    }

    static func sim(modem: Int, slot: Int) -> String { "m\(modem)-\(["a", "b", "c", "d", "e", "f", "g", "h"][slot])" }

    /// Accepts `messages` at `now` through the store's accept, as ingressd's commit does.
    @discardableResult
    func accept(_ messages: [NewMessage], now: Timestamp) throws -> [Int64] {
        try database(now: now).accept(messages, now: now)
    }

    /// A one-part GSM 7-bit SMS-SUBMIT "hello" to `destination` (3GPP TS 23.040 §9.2.2.2:
    /// TP-MTI submit, TP-MR 0, the address, PID 0, DCS 0, no VP, UDL 5), valid until `expiresAt`.
    static func message(to destination: String, _ messageClass: MessageClass = .transactional,
                        expiresAt: Timestamp) -> NewMessage {
        let digits = Array(destination.dropFirst()) + (destination.count % 2 == 0 ? ["F"] : [])
        var address = ""
        for index in stride(from: 0, to: digits.count, by: 2) { address += "\(digits[index + 1])\(digits[index])" }
        let tpdu = "0100" + String(format: "%02X", destination.count - 1) + "91" + address + "0000" + "05E8329BFD06"
        return NewMessage(account: "acme", source: "ACME", destination: destination, messageClass: messageClass,
                          text: "hello", encoding: .gsm7, partsHex: [tpdu], expiresAt: expiresAt)
    }

    /// `count` distinct destinations, `+3162…`.
    static func destinations(_ count: Int, from first: Int = 0) -> [String] {
        (first..<first + count).map { "+3162\(String(format: "%07d", $0))" }
    }
}

/// A time of the test's world, written as RFC 3339.
func instant(_ text: String) -> Timestamp {
    guard let time = RFC3339.parse(text) else { preconditionFailure("not RFC 3339: \(text)") }
    return time
}

/// A swift-log handler that keeps every line, so a test can read what a loop logged.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "test") { _ in Handler(capture: self) }
    }

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func count(of fragment: String) -> Int { lines.withLock { $0.filter { $0.contains(fragment) }.count } }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append("\(event.level): \(event.message)")
        }
    }
}

/// Waits (in real time, polling) until `condition` holds: for an effect that runs on other
/// tasks or on a store's thread after the test moved the clock or kicked a loop. Throws after
/// `within` with what was awaited.
/// `Eventually.wait` polled every 2 ms: the loops under test answer within microseconds of
/// the manual clock moving, and the day test waits once per simulated second.
func waitUntil(_ what: String, within: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws {
    try await Eventually.wait(for: what, within: within, every: .milliseconds(2), condition)
}

struct LoopTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
