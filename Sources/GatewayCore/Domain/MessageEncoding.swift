/// The TP-DCS alphabet a message is sent with (3GPP TS 23.038 §4).
public enum MessageEncoding: String, Sendable, Hashable, CaseIterable, Codable {
    /// GSM 7-bit default alphabet, with national language shift tables when set.
    case gsm7
    /// 8-bit data.
    case binary
    /// UCS-2 (UTF-16 code units).
    case ucs2
}
