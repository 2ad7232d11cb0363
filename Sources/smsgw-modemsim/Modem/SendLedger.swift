/// Every `AT+CMGS` body a modem took, in order, and what became of it: the simulator's own
/// record of what went out over the air. The control socket's `ledger` shows it, so a test can
/// check message by message that what the gateway says it sent is what the module sent —
/// exactly once, and never a message the store does not know.
struct SendLedger: Sendable, Hashable {
    /// What became of one body.
    enum Answer: String, Sendable, Hashable, Encodable {
        /// The network took it; the `+CMGS` answer is not out yet.
        case pending
        /// The network took it and `+CMGS: <mr>` was written.
        case sent
        /// Answered with `+CMS ERROR` (`error`): nothing went out.
        case refused
        /// The network took it, but the module lost power before it answered.
        case cut
        /// The body was taken and the module hung (`hang-in-send`): no answer ever came.
        case hung

        /// Whether the message may have left the module: the network took it (answered or not),
        /// or the module took it and never said (a real one may have sent it before hanging).
        var wentOut: Bool { self != .refused }
    }

    struct Entry: Sendable, Hashable, Encodable {
        var modem: String
        /// Seconds on the simulator's clock (from its start) when the body arrived.
        var at: Double
        var slot: Int
        var iccid: String
        /// The TP-DA as people write it (`+` before an international number); nil when the
        /// body was not a valid SMS-SUBMIT.
        var destination: String?
        /// The text of GSM 7-bit and UCS-2 user data; the body in hex for 8-bit data.
        var text: String?
        /// The concatenation header (3GPP TS 23.040 §9.2.3.24.1) of a part of a long message.
        var concatenation: Concatenation?
        /// The TP-MR the module gave it (also when the answer never came out).
        var reference: Int?
        var answer: Answer
        /// The `+CMS ERROR` code of a refused body.
        var error: Int?
    }

    struct Concatenation: Sendable, Hashable, Encodable {
        var reference: Int
        var total: Int
        var sequence: Int
    }

    private(set) var entries: [Entry] = []
    /// The entry whose answer is still to come (a module sends one message at a time).
    private var open: Int?

    /// Records a body; `answer` `.pending` keeps it open until `answered()` or `cut()`.
    mutating func record(_ entry: Entry) {
        entries.append(entry)
        open = entry.answer == .pending ? entries.count - 1 : nil
    }

    /// The open body's `+CMGS` (or `+CMS ERROR`) was written.
    mutating func answered() {
        guard let index = open else { return }
        if entries[index].answer == .pending { entries[index].answer = .sent }
        open = nil
    }

    /// The module lost power: the open body is never answered.
    mutating func cut() {
        guard let index = open else { return }
        entries[index].answer = .cut
        open = nil
    }
}
