import GatewayCore
import GatewayStore
import QueueCore

/// queued's view of the store (docs/store.md), serialised through one connection: the pick,
/// attempts and their outcomes, sweeps, status-report correlation, status.
actor QueueStore {
    /// SQLite blocks (fsync, busy waits): this actor runs on a thread of its own, not the pool.
    private let thread: DatabaseThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private let database: GatewayDatabase
    /// The newest upstream outbox id seen (IngressWake.swift).
    var lastOutboxSeen: Int64?

    /// Times are the caller's (its clock's `now`): this actor never reads a clock.
    init(path: String, now: Timestamp) throws {
        thread = try DatabaseThread(name: "queued-store")
        database = try GatewayDatabase(path: path, now: now)
    }

    func lastOutboxID() throws -> Int64 { try database.lastOutboxID() }

    func markInFlightUnknown(now: Timestamp) throws -> [Int64] { try database.markInFlightAttemptsUnknown(now: now) }

    /// Marks `unknown` every attempt in flight whose message is not one of `live` (the messages
    /// this process has a send of): a send whose outcome could not be recorded leaves its
    /// attempt `pending` and its message `sending` for good. Returns how many were marked.
    func markStaleUnknown(live: Set<Int64>, now: Timestamp) throws -> Int {
        var marked = 0
        for (attempt, message) in try database.inFlightAttempts() where !live.contains(message) {
            try database.markAttemptUnknown(attempt, detail: "in flight with no send behind it (recover)", now: now)
            marked += 1
        }
        return marked
    }

    func pick(limit: Int, now: Timestamp) throws -> [SendableMessage] { try database.pickSendable(now: now, limit: limit) }

    func modemID(named name: String) throws -> Int64? { try database.modemID(named: name) }
    func simID(iccid: String) throws -> Int64? { try database.simID(iccid: iccid) }

    /// Sent counts of `simID` in the local hour, day and month windows holding `now`.
    /// The sent counts of each SIM of `simIDs` in the windows holding `now` — one call for the
    /// whole turn: every call of this actor is a hop to its thread and back.
    func sentCounts(simIDs: [Int64], at now: Timestamp, calendar: LocalCalendar) throws -> [Int64: WindowCounts] {
        let windows = Self.windows(containing: now, calendar: calendar)
        var counts: [Int64: WindowCounts] = [:]
        for simID in simIDs {
            counts[simID] = WindowCounts(hour: try database.simCounts(simID: simID, period: .hour, windows: windows).sent,
                                         day: try database.simCounts(simID: simID, period: .day, windows: windows).sent,
                                         month: try database.simCounts(simID: simID, period: .month, windows: windows).sent)
        }
        return counts
    }

    /// Records the TP-MRs of `sends` and starts every attempt of `starts` (message, modem, SIM),
    /// each charging its SIM's counter `windows` (the local ones holding `now`), in one
    /// transaction; a message no longer queued is that element's error.
    func recordAndBegin(_ sends: [(parts: [Int64], references: [Int])], begin starts: [(message: Int64, modem: Int64, sim: Int64)],
                        at now: Timestamp, charging windows: SimCounterWindows) throws -> [Result<Int64, StoreError>] {
        try database.recordSentAndBegin(Self.partsSent(sends), begin: starts.map {
            GatewayDatabase.AttemptStart(messageID: $0.message, modemID: $0.modem, simID: $0.sim, windows: windows)
        }, now: now)
    }

    private static func partsSent(_ sends: [(parts: [Int64], references: [Int])]) -> [GatewayDatabase.PartsSent] {
        sends.map { GatewayDatabase.PartsSent(partIDs: $0.parts, references: $0.references.map { UInt8(truncatingIfNeeded: $0) }) }
    }

    /// Records the TP-MRs of several sends in one transaction (`markSent` each).
    func markSent(_ sends: [(parts: [Int64], references: [Int])], now: Timestamp) throws {
        _ = try database.markPartsSent(Self.partsSent(sends), now: now)
    }

    /// The counter windows of the box's calendar (`LocalCalendar`) that hold `time`.
    static func windows(containing time: Timestamp, calendar: LocalCalendar) -> SimCounterWindows {
        SimCounterWindows(hour: calendar.start(of: .hour, containing: time), day: calendar.start(of: .day, containing: time),
                          month: calendar.start(of: .month, containing: time))
    }

    /// The SIM that last sent to `destination` since `since` (sticky routing).
    /// The SIM (ICCID) that last sent to each of `destinations` since `since`, and when; one
    /// call for a picked page.
    func lastSenders(to destinations: Set<String>, since: Timestamp) throws -> [String: LastSender] {
        var senders: [String: LastSender] = [:]
        for destination in destinations {
            if let last = try database.lastSender(to: destination, since: since) {
                senders[destination] = LastSender(iccid: last.iccid, at: last.at)
            }
        }
        return senders
    }

    /// Holds a queued message (QueueCore `SendWindow`); false when it was no longer queued.
    func hold(_ messageID: Int64, until: Timestamp, reason: String, now: Timestamp) throws -> Bool {
        try database.holdMessage(messageID, until: until, reason: reason, now: now)
    }

    /// Expires a waiting message with `reason` (QueueCore `SendWindow`).
    func expire(_ messageID: Int64, reason: String, now: Timestamp) throws -> Bool {
        try database.expireMessage(messageID, reason: reason, now: now)
    }

    /// Records the TP-MR of each part sent (in order); true when the message became `sent`.
    @discardableResult
    func markSent(parts: [Int64], references: [Int], now: Timestamp) throws -> Bool {
        var finished = false
        for (part, reference) in zip(parts, references) {
            finished = try database.markPartSent(partID: part, messageReference: UInt8(truncatingIfNeeded: reference),
                                                 now: now)
        }
        return finished
    }

    func failFinally(_ attemptID: Int64, errorCode: Int?, detail: String, now: Timestamp) throws {
        try database.failAttempt(attemptID, errorCode: errorCode, detail: detail, retry: false, now: now)
    }

    func failForRetry(_ attemptID: Int64, errorCode: Int?, detail: String, retryAt: Timestamp, now: Timestamp) throws {
        try database.failAttemptForRetry(attemptID, errorCode: errorCode, detail: detail, retryAt: retryAt, now: now)
    }

    /// An attempt that never reached a modem: handed back for a retry, its parts refunded to
    /// the SIM's counter `windows` its begin charged (`GatewayDatabase.handBackNotAttempted`).
    func handBackNotAttempted(_ attemptID: Int64, detail: String, chargedIn windows: SimCounterWindows, retryAt: Timestamp,
                              now: Timestamp) throws {
        try database.handBackNotAttempted(attemptID, detail: detail, chargedIn: windows, retryAt: retryAt, now: now)
    }

    func markUnknown(_ attemptID: Int64, messageID: Int64, detail: String, resend: Bool, now: Timestamp) throws {
        try database.markAttemptUnknown(attemptID, detail: detail, now: now)
        if resend { try database.requeueUnknown(messageID, now: now) }
    }

    /// Ended attempts that count towards `[queue].max_attempts`.
    func countedAttempts(messageID: Int64) throws -> Int { try database.countedAttemptCount(messageID: messageID) }

    /// Held messages whose time came → queued; waiting messages past validity → expired.
    func sweep(now: Timestamp) throws -> (released: Int, expired: Int) {
        var released = 0, expired = 0
        while true {
            let batch = try database.releaseDueHeld(now: now, limit: 500).count
            released += batch
            if batch < 500 { break }
        }
        while true {
            let batch = try database.expireDue(now: now, limit: 500).count
            expired += batch
            if batch < 500 { break }
        }
        return (released, expired)
    }

    /// Correlates pending status reports to parts (QueueCore `ReportCorrelation` chooses among
    /// the store's candidates); returns (matched, given up as unmatched, DLRs queued).
    func correlateReports(window: Duration, grace: Duration, now: Timestamp) throws -> (matched: Int, unmatched: Int, dlrs: Int) {
        var matched = 0, unmatched = 0, dlrs = 0
        for stored in try database.pendingStatusReports(limit: 500) {
            let report = stored.report
            let received = report.receivedAt
            // A minute of slack: the part's submit time and the report's arrival come from two clocks' reads.
            let candidates = try database.reportCandidates(for: report, window: (received - window)...(received + .seconds(60)))
            let facts = ReportFacts(modemID: report.modemID, simID: report.simID, messageReference: report.messageReference,
                                    recipient: report.recipient, receivedAt: received + .seconds(60))
            if let part = ReportCorrelation.match(facts, among: candidates.map(Self.candidate), window: window + .seconds(60)) {
                let result = try database.correlateStatusReport(stored.id, partID: part.partID, now: now)
                matched += 1
                dlrs += result.dlrs.count
            } else if received + grace < now {
                try database.markStatusReportUnmatched(stored.id)
                unmatched += 1
            }
        }
        return (matched, unmatched, dlrs)
    }

    private static func candidate(_ part: ReportCandidatePart) -> PartCandidate {
        PartCandidate(partID: part.partID, messageID: part.messageID, modemID: part.modemID, simID: part.simID,
                      messageReference: part.messageReference, recipient: part.recipient, submittedAt: part.submittedAt,
                      state: part.state)
    }

    func cancel(_ messageID: Int64, now: Timestamp) throws -> Bool {
        try database.cancelWaitingMessage(messageID, actor: .operator, reason: "cancelled on the control socket", now: now)
    }

    func depth() throws -> [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        for (state, classes) in try database.queueDepth() {
            result[state.rawValue] = Dictionary(uniqueKeysWithValues: classes.map { ($0.key.rawValue, $0.value) })
        }
        return result
    }

    func oldestWaitingMilliseconds(now: Timestamp) throws -> Int64? {
        try database.oldestQueuedCreation().map { now.millisecondsSince1970 - $0.millisecondsSince1970 }
    }
}

/// The SIM that last sent to a recipient, and when (sticky routing).
struct LastSender: Sendable {
    var iccid: String
    var at: Timestamp
}
