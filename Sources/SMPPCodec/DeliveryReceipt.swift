import GatewayTime

/// The delivery receipt an SMSC sends in deliver_sm with esm_class 0x04 (SMPP 3.4 §4.6.1,
/// §5.2.12; text format of Appendix B, "SMSC Delivery Receipt"):
/// `id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…`.
/// The receipt is vendor-specific by the specification's own words; this is the de-facto format
/// every ESME library parses. Pure: times are UTC seconds since 1970.
public struct DeliveryReceipt: Sendable, Hashable {
    /// The `stat:` field (Appendix B, table B-2): a 7-letter form of the message state.
    public enum Stat: String, Sendable, Hashable, CaseIterable {
        case delivered = "DELIVRD"
        case expired = "EXPIRED"
        case deleted = "DELETED"
        case undeliverable = "UNDELIV"
        case accepted = "ACCEPTD"
        case unknown = "UNKNOWN"
        case rejected = "REJECTD"

        /// The message_state TLV value (§5.2.28) of the same state.
        public var messageState: MessageState {
            switch self {
            case .delivered: .delivered
            case .expired: .expired
            case .deleted: .deleted
            case .undeliverable: .undeliverable
            case .accepted: .accepted
            case .unknown: .unknown
            case .rejected: .rejected
            }
        }
    }

    /// The id the SMSC gave in submit_sm_resp (also the receipted_message_id TLV).
    public var messageID: String
    /// `sub:` and `dlvrd:`: messages submitted and delivered (0–999; SMPP shows 3 digits).
    public var submitted: Int
    public var delivered: Int
    /// `submit date:` and `done date:` in UTC seconds since 1970 (shown YYMMDDhhmm).
    public var submitDate: Int64
    public var doneDate: Int64
    public var stat: Stat
    /// `err:`: a network-specific error (here TP-Status of 3GPP TS 23.040 §9.2.3.15), 3 digits.
    public var error: Int
    /// `text:`: the first 20 characters of the message (non-ASCII shown as `?`).
    public var text: String

    public init(messageID: String, submitted: Int = 1, delivered: Int, submitDate: Int64, doneDate: Int64,
                stat: Stat, error: Int = 0, text: String) {
        self.messageID = messageID
        self.submitted = submitted
        self.delivered = delivered
        self.submitDate = submitDate
        self.doneDate = doneDate
        self.stat = stat
        self.error = error
        self.text = text
    }

    /// The receipt text, ASCII (data_coding 0 carries it unchanged).
    public var formatted: String {
        var shown = ""
        for character in text.prefix(20) {
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { shown.append(character) } else { shown += "?" }
        }
        return "id:\(messageID) sub:\(Self.digits(submitted, 3)) dlvrd:\(Self.digits(delivered, 3))"
            + " submit date:\(Self.date(submitDate)) done date:\(Self.date(doneDate))"
            + " stat:\(stat.rawValue) err:\(Self.digits(error, 3)) text:\(shown)"
    }

    /// The octets of `formatted`, for short_message.
    public var shortMessage: [UInt8] { Array(formatted.utf8) }

    static func digits(_ value: Int, _ count: Int) -> String {
        let clamped = min(max(value, 0), 999)
        let text = String(clamped)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }

    /// YYMMDDhhmm in UTC.
    static func date(_ seconds: Int64) -> String {
        let time = CivilDateTime(utc: Timestamp(secondsSince1970: seconds))
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : String(value) }
        return two((time.date.year % 100 + 100) % 100) + two(time.date.month) + two(time.date.day) + two(time.hour)
            + two(time.minute)
    }
}
