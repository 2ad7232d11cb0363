import Foundation
import GatewayStore
import GatewayTestSupport

/// The simulator's own record of every AT+CMGS body its modems took (docs/modemsim.md,
/// `ledger`): the witness of what went out over the air, to count against what the store says
/// was sent.
struct SimulatorLedger: Decodable {
    struct Entry: Decodable, CustomStringConvertible {
        var modem: String
        var at: Double
        var slot: Int
        var iccid: String
        var destination: String?
        var text: String?
        var reference: Int?
        /// pending, sent, refused, cut or hung.
        var answer: String
        var error: Int?

        /// The message left the module (the network took it), whether or not the answer came.
        var wentOut: Bool { answer != "refused" }

        var description: String {
            "\(modem)/\(slot) \(destination ?? "?") \"\(text ?? "")\" mr \(reference.map(String.init) ?? "-") \(answer)\(error.map { " \($0)" } ?? "")"
        }
    }

    var ledger: [Entry]

    /// Asks the simulator listening on `socket` for its ledger.
    static func read(at socket: String) throws -> [Entry] {
        let answer = try JSONLineSocket.request(#"{"command":"ledger"}"#, at: socket)
        return try JSONDecoder().decode(SimulatorLedger.self, from: Data(answer.utf8)).ledger
    }
}

/// Exactly once, counted from the ledger: the store's messages (one part each, one per
/// destination) beside the simulator's bodies, message by message.
struct SendAudit {
    struct Message {
        var id: Int64
        var destination: String
        var state: String
        var modem: String?
        var reference: Int?
    }

    /// Messages the store holds, by destination.
    var messages: [String: Message] = [:]
    /// Ledger bodies that went out, by destination.
    var wentOut: [String: [SimulatorLedger.Entry]] = [:]
    /// What breaks "every accepted message sent exactly once, except those `unknown`".
    var problems: [String] = []

    var unknown: [Message] { messages.values.filter { $0.state == "unknown" }.sorted { $0.id < $1.id } }

    /// Reads every message from `database` and compares it with `ledger`:
    /// - `sent` and `delivered`: exactly one body went out to its destination, answered `sent`,
    ///   from the modem and with the TP-MR the store recorded;
    /// - `unknown`: at most one went out (the kill cut the answer, or came before the body);
    /// - `failed`: at most one (a report may fail a message that went out); any other state none;
    /// - no body went out to a destination the store has no message for.
    init(database: GatewayDatabase, ledger: [SimulatorLedger.Entry]) throws {
        let rows = try database.connection.query("""
            SELECT m.id, m.destination, m.state, d.name, p.tp_mr,
                   (SELECT count(*) FROM message_parts WHERE message_id = m.id)
            FROM messages m JOIN message_parts p ON p.message_id = m.id AND p.seq = 1
            LEFT JOIN modems d ON d.id = p.modem_id ORDER BY m.id
            """) { row in
            (Message(id: row.int64(0), destination: row.text(1), state: row.text(2), modem: row.optionalText(3),
                     reference: row.optionalInt(4)), row.int(5))
        }
        for (message, parts) in rows {
            if parts != 1 { problems.append("message \(message.id) has \(parts) parts: the audit counts one-part messages") }
            if messages[message.destination] != nil { problems.append("two messages to \(message.destination)") }
            messages[message.destination] = message
        }
        for entry in ledger where entry.wentOut {
            wentOut[entry.destination ?? "?", default: []].append(entry)
        }
        for (destination, bodies) in wentOut.sorted(by: { $0.key < $1.key }) where messages[destination] == nil {
            problems.append("the simulator sent \(bodies.count) to \(destination), which the store has no message for: \(bodies)")
        }
        for message in messages.values.sorted(by: { $0.id < $1.id }) {
            let bodies = wentOut[message.destination] ?? []
            switch message.state {
            case "sent", "delivered":
                guard bodies.count == 1, let body = bodies.first else {
                    problems.append("message \(message.id) is \(message.state) but went out \(bodies.count) times: \(bodies)")
                    continue
                }
                if body.answer != "sent" || body.modem != message.modem || body.reference != message.reference {
                    problems.append("message \(message.id) (\(message.state) on \(message.modem ?? "-"), TP-MR \(message.reference.map(String.init) ?? "-")) does not match the body that went out: \(body)")
                }
            case "unknown", "failed":
                if bodies.count > 1 { problems.append("message \(message.id) is \(message.state) and went out \(bodies.count) times: \(bodies)") }
            default:
                if !bodies.isEmpty { problems.append("message \(message.id) is \(message.state) but went out: \(bodies)") }
            }
        }
    }
}
