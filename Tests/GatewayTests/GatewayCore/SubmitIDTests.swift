import GatewayCore
import Testing

/// The id a submit of an ESME-split message is answered with, `<message id>-<part>`: read back
/// only in exactly the form written, so one id never has two spellings.
@Suite("Submit ids")
struct SubmitIDTests {
    @Test("written and read back", arguments: [
        (Int64(1), 1, "1-1"), (42, 2, "42-2"), (9_223_372_036_854_775_807, 255, "9223372036854775807-255"),
    ])
    func roundTrip(message: Int64, part: Int, text: String) {
        #expect(SubmitID(messageID: message, part: part).description == text)
        #expect(SubmitID(text) == SubmitID(messageID: message, part: part))
    }

    /// A plain message id, leading zeros, a part outside 1...255, a message id past Int64, signs,
    /// spaces and other separators are not submit ids.
    @Test("refused", arguments: [
        "", "42", "42-", "-2", "42-0", "42-256", "042-2", "42-02", "0-1", "42-2-1", "42_2", "42.2", " 42-2",
        "42-2 ", "+42-2", "42-+2", "9223372036854775808-1", "42-1000", "٤٢-٢",
    ])
    func refused(text: String) {
        #expect(SubmitID(text) == nil)
    }
}
