/// Message format of `AT+CMGF` (3GPP TS 27.005 §3.2.3).
public enum MessageFormat: Int, Sendable, Hashable, CaseIterable {
    case pdu = 0
    case text = 1
}

/// Message status `<stat>` of +CMGL/+CMGR (3GPP TS 27.005 §3.1): a number in PDU mode,
/// a quoted name in text mode.
public enum MessageStatus: Int, Sendable, Hashable, CaseIterable {
    case receivedUnread = 0
    case receivedRead = 1
    case storedUnsent = 2
    case storedSent = 3
    case all = 4

    /// The text-mode name: `REC UNREAD`, `REC READ`, `STO UNSENT`, `STO SENT`, `ALL`.
    public var textName: String {
        switch self {
        case .receivedUnread: "REC UNREAD"
        case .receivedRead: "REC READ"
        case .storedUnsent: "STO UNSENT"
        case .storedSent: "STO SENT"
        case .all: "ALL"
        }
    }

    /// The status a field names: a PDU-mode number or a text-mode name.
    public init?(field: ATField) {
        if let number = field.integer {
            self.init(rawValue: number)
        } else if let text = field.text, let status = MessageStatus.allCases.first(where: { $0.textName == text.uppercased() }) {
            self = status
        } else {
            return nil
        }
    }
}

/// A message storage name (3GPP TS 27.005 §3.1 `<mem1>`…): `SM`, `ME`, `MT`, `BM`, `SR`, `TA`,
/// or a vendor's own.
public struct MessageStorage: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }

    /// (U)SIM message storage.
    public static let sim: MessageStorage = "SM"
    /// Mobile equipment storage.
    public static let phone: MessageStorage = "ME"
    /// Any storage associated with the ME (SM and ME).
    public static let any: MessageStorage = "MT"
    /// Status report storage.
    public static let statusReports: MessageStorage = "SR"
}

/// The settings of `AT+CNMI=<mode>,<mt>,<bm>,<ds>,<bfr>` (3GPP TS 27.005 §3.4.1): how new
/// messages and status reports are indicated.
public struct NewMessageIndication: Sendable, Hashable {
    /// 0 buffer in TA, 1 discard when link reserved, 2 buffer and flush, 3 forward in-band.
    public var mode: Int
    /// 0 no indication, 1 `+CMTI`, 2 `+CMT` (routed), 3 class 3 routed.
    public var deliver: Int
    /// Cell broadcast indication.
    public var broadcast: Int
    /// 0 none, 1 `+CDS` (routed), 2 `+CDSI` (stored).
    public var statusReport: Int
    /// 0 flush buffered codes to the TE when mode 1–3 is entered, 1 clear them.
    public var bufferFlush: Int?

    public init(mode: Int, deliver: Int, broadcast: Int = 0, statusReport: Int, bufferFlush: Int? = nil) {
        self.mode = mode
        self.deliver = deliver
        self.broadcast = broadcast
        self.statusReport = statusReport
        self.bufferFlush = bufferFlush
    }
}
