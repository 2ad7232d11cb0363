import Foundation
import GatewayTestSupport
import Testing

/// `smsgwctl reload` against a running box (`smsgwctl up`, every daemon): an account's SMPP
/// password and throughput changed in the file are taken live by ingressd (the old password
/// refused, the new accepted, the session bound with the old one unbound, the new rate in force),
/// a `[queue]` change by queued, SIM limits by simd and queued, a threshold by watchdogd; a
/// broken file is refused by every daemon, which keeps working; a listener change "needs a
/// restart"; a new rate alone leaves the session bound and applies to it at once; SIGHUP to
/// `up` reloads every daemon.
@Suite(.serialized) struct ReloadEndToEndTests {
    /// SHA-512-crypt of "n3w-pass" (openssl passwd -6 -salt reloadsalt n3w-pass): cheaper to
    /// verify than yescrypt, and a different scheme than the old hash.
    static let newHash = "$6$reloadsalt$C0dtAQgkVu/5pc8mCQmkhu1Jym3seq99.0GzXPF2Cy82rFRzEQ8glrddGh6ZGvHv7rlpfX./9CjuMSzLsqycR/"

    @Test(.timeLimit(.minutes(2))) func theBoxReloadsWhatItCanAndSaysWhatNeedsARestart() throws {
        let box = try UpBox(watchdogSeconds: 3)
        try box.start()
        let original = try String(contentsOfFile: box.configPath, encoding: .utf8)
        let old = try ReloadSMPPPeer(port: box.smppPort)
        #expect(try old.bind(systemID: "demo", password: "demo") == 0)

        // The account's password and throughput, and [queue], change in the file.
        var fileLines = original.components(separatedBy: "\n")
        let systemID = try #require(fileLines.firstIndex(of: "system_id = \"demo\""))
        #expect(fileLines[systemID + 1].hasPrefix("password = \"$y$"))
        fileLines[systemID + 1] = "password = \"\(Self.newHash)\""
        var changed = fileLines.joined(separator: "\n")
        changed = changed.replacingOccurrences(of: "[[accounts]]\nid = \"demo\"\n", with: "[[accounts]]\nid = \"demo\"\nthroughput = 1\n")
        changed = changed.replacingOccurrences(of: "[queue]\n", with: "[queue]\nmax_attempts = 4\n")
        // …and a watchdogd threshold, and every SIM's hourly limit (simd and queued).
        changed = changed.replacingOccurrences(of: "[watchdog]\n", with: "[watchdog]\nrestart_limit = 4\n")
        changed = changed.replacingOccurrences(of: "[queue]\n", with: "[sim_defaults]\nper_hour = 55\n\n[queue]\n")
        #expect(changed.contains(Self.newHash) && changed.contains("throughput = 1") && changed.contains("max_attempts = 4")
            && changed.contains("restart_limit = 4") && changed.contains("per_hour = 55"))
        try changed.write(toFile: box.configPath, atomically: true, encoding: .utf8)
        let reload = try runProduct("smsgwctl", ["reload", "--config", box.configPath])
        #expect(reload.status == 0, "\(reload.standardOutput)\(reload.standardError)")
        let lines = Self.lines(reload.standardOutput)
        #expect(lines["ingressd"] == "accepted; applied accounts", "\(reload.standardOutput)")
        #expect(lines["queued"] == "accepted; applied sim_defaults, sims, queue", "\(reload.standardOutput)")
        #expect(lines["simd"] == "accepted; applied sim_defaults, sims", "\(reload.standardOutput)")
        #expect(lines["watchdogd"] == "accepted; applied watchdog", "\(reload.standardOutput)")
        #expect(lines["modemd"] == "accepted; nothing to apply live", "\(reload.standardOutput)")

        // The session bound with the old password is unbound (an unbind, then the close) within
        // a health tick, not at the inactivity timeout.
        let unbindStarted = Date()
        #expect(try old.awaitUnbindAndClose())
        #expect(Date().timeIntervalSince(unbindStarted) < 3)
        #expect(try ReloadSMPPPeer(port: box.smppPort).bind(systemID: "demo", password: "demo") == 0x0D)  // ESME_RBINDFAIL
        let new = try ReloadSMPPPeer(port: box.smppPort)
        #expect(try new.bind(systemID: "demo", password: "n3w-pass") == 0)
        // throughput = 1: one submit a second; the second at once is ESME_RTHROTTLED.
        #expect(try new.submit(to: "31612345100", text: "after the reload") == 0)
        #expect(try new.submit(to: "31612345101", text: "too soon") == 0x58)

        // A new rate only: the session bound before stays bound and follows it at once. From
        // here on the account may send 100 a second, so no step below waits for its rate to refill.
        changed = changed.replacingOccurrences(of: "throughput = 1\n", with: "throughput = 100\n")
        try changed.write(toFile: box.configPath, atomically: true, encoding: .utf8)
        let faster = try runProduct("smsgwctl", ["reload", "--config", box.configPath])
        #expect(Self.lines(faster.standardOutput)["ingressd"] == "accepted; applied accounts", "\(faster.standardOutput)")
        #expect(try new.submit(to: "31612345106", text: "one") == 0)
        #expect(try new.submit(to: "31612345107", text: "two at once") == 0)

        // A broken file: every daemon refuses it, names the problem, and keeps working.
        try (changed + "\n[no_such_section]\nkey = 1\n").write(toFile: box.configPath, atomically: true, encoding: .utf8)
        let refused = try runProduct("smsgwctl", ["reload", "--config", box.configPath, "--json"])
        #expect(refused.status == 1)
        let outcomes = try JSONSerialization.jsonObject(with: Data(refused.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(outcomes.count == 5, "\(refused.standardOutput)")
        for outcome in outcomes {
            #expect(outcome["state"] as? String == "refused", "\(outcome)")
            let problems = (outcome["report"] as? [String: Any])?["problems"] as? [String] ?? []
            #expect(problems.contains { $0.contains("no_such_section") }, "\(outcome)")
        }
        #expect(try new.submit(to: "31612345102", text: "still accepted") == 0)
        // …and the whole way to a modem still works (`send` itself needs a good file: a copy).
        let good = "\(box.path)/good.toml"
        try changed.write(toFile: good, atomically: true, encoding: .utf8)
        let send = try runProduct("smsgwctl", ["send", "--config", good, "--to", "+31612345103", "--text", "still sent"])
        #expect(send.status == 0 && send.standardOutput.hasSuffix(" delivered\n"), "\(send.standardOutput)\(send.standardError)")

        // A listener change is valid but only taken at a restart.
        let port = try IngressSMPPBox.freePort()
        changed = changed.replacingOccurrences(of: "port = \(box.smppPort)", with: "port = \(port)")
        try changed.write(toFile: box.configPath, atomically: true, encoding: .utf8)
        let restart = try runProduct("smsgwctl", ["reload", "--config", box.configPath])
        #expect(restart.status == 0, "\(restart.standardOutput)")
        #expect(Self.lines(restart.standardOutput)["ingressd"] == "accepted; nothing to apply live; needs a restart: listeners",
                "\(restart.standardOutput)")
        #expect(try new.submit(to: "31612345104", text: "same listener") == 0)

        // SIGHUP to `up` (systemctl reload smsgw.target on a box): every daemon reloads; the
        // simulator, which does not trap SIGHUP, is not sent it and lives on.
        let valid = { box.errors.components(separatedBy: " is valid; ").count - 1 }
        let before = valid()
        kill(box.process.processIdentifier, SIGHUP)
        try box.waitFor("five daemons to reload on SIGHUP", seconds: 10) { valid() == before + 5 }
        #expect(box.errors.contains("up: SIGHUP: the daemons reload the configuration"))
        #expect(box.process.isRunning)
        #expect(box.pids(of: "modemsim").count == 1, "the simulator was not restarted")
        #expect(try new.submit(to: "31612345105", text: "after SIGHUP") == 0)
    }

    /// `daemon   rest` lines by daemon.
    static func lines(_ output: String) -> [String: String] {
        var lines: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { lines[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return lines
    }
}

/// An SMPP 3.4 transmitter by hand (§4.1.1 bind_transmitter, §4.4.1 submit_sm, §4.2 unbind):
/// the command status of each answer, and whether the gateway unbinds and closes the session.
final class ReloadSMPPPeer {
    private let connection: BlockingTCPConnection
    private var received: [UInt8] = []
    private var sequence: UInt32 = 0

    init(port: Int) throws { connection = try BlockingTCPConnection(port: port) }

    /// bind_transmitter_resp's command_status.
    func bind(systemID: String, password: String) throws -> UInt32 {
        try call(0x02, cString(systemID) + cString(password) + cString("") + [0x34, 0, 0] + cString("")).status
    }

    /// submit_sm_resp's command_status.
    func submit(to destination: String, text: String) throws -> UInt32 {
        var body = cString("") + [5, 0] + cString("Shop") + [1, 1] + cString(destination)
        body += [0, 0, 0] + cString("") + cString("") + [0, 0, 0, 0, UInt8(text.utf8.count)] + Array(text.utf8)
        return try call(0x04, body).status
    }

    /// Reads until the gateway's unbind (answered with unbind_resp) and then the end of the
    /// connection: true when both came in that order.
    func awaitUnbindAndClose() throws -> Bool {
        while let (command, _, number) = try readPDU() {
            if command == 0x15 { try write(0x8000_0015, number, []) }  // enquire_link
            if command == 0x06 {
                try write(0x8000_0006, number, [])
                return try readPDU() == nil
            }
        }
        return false
    }

    private func call(_ command: UInt32, _ body: [UInt8]) throws -> (command: UInt32, status: UInt32) {
        sequence += 1
        try write(command, sequence, body)
        while let answer = try readPDU() {
            if answer.2 == sequence, answer.0 & 0x8000_0000 != 0 { return (answer.0, answer.1) }
        }
        throw UpBoxError("SMPP connection closed before the answer to 0x\(String(command, radix: 16))")
    }

    private func write(_ command: UInt32, _ number: UInt32, _ body: [UInt8]) throws {
        try connection.write(word(UInt32(16 + body.count)) + word(command) + word(0) + word(number) + body)
    }

    /// The next PDU's command, status and sequence number; nil at the end of the connection.
    private func readPDU() throws -> (UInt32, UInt32, UInt32)? {
        while true {
            if received.count >= 16 {
                let length = Int(read(0))
                if received.count >= length {
                    let pdu = (read(4), read(8), read(12))
                    received.removeFirst(length)
                    return pdu
                }
            }
            let more = try connection.read()
            if more.isEmpty { return nil }
            received += more
        }
    }

    private func read(_ offset: Int) -> UInt32 {
        received[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private func word(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
    private func cString(_ text: String) -> [UInt8] { Array(text.utf8) + [0] }
}
