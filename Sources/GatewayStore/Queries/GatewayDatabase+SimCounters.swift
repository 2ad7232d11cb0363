import GatewayCore

/// Per-SIM counters by hour, day and month, for rotation limits. Writer: `smsgw-queued` (an
/// attempt charges them as it begins; one that never reached a modem is refunded).
extension GatewayDatabase {
    enum SimCounterSQL {
        static let increment = """
            INSERT INTO sim_counters (sim_id, period, period_start, sent, delivered, failed) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (sim_id, period, period_start) DO UPDATE SET
                sent = sent + excluded.sent, delivered = delivered + excluded.delivered, failed = failed + excluded.failed
            """
        /// Never below zero: a refund is of parts the same windows were charged for.
        static let refund = """
            UPDATE sim_counters SET sent = max(sent - ?, 0) WHERE sim_id = ? AND period = ? AND period_start = ?
            """
        static let read = "SELECT sent, delivered, failed FROM sim_counters WHERE sim_id = ? AND period = ? AND period_start = ?"
    }

    /// Counts of one SIM in one window.
    public struct SimCounts: Sendable, Hashable {
        public var sent: Int
        public var delivered: Int
        public var failed: Int
        public init(sent: Int = 0, delivered: Int = 0, failed: Int = 0) {
            self.sent = sent
            self.delivered = delivered
            self.failed = failed
        }
    }

    /// Adds `counts` to the hour, day and month windows starting at `windows`, in the caller's
    /// transaction (the attempt that charges the SIM, ``beginChargedAttemptInTransaction(messageID:modemID:simID:windows:now:)``).
    func incrementSimCountersInTransaction(simID: Int64, by counts: SimCounts, windows: SimCounterWindows) throws {
        for period in SimCounterPeriod.allCases {
            try connection.run(SimCounterSQL.increment, simID, period.rawValue, windows[period].millisecondsSince1970,
                               counts.sent, counts.delivered, counts.failed)
        }
    }

    /// Takes `sent` messages off the hour, day and month windows starting at `windows`, in the
    /// caller's transaction: the parts of an attempt that never reached the modem, charged to
    /// those windows when it began.
    func refundSimCountersInTransaction(simID: Int64, sent: Int, windows: SimCounterWindows) throws {
        guard sent > 0 else { return }
        for period in SimCounterPeriod.allCases {
            try connection.run(SimCounterSQL.refund, sent, simID, period.rawValue, windows[period].millisecondsSince1970)
        }
    }

    /// The counts of `simID` in its `period` window starting at `windows[period]` (zero when
    /// nothing was counted).
    public func simCounts(simID: Int64, period: SimCounterPeriod, windows: SimCounterWindows) throws -> SimCounts {
        try connection.queryFirst(SimCounterSQL.read, simID, period.rawValue, windows[period].millisecondsSince1970) { row in
            SimCounts(sent: row.int(0), delivered: row.int(1), failed: row.int(2))
        } ?? SimCounts()
    }
}
