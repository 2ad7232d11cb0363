import GatewayCore
import GatewayStore

/// queued's view of the store (docs/store.md), serialised through one connection: the pick,
/// attempts and their outcomes, sweeps, status-report correlation, status.
actor QueueStore {
    private let database: GatewayDatabase

    init(path: String) throws {
        database = try GatewayDatabase(path: path, now: .wallClock)
    }

    func markInFlightUnknown() throws -> [Int64] { try database.markInFlightAttemptsUnknown(now: .wallClock) }

    func pick(limit: Int) throws -> [SendableMessage] { try database.pickSendable(now: .wallClock, limit: limit) }

    func modemID(named name: String) throws -> Int64? { try database.modemID(named: name) }
    func simID(iccid: String) throws -> Int64? { try database.simID(iccid: iccid) }

    /// Sent counts of `simID` in the current hour, day and month.
    func sentCounts(simID: Int64, at now: Timestamp) throws -> (hour: Int, day: Int, month: Int) {
        (try database.simCounts(simID: simID, period: .hour, at: now).sent,
         try database.simCounts(simID: simID, period: .day, at: now).sent,
         try database.simCounts(simID: simID, period: .month, at: now).sent)
    }

    func begin(messageID: Int64, modemID: Int64, simID: Int64) throws -> Int64 {
        try database.beginChargedAttempt(messageID: messageID, modemID: modemID, simID: simID, now: .wallClock)
    }

    /// Records the TP-MR of each part sent (in order); true when the message became `sent`.
    @discardableResult
    func markSent(parts: [Int64], references: [Int]) throws -> Bool {
        var finished = false
        for (part, reference) in zip(parts, references) {
            finished = try database.markPartSent(partID: part, messageReference: UInt8(truncatingIfNeeded: reference),
                                                 now: .wallClock)
        }
        return finished
    }

    func failFinally(_ attemptID: Int64, errorCode: Int?, detail: String) throws {
        try database.failAttempt(attemptID, errorCode: errorCode, detail: detail, retry: false, now: .wallClock)
    }

    func failForRetry(_ attemptID: Int64, errorCode: Int?, detail: String, after backoff: Duration) throws {
        let now = Timestamp.wallClock
        try database.failAttemptForRetry(attemptID, errorCode: errorCode, detail: detail, retryAt: now + backoff, now: now)
    }

    func markUnknown(_ attemptID: Int64, messageID: Int64, detail: String, resend: Bool) throws {
        try database.markAttemptUnknown(attemptID, detail: detail, now: .wallClock)
        if resend { try database.requeueUnknown(messageID, now: .wallClock) }
    }

    func finishedAttempts(messageID: Int64) throws -> Int { try database.finishedAttemptCount(messageID: messageID) }

    /// Held messages whose time came → queued; waiting messages past validity → expired.
    func sweep() throws -> (released: Int, expired: Int) {
        var released = 0, expired = 0
        while true {
            let batch = try database.releaseDueHeld(now: .wallClock, limit: 500).count
            released += batch
            if batch < 500 { break }
        }
        while true {
            let batch = try database.expireDue(now: .wallClock, limit: 500).count
            expired += batch
            if batch < 500 { break }
        }
        return (released, expired)
    }

    /// Correlates pending status reports to parts; returns (matched, given up as unmatched).
    func correlateReports(window: Duration, grace: Duration) throws -> (matched: Int, unmatched: Int, dlrs: Int) {
        let now = Timestamp.wallClock
        var matched = 0, unmatched = 0, dlrs = 0
        for stored in try database.pendingStatusReports(limit: 500) {
            let received = stored.report.receivedAt
            if let part = try database.findPart(for: stored.report, window: (received - window)...(received + .seconds(60))) {
                let result = try database.correlateStatusReport(stored.id, partID: part, now: now)
                matched += 1
                if result.dlr != nil { dlrs += 1 }
            } else if received + grace < now {
                try database.markStatusReportUnmatched(stored.id)
                unmatched += 1
            }
        }
        return (matched, unmatched, dlrs)
    }

    func cancel(_ messageID: Int64) throws -> Bool {
        try database.cancelWaitingMessage(messageID, actor: .operator, reason: "cancelled on the control socket", now: .wallClock)
    }

    func depth() throws -> [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        for (state, classes) in try database.queueDepth() {
            result[state.rawValue] = Dictionary(uniqueKeysWithValues: classes.map { ($0.key.rawValue, $0.value) })
        }
        return result
    }

    func oldestWaitingMilliseconds() throws -> Int64? {
        try database.oldestQueuedCreation().map { Timestamp.wallClock.millisecondsSince1970 - $0.millisecondsSince1970 }
    }
}
