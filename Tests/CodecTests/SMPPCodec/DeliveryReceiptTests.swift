import SMPPCodec
import Testing

/// SMPP 3.4 Appendix B receipt text (the de-facto format ESME libraries parse).
@Suite("SMPP delivery receipt text")
struct DeliveryReceiptTests {
    /// 2026-03-01 12:00:00 UTC and 12:05:59 (seconds are dropped, not rounded).
    static let submitted: Int64 = 1_772_366_400

    @Test func formatsEveryField() {
        let receipt = DeliveryReceipt(messageID: "1234567890", delivered: 1, submitDate: Self.submitted,
                                      doneDate: Self.submitted + 359, stat: .delivered, text: "Your code is 1234")
        #expect(receipt.formatted
            == "id:1234567890 sub:001 dlvrd:001 submit date:2603011200 done date:2603011205 stat:DELIVRD err:000 text:Your code is 1234")
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        var why: String
        var receipt: DeliveryReceipt
        var expected: String
        var testDescription: String { why }
    }

    @Test(arguments: [
        // Only the first 20 characters go in text:, non-ASCII as "?" (data_coding 0 stays ASCII).
        Vector(why: "text cut at 20, non-ASCII shown as ?",
               receipt: DeliveryReceipt(messageID: "7", delivered: 0, submitDate: 0, doneDate: 0, stat: .undeliverable,
                                        error: 69, text: "Grüße aus Köln, bis morgen"),
               expected: "id:7 sub:001 dlvrd:000 submit date:7001010000 done date:7001010000 stat:UNDELIV err:069 text:Gr??e aus K?ln, bis "),
        // A leap day and a year past 2099 wrap YY; counts above 999 are clamped to 3 digits.
        Vector(why: "leap day, YY of 2100, counts clamped",
               receipt: DeliveryReceipt(messageID: "x", submitted: 1000, delivered: 1, submitDate: 951_782_400,
                                        doneDate: 4_102_444_800, stat: .expired, error: 1234, text: ""),
               expected: "id:x sub:999 dlvrd:001 submit date:0002290000 done date:0001010000 stat:EXPIRED err:999 text:"),
    ])
    func vectors(vector: Vector) {
        #expect(vector.receipt.formatted == vector.expected)
    }

    /// Every stat has its 7-letter name and the message_state of §5.2.28.
    @Test func statsMapToMessageStates() {
        let pairs = DeliveryReceipt.Stat.allCases.map { ($0.rawValue, $0.messageState.rawValue) }
        #expect(pairs.map(\.0) == ["DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD", "UNKNOWN", "REJECTD"])
        #expect(pairs.map(\.1) == [2, 3, 4, 5, 6, 7, 8])
        #expect(DeliveryReceipt.Stat.allCases.allSatisfy { $0.rawValue.count == 7 })
    }
}
