import GatewayCore
import GatewayStore
import SMPPCodec
import Testing
@testable import IngressdDaemon

/// The pure parts of ingressd's query_sm, cancel_sm, replace_sm and submit_multi: state
/// mapping, final dates, ids, address matching, and the split of a submit_multi.
@Suite("ingressd SMPP request mapping")
struct SMPPRequestMappingTests {
    static let account = UpstreamAccount(id: "platform", throughput: 100, maxBinds: 1, allowedClasses: [.transactional],
                                         defaultClass: .transactional, smpp: nil, http: nil)
    static let now = Timestamp(secondsSince1970: 1_772_366_400)  // 2026-03-01T12:00:00Z

    /// §5.2.28: every stored state has one answer; `sent` stays ENROUTE (the network took it,
    /// no report yet), never ACCEPTED (6, "read by customer service").
    @Test(arguments: [
        (GatewayCore.MessageState.accepted, SMPPCodec.MessageState.enroute), (.queued, .enroute), (.held, .enroute),
        (.sending, .enroute), (.sent, .enroute), (.delivered, .delivered), (.expired, .expired),
        (.cancelled, .deleted), (.failed, .undeliverable), (.unknown, .unknown),
    ])
    func messageState(stored: GatewayCore.MessageState, answered: SMPPCodec.MessageState) {
        #expect(QueryAnswer.messageState(stored) == answered)
    }

    /// error_code is one octet: a TP-ST fits, a +CMS ERROR (300-511) does not.
    @Test func errorCode() {
        #expect(QueryAnswer.errorCode(nil) == 0)
        #expect(QueryAnswer.errorCode(0x45) == 0x45)  // TP-ST "SME rejected", permanent
        #expect(QueryAnswer.errorCode(500) == 0xFF)   // +CMS ERROR: 500, unknown error
    }

    /// §7.1.1.1 absolute times in UTC: the epoch, our test "now", a leap day with tenths, the
    /// last tenth of a century, and a time before 1970 (floor division of negative days).
    @Test(arguments: [
        (Int64(0), "700101000000000+"),
        (1_772_366_400_000, "260301120000000+"),
        (1_709_251_199_900, "240229235959900+"),
        (946_684_799_999, "991231235959900+"),
        (-1, "691231235959900+"),
    ])
    func finalDate(milliseconds: Int64, text: String) {
        #expect(SMPPTime.absolute(UTCTime.absolute(Timestamp(millisecondsSince1970: milliseconds))).formatted == text)
    }

    /// A final message carries its final date; one still on its way does not (§4.8.2).
    @Test func finalDateOnlyWhenFinal() {
        var message = UpstreamMessageStatus(id: 7, account: "platform", source: "Shop", destination: "+4915112345678",
                                            state: .delivered, encoding: .gsm7, updatedAt: Self.now,
                                            notBefore: Self.now, expiresAt: Self.now + .seconds(60))
        #expect(QueryAnswer.response(for: message, messageID: "7").finalDate?.formatted == "260301120000000+")
        message.state = .sent
        let answer = QueryAnswer.response(for: message, messageID: "7")
        #expect(answer.finalDate == nil && answer.messageState == .enroute && answer.messageID == "7")
    }

    /// Our ids are positive decimal row ids; anything else names no message.
    @Test(arguments: [("42", Int64(42)), ("9223372036854775807", Int64.max)] as [(String, Int64)])
    func idParses(text: String, id: Int64) { #expect(UpstreamMessageID.parse(text) == id) }

    @Test(arguments: ["", "0", "-1", "+42", "4x", " 42", "9223372036854775808", "00000000000000000000"])
    func idRefused(text: String) { #expect(UpstreamMessageID.parse(text) == nil) }

    /// An empty address matches (NULL in the request); "+" is not significant; case is.
    @Test func addressMatching() {
        #expect(UpstreamMessageID.matches("", stored: "Shop"))
        #expect(UpstreamMessageID.matches("+", stored: "+4915112345678"))  // NULL with TON international
        #expect(UpstreamMessageID.matches("4915112345678", stored: "+4915112345678"))
        #expect(UpstreamMessageID.matches("+4915112345678", stored: "+4915112345678"))
        #expect(!UpstreamMessageID.matches("SHOP", stored: "Shop"))
        #expect(!UpstreamMessageID.matches("4915112345679", stored: "+4915112345678"))
    }

    static func multi(_ destinations: [SubmitMultiDestination], dataCoding: UInt8 = 0) -> SubmitMulti {
        var request = SubmitMulti()
        request.source = SMEAddress(ton: .alphanumeric, address: "Shop")
        request.destinations = destinations
        request.shortMessage = Array("Hello".utf8)
        request.dataCoding = dataCoding
        request.registeredDelivery = 1
        return request
    }

    /// One good SME, one unparsable address, one distribution list: one message to store,
    /// two in unsuccess_sme with their own codes, in request order.
    @Test func multiSplitsPerDestination() throws {
        let request = Self.multi([.sme(SMEAddress(ton: .international, npi: .isdn, address: "4915112345678")),
                                  .sme(SMEAddress(address: "not a number")), .distributionList("friends")])
        let plan = try SubmitMultiPlan.make(request, account: Self.account, translator: SubmitTranslator(), now: Self.now).get()
        #expect(plan.messages.map(\.destination) == ["+4915112345678"])
        #expect(plan.messages.first?.text == "Hello" && plan.messages.first?.source == "Shop")
        #expect(plan.unsuccessful == [
            UnsuccessfulSME(address: SMEAddress(address: "not a number"), errorStatusCode: .invalidDestinationAddress),
            UnsuccessfulSME(address: SMEAddress(address: "friends"), errorStatusCode: .invalidDistributionListName),
        ])
        #expect(plan.reasons.count == 2)
    }

    /// number_of_dests 0 and 255 refuse the whole PDU (§4.5.1: 1-254).
    @Test(arguments: [0, 255])
    func multiDestinationCount(count: Int) {
        let request = Self.multi(Array(repeating: .sme(SMEAddress(address: "+4915112345678")), count: count))
        #expect(throws: SubmitRefusal.self) {
            try SubmitMultiPlan.make(request, account: Self.account, translator: SubmitTranslator(), now: Self.now).get()
        }
    }

    /// 254 destinations is the maximum and plans 254 messages.
    @Test func multiMaximum() throws {
        let request = Self.multi((0..<254).map { .sme(SMEAddress(ton: .international, address: "49151\(100_000 + $0)")) })
        let plan = try SubmitMultiPlan.make(request, account: Self.account, translator: SubmitTranslator(), now: Self.now).get()
        #expect(plan.messages.count == 254 && plan.unsuccessful.isEmpty)
    }

    /// Every destination refused for the same reason (UCS-2 of odd length: ESME_RINVMSGLEN):
    /// the answer's status is that reason; mixed reasons are ESME_RSUBMITFAIL.
    @Test func multiRefusalStatus() throws {
        let same = Self.multi([.sme(SMEAddress(address: "+4915112345678")), .sme(SMEAddress(address: "+4915112345679"))],
                              dataCoding: 0x08)
        let plan = try SubmitMultiPlan.make(same, account: Self.account, translator: SubmitTranslator(), now: Self.now).get()
        #expect(plan.messages.isEmpty && plan.unsuccessful.count == 2)
        #expect(plan.refusalStatus == plan.unsuccessful[0].errorStatusCode && plan.refusalStatus != .submitFailed)
        let mixed = Self.multi([.sme(SMEAddress(address: "bad")), .distributionList("x")])
        let mixedPlan = try SubmitMultiPlan.make(mixed, account: Self.account, translator: SubmitTranslator(), now: Self.now).get()
        #expect(mixedPlan.refusalStatus == .submitFailed)
    }

    /// replace_sm keeps the original's times when it leaves them NULL, takes the original's
    /// coding (UCS-2 here), and re-plans the text (a 71-character UCS-2 text needs two parts).
    @Test func replacementKeepsTimesAndCoding() throws {
        let original = UpstreamMessageStatus(id: 7, account: "platform", source: "Shop", destination: "+4915112345678",
                                             state: .held, encoding: .ucs2, updatedAt: Self.now,
                                             notBefore: Self.now + .seconds(600), expiresAt: Self.now + .seconds(3_600))
        var request = ReplaceSM()
        request.messageID = "7"
        request.shortMessage = Array(String(repeating: "Ж", count: 71).utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        request.registeredDelivery = 1
        let replacement = try SMPPSession.replacement(for: request, of: original, translator: SubmitTranslator(),
                                                      account: Self.account, now: Self.now).get()
        #expect(replacement.encoding == .ucs2 && replacement.partsHex.count == 2 && replacement.reportMask == .final)
        #expect(replacement.scheduleAt == Self.now + .seconds(600) && replacement.expiresAt == Self.now + .seconds(3_600))
        request.shortMessage = []
        #expect(throws: SubmitRefusal.self) {
            try SMPPSession.replacement(for: request, of: original, translator: SubmitTranslator(), account: Self.account, now: Self.now).get()
        }
    }

    /// data_sm's fields reach the translator as submit_sm's: the text from message_payload.
    @Test func dataSMAsSubmit() throws {
        var request = DataSM()
        request.source = SMEAddress(address: "Shop")
        request.destination = SMEAddress(ton: .international, address: "4915112345678")
        request.registeredDelivery = 1
        request.tlvs.messagePayload = Array("Hi there".utf8)
        let submit = SMPPSession.submit(from: request)
        let message = try SubmitTranslator().message(from: submit, account: Self.account, now: Self.now).get()
        #expect(message.text == "Hi there" && message.destination == "+4915112345678" && message.registeredDelivery)
    }
}
