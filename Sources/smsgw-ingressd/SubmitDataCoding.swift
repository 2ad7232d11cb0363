import SMPPCodec

/// What an SMPP data_coding (SMPP 3.4 §5.2.19) says about short_message, as this gateway
/// takes it. Values a GSM handset cannot be sent (JIS, Cyrillic, Hebrew, pictograms, ISO-2022-JP,
/// Kanji, KS C 5601, the reserved ones) are refused: SMPP 3.4 has no status for a data_coding
/// (ESME_RINVDCS is SMPP 5.0), so the refusal is ESME_RSUBMITFAIL (0x45).
enum SubmitDataCoding: Hashable, Sendable {
    /// 0: the SMSC default alphabet, here GSM 03.38 unpacked (one septet per octet, 0x1B
    /// escapes, 3GPP TS 23.038 §6.2.1); 0xF0–0xF3 are the same with message class 0–3
    /// (GSM 03.38 coding group 1111).
    case gsm7(messageClass: Int?)
    /// 1: IA5 (ITU-T T.50, US-ASCII); 3: ISO-8859-1. Sent as GSM-7 when every character is in
    /// the GSM 7 bit alphabet, else as UCS-2.
    case ascii
    case latin1
    /// 8: UCS-2 big-endian (ISO/IEC 10646); an odd octet count is refused.
    case ucs2
    /// 2 and 4: 8-bit binary, TP-DCS 0x04; 0xF4–0xF7: the same with message class 0–3.
    case binary(messageClass: Int?)

    init(_ value: UInt8) throws(SubmitRefusal) {
        switch value {
        case 0: self = .gsm7(messageClass: nil)
        case 1: self = .ascii
        case 3: self = .latin1
        case 8: self = .ucs2
        case 2, 4: self = .binary(messageClass: nil)
        case 0xF0...0xF3: self = .gsm7(messageClass: Int(value & 0x03))
        case 0xF4...0xF7: self = .binary(messageClass: Int(value & 0x03))
        default:
            throw SubmitRefusal(.submitFailed, "data_coding 0x\(String(value, radix: 16, uppercase: true)) is not supported (0, 1, 2, 3, 4, 8, 0xF0-0xF7 are)")
        }
    }
}
