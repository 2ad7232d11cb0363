import Foundation
import GatewayCore
import GatewayStore

/// The utilisation scenario, shared by the CI test (200 messages, time scale 0.5) and
/// the benchmark (2,000 messages, realistic timing): a marketing backlog over `modems`
/// simulated SIM800s, and OTPs accepted once it is being sent. What it measures comes from
/// the simulator (busy time and AT+CMGS count per modem) and the store (attempt order).
struct QueuedUtilisationRun {
    var messages: Int
    var otps = 10
    var modems = 8
    var timeScale: Double
    /// How many marketing messages are sent before the OTPs are accepted.
    var otpsAfter = 16
    /// Longest the run may take.
    var limit: Duration

    /// Each modem's share of the window in which messages waited: from the first `AT+CMGS`
    /// body the bank saw to the last one (after it nothing waits), its sending time inside the
    /// window over the window's length.
    struct Utilisation {
        var perModem: [String: Double]
        var window: Double
        var lowest: Double { perModem.values.min() ?? 0 }
        var overall: Double { perModem.isEmpty ? 0 : perModem.values.reduce(0, +) / Double(perModem.count) }
    }

    struct Outcome {
        /// The simulator's AT+CMGS count per modem: the witness of what went out.
        var sentPerModem: [String: Int]
        var attempts: Int
        var sentMessages: Int
        /// The store counted against the simulator's ledger (`SendAudit`).
        var audit: SendAudit
        var utilisation: Utilisation
        /// Marketing attempts started before the last OTP's attempt, and before the OTPs were accepted.
        var marketingBeforeLastOTP: Int
        var marketingBeforeOTPsAccepted: Int
        var elapsed: Duration
        /// Milliseconds from one attempt's outcome recorded to the next begun on the same modem
        /// (queued's turn latency), mean and largest; and an attempt's mean length (begun to
        /// recorded: modemd, the AT dialogue and the sending time).
        var queuedGap: (mean: Double, max: Int)
        var attemptMean: Double
    }

    var configuration: String {
        "[[sim_groups]]\nid = \"default\"\n"
            + (1...modems).map { "[[sims]]\nid = \"m\($0)-a\"\nmodem = \"m\($0)\"\nslot = 0\ngroups = [\"default\"]\n" }.joined()
    }

    func run() async throws -> Outcome {
        let box = try QueuedBox(extra: configuration, modems: modems, simulatorTiming: ["--time-scale", "\(timeScale)"])
        defer { box.stop() }
        try await box.start()
        let started = ContinuousClock.now
        let marketing = (0..<(messages - otps)).map {
            QueuedBox.message(to: "+3162\(String(format: "%07d", $0))", .marketing, report: $0 % 4 == 0)
        }
        for batch in stride(from: 0, to: marketing.count, by: 50) {
            try box.accept(Array(marketing[batch..<min(batch + 50, marketing.count)]))
        }
        try await box.waitFor("\(otpsAfter) marketing messages sent", within: limit) {
            try box.count("SELECT count(*) FROM messages WHERE state IN ('sent', 'delivered')") >= otpsAfter
        }
        let marketingBeforeAccept = try box.count("SELECT count(*) FROM attempts")
        let otpIDs = try box.accept((0..<otps).map { QueuedBox.message(to: "+3169\(String(format: "%07d", $0))", .otp) })
        try await box.waitFor("all \(messages) sent", within: limit) {
            try box.count("SELECT count(*) FROM messages WHERE state IN ('sent', 'delivered')") == messages
        }
        let elapsed = ContinuousClock.now - started
        let idList = otpIDs.map(String.init).joined(separator: ",")
        let lastOTPAttempt = try box.count("SELECT max(id) FROM attempts WHERE message_id IN (\(idList))")
        let marketingBefore = try box.count(
            "SELECT count(*) FROM attempts WHERE id < \(lastOTPAttempt) AND message_id NOT IN (\(idList))")
        let modemsStatus = try box.simulatorModems()
        // Per modem, from the store's attempt times: from an outcome recorded to the next attempt begun.
        let attempts = try box.database().connection.query(
            "SELECT modem_id, started_at, finished_at FROM attempts ORDER BY modem_id, id", row: { ($0.int(0), $0.int(1), $0.int(2)) })
        let gaps = zip(attempts, attempts.dropFirst()).filter { $0.0 == $1.0 }.map { $1.1 - $0.2 }
        return Outcome(
            sentPerModem: modemsStatus.mapValues(\.sent),
            attempts: try box.count("SELECT count(*) FROM attempts"),
            sentMessages: try box.count("SELECT count(*) FROM messages WHERE state IN ('sent', 'delivered')"),
            audit: try box.audit(),
            utilisation: Self.utilisation(modemsStatus),
            marketingBeforeLastOTP: marketingBefore, marketingBeforeOTPsAccepted: marketingBeforeAccept,
            elapsed: elapsed,
            queuedGap: (gaps.isEmpty ? 0 : Double(gaps.reduce(0, +)) / Double(gaps.count), gaps.max() ?? 0),
            attemptMean: attempts.isEmpty ? 0 : Double(attempts.map { $0.2 - $0.1 }.reduce(0, +)) / Double(attempts.count))
    }

    static func utilisation(_ modems: [String: SimulatorModem]) -> Utilisation {
        let starts = modems.values.compactMap(\.firstSendAt)
        let lasts = modems.values.compactMap(\.lastSendAt)
        guard let windowStart = starts.min(), let windowEnd = lasts.max(), windowEnd > windowStart else {
            return Utilisation(perModem: [:], window: 0)
        }
        let window = windowEnd - windowStart
        // No send starts after the window; only each modem's last one can run past its end.
        let perModem = modems.mapValues { modem in
            let overhang = max(0, (modem.lastSendFinishedAt ?? windowEnd) - windowEnd)
            return (modem.busySeconds - overhang) / window
        }
        return Utilisation(perModem: perModem, window: window)
    }
}

/// One modem of the simulator's `status` answer (docs/modemsim.md).
struct SimulatorModem: Decodable {
    var id: String
    var sent: Int
    var busySeconds: Double
    var firstSendAt: Double?
    var lastSendAt: Double?
    var lastSendFinishedAt: Double?
}

extension QueuedBox {
    func simulatorModems() throws -> [String: SimulatorModem] {
        struct Answer: Decodable { var modems: [SimulatorModem] }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(try simulatorControl(#"{"command":"status"}"#).utf8))
        return Dictionary(uniqueKeysWithValues: answer.modems.map { ($0.id, $0) })
    }
}
