import GatewayCore

/// Group commit for the queue's dispatch (one fsync per turn; docs/architecture.md, "Delivery semantics"):
/// the attempts the queue begins in one turn share one `synchronous=FULL` commit, and so do
/// the `+CMGS` answers it records in one turn. The semantics of each row are those of the
/// one-at-a-time calls: an attempt is durable before its PDUs go to modemd (a crash after the
/// commit leaves it `pending`, which start-up marks `unknown`), and an answer not yet
/// committed when the process dies leaves its attempt `pending` too — `unknown`, never resent
/// unless `[queue].resend_unknown`. Writer: `smsgw-queued`.
extension GatewayDatabase {
    /// One attempt to begin: `messageID` through `simID` on `modemID`, charged to the SIM's
    /// windows starting at `windows`.
    public struct AttemptStart: Sendable, Hashable {
        public var messageID: Int64
        public var modemID: Int64
        public var simID: Int64
        public var windows: SimCounterWindows

        public init(messageID: Int64, modemID: Int64, simID: Int64, windows: SimCounterWindows) {
            self.messageID = messageID
            self.modemID = modemID
            self.simID = simID
            self.windows = windows
        }
    }

    /// The `+CMGS: <mr>` answers of one send (3GPP TS 27.005 §3.5.1): a TP-MR per part, in order.
    public struct PartsSent: Sendable, Hashable {
        public var partIDs: [Int64]
        public var references: [UInt8]

        public init(partIDs: [Int64], references: [UInt8]) {
            self.partIDs = partIDs
            self.references = references
        }
    }

    /// Records `sends` (``markPartsSent(_:now:)``) and begins `starts` in one transaction: one
    /// turn of the queue, one commit. All or nothing for the answers, as ``markPartsSent(_:now:)``.
    /// Each start is ``beginChargedAttemptInTransaction(messageID:modemID:simID:windows:now:)``;
    /// a message no longer `queued` (cancelled meanwhile) is not begun: its element is that
    /// `notFound` error, and the others still begin. Returns one result per start, in order.
    public func recordSentAndBegin(_ sends: [PartsSent], begin starts: [AttemptStart],
                                   now: Timestamp) throws -> [Result<Int64, StoreError>] {
        guard !sends.isEmpty || !starts.isEmpty else { return [] }
        return try connection.transaction {
            _ = try markPartsSentInTransaction(sends, now: now)
            return try beginChargedAttemptsInTransaction(starts, now: now)
        }
    }

    private func beginChargedAttemptsInTransaction(_ starts: [AttemptStart], now: Timestamp) throws -> [Result<Int64, StoreError>] {
        try starts.map { start in
            guard try state(of: start.messageID) == .queued else {
                return .failure(StoreError(.notFound(what: "queued message", id: start.messageID), path: connection.path))
            }
            return .success(try beginChargedAttemptInTransaction(
                messageID: start.messageID, modemID: start.modemID, simID: start.simID, windows: start.windows, now: now))
        }
    }

    /// Records the answers of several sends in one transaction (``markPartSent(partID:
    /// messageReference:now:)`` per part). Returns, per send, whether its message became `sent`.
    /// A part no longer `sending` rolls the whole group back (`notFound`), as the single call would.
    public func markPartsSent(_ sends: [PartsSent], now: Timestamp) throws -> [Bool] {
        guard !sends.isEmpty else { return [] }
        return try connection.transaction { try markPartsSentInTransaction(sends, now: now) }
    }

    private func markPartsSentInTransaction(_ sends: [PartsSent], now: Timestamp) throws -> [Bool] {
        try sends.map { send in
            var finished = false
            for (part, reference) in zip(send.partIDs, send.references) {
                finished = try markPartSentInTransaction(partID: part, messageReference: reference, now: now)
            }
            return finished
        }
    }
}
