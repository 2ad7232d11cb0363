import Foundation
import GatewayCore
import GatewayIPC
import GatewayTestSupport
import Testing
@testable import SmsgwctlCommands
import GatewayConfig

/// `smsgwctl reload` without a box: its lines for each kind of answer, where it finds the
/// sockets under a file the daemons will refuse, and a box where nothing runs.
@Suite("smsgwctl reload")
struct ReloadCommandTests {
    @Test("one line per daemon", arguments: [
        // Applied and needing a restart, both named.
        (DaemonReload(ReloadReport(daemon: "ingressd", file: "g.toml", accepted: true, applied: ["accounts", "delivery"],
                                   needsRestart: ["listeners"], problems: [])),
         "ingressd  accepted; applied accounts, delivery; needs a restart: listeners"),
        // Nothing changed that this daemon reads.
        (DaemonReload(ReloadReport(daemon: "modemd", file: "g.toml", accepted: true, applied: [], needsRestart: [], problems: [])),
         "modemd    accepted; nothing to apply live"),
        // Every problem on the one line.
        (DaemonReload(ReloadReport(daemon: "watchdogd", file: "g.toml", accepted: false, applied: [], needsRestart: [],
                                   problems: ["g.toml:3:1: x: unknown key", "g.toml:9:1: y: must be positive"])),
         "watchdogd refused: g.toml:3:1: x: unknown key; g.toml:9:1: y: must be positive"),
        (DaemonReload(daemon: "simd", state: .notRunning, error: "no socket at /run/smsgw/simd.sock"), "simd      not running"),
        (DaemonReload(daemon: "queued", state: .noAnswer, error: "timed out"), "queued    no answer: timed out"),
    ])
    func lines(outcome: DaemonReload, line: String) {
        #expect(outcome.line == line)
        #expect(outcome.failed == [.refused, .noAnswer].contains(outcome.state))
    }

    /// The runtime directory is read from a file that does not validate (the daemons refuse it,
    /// smsgwctl must still reach them); the default when the file does not say; nil when the
    /// file is not TOML.
    @Test(arguments: [
        ("[runtime]\ndirectory = \"/tmp/box/run\"\n[no_such_section]\nx = 1\n", "/tmp/box/run"),
        ("[queue]\nmax_attempts = -1\n", "/run/smsgw"),
        ("[runtime\ndirectory = ", nil),
    ] as [(String, String?)])
    func runtimeDirectory(text: String, directory: String?) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(ConfigurationLoader.runtimeDirectory(file: path) == directory)
    }

    /// No daemon runs: every one "not running", exit 1.
    @Test func nothingRunning() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "[runtime]\ndirectory = \"\(directory)\"\n".write(toFile: "\(directory)/g.toml", atomically: true, encoding: .utf8)
        let run = try runProduct("smsgwctl", ["reload", "--config", "\(directory)/g.toml"])
        #expect(run.status == 1)
        #expect(run.standardOutput == ["modemd", "queued", "ingressd", "simd", "watchdogd"]
            .map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) + "not running\n" }.joined())
    }
}
