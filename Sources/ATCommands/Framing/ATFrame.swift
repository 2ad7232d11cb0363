/// One unit the line framer cuts out of a modem's byte stream (ITU-T V.250 §5.7.1: every
/// response is `<CR><LF>text<CR><LF>`; 3GPP TS 27.005 §3.5.1: the SMS prompt is `<CR><LF>> `
/// with no line end after it).
public enum ATFrame: Sendable, Hashable {
    /// A non-empty line, without its terminator. Bytes that are valid UTF-8 are decoded as
    /// such; any other line is decoded byte for byte as ISO 8859-1, so nothing is lost.
    case line(String)
    /// The `> ` prompt of AT+CMGS / AT+CMGW: the modem waits for the PDU (or text) and Ctrl-Z.
    case prompt
    /// A line longer than the framer's limit was dropped; `byteCount` bytes were discarded.
    case overlongLine(byteCount: Int)
}
