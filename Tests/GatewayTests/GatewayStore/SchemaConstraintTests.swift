import GatewayCore
import Testing
@testable import GatewayStore

/// The CHECK constraints must admit exactly the Swift enums' raw values.
@Suite("Store schema constraints")
struct SchemaConstraintTests {
    @Test("every MessageState is a valid messages.state and message_events.state", arguments: MessageState.allCases)
    func messageStates(state: MessageState) throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let id = try db.accept([Fixtures.message()], now: .testStart)[0]
        try db.connection.run("UPDATE messages SET state = ? WHERE id = ?", state.rawValue, id)
        try db.appendHistory(id, HistoryEntry(at: .testStart, state: state, actor: .operator))
    }

    @Test("every PartState is a valid message_parts.state", arguments: PartState.allCases)
    func partStates(state: PartState) throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let id = try db.accept([Fixtures.message()], now: .testStart)[0]
        try db.connection.run("UPDATE message_parts SET state = ? WHERE message_id = ?", state.rawValue, id)
    }

    @Test("every ModemState and SimState is accepted by its table")
    func modemAndSimStates() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        for state in ModemState.allCases { try db.setModemState(modem, state: state, now: .testStart) }
        for state in SimState.allCases { try db.connection.run("UPDATE sims SET state = ? WHERE id = ?", state.rawValue, sim) }
    }

    /// Each row is a value the schema must refuse, with the reason in the comment.
    @Test("bad values are refused", arguments: [
        "UPDATE messages SET state = 'lost'",            // not a MessageState
        "UPDATE messages SET class = 'spam'",            // not a MessageClass
        "UPDATE messages SET priority = 4",              // SMPP priority_flag is 0...3
        "UPDATE messages SET expires_at = created_at",   // validity must end after acceptance
        "UPDATE message_parts SET pdu_hex = '0g'",       // not uppercase hex
        "UPDATE message_parts SET pdu_hex = '001'",      // odd number of hex digits
        "UPDATE message_parts SET tp_mr = 256",          // TP-MR is one octet (23.040 §9.2.3.6)
        "UPDATE message_events SET detail = 'rewritten'", // history is append-only
    ])
    func refused(sql: String) throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        _ = try db.accept([Fixtures.message()], now: .testStart)
        #expect(throws: SQLiteError.self) { try db.connection.run(sql) }
    }
}
