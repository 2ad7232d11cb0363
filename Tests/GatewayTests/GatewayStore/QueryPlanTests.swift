import GatewayCore
import Testing
@testable import GatewayStore

/// The hot queries must reach rows through an index: no full table scan ("SCAN <table>" without
/// an index) and no sort in a temporary B-tree (https://sqlite.org/eqp.html).
@Suite("Store query plans")
struct QueryPlanTests {
    static func plan(_ db: GatewayDatabase, _ sql: String) throws -> [String] {
        // Parameters do not change the plan (no STAT4); bind a placeholder value to each.
        let parameters = sql.filter { $0 == "?" }.count
        return try db.connection.query("EXPLAIN QUERY PLAN " + sql,
                                       arguments: Array(repeating: 1, count: parameters)) { $0.text(3) }
    }

    @Test("hot query uses indexes only", arguments: HotQueries.all.map(\.name))
    func usesIndexes(name: String) throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        // A populated, analysed file, so the planner decides as it would on the box.
        try seed(db)
        let sql = try #require(HotQueries.all.first { $0.name == name }?.sql)
        let plan = try Self.plan(db, sql)
        if !sql.hasPrefix("INSERT") { #expect(!plan.isEmpty) }  // a plain INSERT reads nothing
        for line in plan {
            let fullScan = line.hasPrefix("SCAN ") && !line.contains("USING INDEX")
                && !line.contains("USING COVERING INDEX") && !line.contains("USING INTEGER PRIMARY KEY")
            #expect(!fullScan, "\(name): \(line)")
            #expect(!line.contains("TEMP B-TREE"), "\(name): \(line)")
        }
    }

    @Test("the pick searches messages_pick for state = 'queued' and needs no sort")
    func pickPlan() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        try seed(db)
        let plan = try Self.plan(db, GatewayDatabase.PickSQL.pick)
        #expect(plan == ["SEARCH messages USING INDEX messages_pick (state=?)"])
    }

    @Test("the check itself catches a table scan (so it can fail)")
    func detectorCatchesScan() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let plan = try Self.plan(db, "SELECT id FROM messages WHERE text = ?")
        #expect(plan.contains { $0.hasPrefix("SCAN messages") && !$0.contains("INDEX") })
    }

    private func seed(_ db: GatewayDatabase) throws {
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let ids = try db.accept((0..<200).map { Fixtures.message(priority: $0 % 4, parts: 1 + $0 % 2) }, now: .testStart)
        for id in ids.prefix(50) {
            _ = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        }
        try db.connection.execute("ANALYZE")
    }
}
