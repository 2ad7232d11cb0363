/// TP-DCS as SMS uses it (3GPP TS 23.038 §4): the alphabet, the message class, compression
/// and message-waiting indications, by coding group.
public struct DataCodingScheme: Sendable, Hashable {
    /// The coding group (bits 7..4).
    public enum Group: String, Sendable, Hashable {
        /// 00xx: general data coding.
        case general
        /// 01xx: general data coding, message marked for automatic deletion.
        case automaticDeletion = "automatic-deletion"
        /// 1000..1011: reserved; the alphabet is taken to be GSM 7 bit.
        case reserved
        /// 1100: message waiting indication, discard message.
        case messageWaitingDiscard = "message-waiting-discard"
        /// 1101 (GSM 7 bit) and 1110 (UCS-2): message waiting indication, store message.
        case messageWaitingStore = "message-waiting-store"
        /// 1111: data coding / message class.
        case dataCodingMessageClass = "data-coding-message-class"
    }

    /// The kind of message waiting (bits 1..0 of groups 1100..1110).
    public enum WaitingIndication: String, Sendable, Hashable {
        case voicemail, fax, email, other
    }

    public var rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The scheme for text in `encoding`, with a class when given (class 0 = flash).
    public init(encoding: SMSTextEncoding, messageClass: Int?) {
        let alphabet: UInt8 = switch encoding {
        case .gsm7: 0x00
        case .eightBit: 0x04
        case .ucs2: 0x08
        }
        if let messageClass {
            rawValue = 0x10 | alphabet | UInt8(messageClass & 0x03)
        } else {
            rawValue = alphabet
        }
    }

    public var group: Group {
        switch rawValue >> 4 {
        case 0x0...0x3: return .general
        case 0x4...0x7: return .automaticDeletion
        case 0x8...0xB: return .reserved
        case 0xC: return .messageWaitingDiscard
        case 0xD, 0xE: return .messageWaitingStore
        default: return .dataCodingMessageClass
        }
    }

    /// The alphabet of the user data. Reserved alphabet values and groups are taken as
    /// GSM 7 bit (3GPP TS 23.038 §4: "shall be assumed to be the GSM 7 bit default alphabet").
    public var encoding: SMSTextEncoding {
        switch group {
        case .general, .automaticDeletion:
            switch (rawValue >> 2) & 0x03 {
            case 1: return .eightBit
            case 2: return .ucs2
            default: return .gsm7
            }
        case .reserved, .messageWaitingDiscard: return .gsm7
        case .messageWaitingStore: return rawValue >> 4 == 0xE ? .ucs2 : .gsm7
        case .dataCodingMessageClass: return rawValue & 0x04 != 0 ? .eightBit : .gsm7
        }
    }

    /// The message class 0...3 when the scheme gives one (class 0 is shown at once: flash).
    public var messageClass: Int? {
        switch group {
        case .general, .automaticDeletion: return rawValue & 0x10 != 0 ? Int(rawValue & 0x03) : nil
        case .dataCodingMessageClass: return Int(rawValue & 0x03)
        default: return nil
        }
    }

    /// True when the text is compressed (bit 5 of the general groups; 3GPP TS 23.042).
    public var isCompressed: Bool {
        (group == .general || group == .automaticDeletion) && rawValue & 0x20 != 0
    }

    /// The indication of the message-waiting groups: active or not, and its kind.
    public var waitingIndication: (active: Bool, kind: WaitingIndication)? {
        guard group == .messageWaitingDiscard || group == .messageWaitingStore else { return nil }
        let kinds: [WaitingIndication] = [.voicemail, .fax, .email, .other]
        return (rawValue & 0x08 != 0, kinds[Int(rawValue & 0x03)])
    }
}
