import GatewayCore
import GatewayStore
import QueueCore
import SimPolicy

/// simd's view of the store (docs/store.md, migration 10), serialised through one connection:
/// SIM states and their history, its pauses, and what queued counted per SIM.
actor SimdStore {
    /// SQLite blocks (fsync, busy waits): this actor runs on a thread of its own, not the pool.
    private let thread: DatabaseThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private let database: GatewayDatabase
    private let calendar: LocalCalendar

    /// Times are the caller's (its clock's `now`): this actor never reads a clock.
    init(path: String, calendar: LocalCalendar, now: Timestamp) throws {
        thread = try DatabaseThread(name: "simd-store")
        database = try GatewayDatabase(path: path, now: now)
        self.calendar = calendar
    }

    func states() throws -> [String: SimStateRecord] {
        Dictionary(try database.simStates().map { ($0.sim, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Saves `record`; true when its state changed (a `sim_events` row was appended).
    func save(_ record: SimStateRecord, now: Timestamp) throws -> Bool { try database.saveSimState(record, now: now) }

    func events(_ sim: String) throws -> [SimEventRecord] { try database.simEvents(sim) }

    func recordPause(modem: String, reason: String, now: Timestamp) throws {
        try database.recordPause(modem: modem, reason: reason, now: now)
    }
    func recordResume(modem: String) throws { try database.recordResume(modem: modem) }
    func pausedModems() throws -> [String] { try database.simdPausedModems() }

    func simID(iccid: String) throws -> Int64? { try database.simID(iccid: iccid) }

    /// What the SIM sent in the local hour/day/month windows holding `now` (queued's counters)
    /// and its distinct recipients since the local month began.
    func usage(simID: Int64, now: Timestamp) throws -> (counts: WindowCounts, unique: Int) {
        let windows = SimCounterWindows(hour: calendar.start(of: .hour, containing: now),
                                        day: calendar.start(of: .day, containing: now),
                                        month: calendar.start(of: .month, containing: now))
        let counts = WindowCounts(hour: try database.simCounts(simID: simID, period: .hour, windows: windows).sent,
                                  day: try database.simCounts(simID: simID, period: .day, windows: windows).sent,
                                  month: try database.simCounts(simID: simID, period: .month, windows: windows).sent)
        return (counts, try database.uniqueRecipients(simID: simID, since: windows.month))
    }

    /// Messages the SIM sent since its stint began.
    func stintCount(simID: Int64, since: Timestamp) throws -> Int { try database.attemptCount(simID: simID, since: since) }

    /// The block detector's evidence from the store: CMS causes of the latest sends, TP-ST of
    /// the latest reports.
    func evidence(simID: Int64, since: Timestamp, sends: Int, reports: Int) throws -> (failures: [Int?], reports: [Int]) {
        let outcomes = try database.recentAttemptOutcomes(simID: simID, since: since, limit: max(sends, 1))
        return (outcomes.map { $0.outcome == "failed" ? ($0.errorCode ?? -1) : nil },
                try database.recentReportStatuses(simID: simID, since: since, limit: max(reports, 1)))
    }

    func iccid(simID: Int64) throws -> String? { try database.simIdentity(simID: simID)?.iccid }

    // Migration 11: what a restart must not forget.

    func saveStint(_ stint: Stint) throws {
        try database.saveStint(SimStintRecord(sim: stint.sim, since: stint.since, messageLimit: stint.messageLimit,
                                              duration: stint.durationLimit))
    }

    func dropStint(sim: String) throws { try database.dropStint(sim: sim) }

    /// The stints kept by an earlier run, by SIM.
    func stints() throws -> [String: Stint] {
        Dictionary(try database.stints().map {
            ($0.sim, Stint(sim: $0.sim, since: $0.since, messageLimit: $0.messageLimit, durationLimit: $0.duration))
        }, uniquingKeysWith: { _, last in last })
    }

    func recordRegistrationLoss(sim: String, registration: Int, at: Timestamp) throws {
        try database.recordRegistrationLoss(sim: sim, registration: registration, at: at)
        try database.pruneRegistrationLosses(before: at - .seconds(3600))
    }

    func registrationLosses(sim: String, since: Timestamp) throws -> [Timestamp] {
        try database.registrationLosses(sim: sim, since: since)
    }

    func saveBalance(_ balance: SimBalanceRecord) throws { try database.saveBalance(balance) }

    func balances() throws -> [String: SimBalanceRecord] {
        Dictionary(try database.balances().map { ($0.sim, $0) }, uniquingKeysWith: { _, last in last })
    }
}
