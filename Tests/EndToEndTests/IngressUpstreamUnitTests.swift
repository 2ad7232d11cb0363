import GatewayCore
import GatewayStore
import SMPPCodec
import Testing
@testable import IngressdDaemon

/// ingressd's pure pieces of the way back upstream, in process: the deliver_sm it builds for a
/// DLR and an MO, and the bind-failure slow-down.
@Suite("ingressd upstream pieces")
struct IngressUpstreamUnitTests {
    static let start = Timestamp(secondsSince1970: 1_772_366_400)  // 2026-03-01 12:00 UTC

    /// A delivered DLR whose status report said TP-ST 0: esm_class 0x04, handset → sender,
    /// the receipt text, receipted_message_id, message_state DELIVERED, network_error_code GSM/0.
    @Test func receiptDeliverSM() {
        let report = DeliveryReportPayload(messageID: 42, upstreamMessageID: nil, clientReference: nil, state: .delivered,
                                           at: Self.start + .seconds(90), statusReportID: 3)
        let facts = ReceiptFacts(submittedAt: Self.start, text: "Code 1234", source: "Shop", destination: "+31612345678",
                                 parts: 1, partsDelivered: 1, reportStatus: 0, dlrURL: nil)
        let deliver = DeliverSMBuilder.receipt(report, facts: facts)
        #expect(deliver.esmClass == 0x04 && deliver.dataCoding == 0)
        #expect(deliver.source == SMEAddress(ton: .international, npi: .isdn, address: "31612345678"))
        #expect(deliver.destination == SMEAddress(ton: .alphanumeric, npi: .unknown, address: "Shop"))
        #expect(String(decoding: deliver.shortMessage, as: UTF8.self)
            == "id:42 sub:001 dlvrd:001 submit date:2603011200 done date:2603011201 stat:DELIVRD err:000 text:Code 1234")
        #expect(deliver.tlvs.receiptedMessageID == "42")
        #expect(deliver.tlvs.messageState == SMPPCodec.MessageState.delivered)
        #expect(deliver.tlvs.networkErrorCode == NetworkErrorCode(networkType: 3, code: 0))
    }

    /// A receipt about one part the ESME submitted on its own carries that submit's id, in the
    /// text and in receipted_message_id, never the message's: the ESME knows only the former.
    @Test func receiptOfASubmittedPart() {
        let report = DeliveryReportPayload(messageID: 42, upstreamMessageID: nil, clientReference: nil, state: .failed,
                                           at: Self.start + .seconds(90), statusReportID: 3, submitID: "42-2")
        let facts = ReceiptFacts(submittedAt: Self.start, text: "second half", source: "Shop", destination: "+31612345678",
                                 parts: 1, partsDelivered: 0, reportStatus: 0x41, dlrURL: nil)
        let deliver = DeliverSMBuilder.receipt(report, facts: facts)
        #expect(String(decoding: deliver.shortMessage, as: UTF8.self)
            == "id:42-2 sub:001 dlvrd:000 submit date:2603011200 done date:2603011201 stat:UNDELIV err:065 text:second half")
        #expect(deliver.tlvs.receiptedMessageID == "42-2")
        #expect(deliver.tlvs.messageState == SMPPCodec.MessageState.undeliverable)
    }

    /// Each message state's stat: sent is the intermediate ACCEPTD, cancelled is DELETED.
    @Test(arguments: [
        (GatewayCore.MessageState.delivered, "DELIVRD"), (.failed, "UNDELIV"), (.expired, "EXPIRED"), (.cancelled, "DELETED"),
        (.sent, "ACCEPTD"), (.unknown, "UNKNOWN"),
    ])
    func stats(state: GatewayCore.MessageState, stat: String) {
        #expect(DeliverSMBuilder.stat(of: state).rawValue == stat)
    }

    /// A DLR without a status report has no network_error_code; without facts the text is empty.
    @Test func receiptWithoutReport() {
        let report = DeliveryReportPayload(messageID: 1, upstreamMessageID: nil, clientReference: nil, state: .expired,
                                           at: Self.start, statusReportID: 0)
        let deliver = DeliverSMBuilder.receipt(report, facts: nil)
        #expect(deliver.tlvs.networkErrorCode == nil && deliver.tlvs.messageState == SMPPCodec.MessageState.expired)
        #expect(String(decoding: deliver.shortMessage, as: UTF8.self).hasSuffix("stat:EXPIRED err:000 text:"))
    }

    /// MO: GSM text as unpacked septets (the euro sign is an escape pair), others UCS-2, and
    /// over 254 octets in message_payload; the destination is the MSISDN when known.
    @Test func moDeliverSM() {
        func mo(_ text: String, msisdn: String? = "+31611111111") -> DeliverSM {
            DeliverSMBuilder.mobileOriginated(InboundPayload(
                inboundID: 1, originator: "+4915199999999", simID: 1, iccid: "8931000000000000001", msisdn: msisdn,
                text: text, receivedAt: Self.start, complete: true))
        }
        let gsm = mo("5 €")
        #expect(gsm.dataCoding == 0 && gsm.shortMessage == [0x35, 0x20, 0x1B, 0x65] && gsm.esmClass == 0)
        #expect(gsm.destination == SMEAddress(ton: .international, npi: .isdn, address: "31611111111"))
        let ucs2 = mo("Да", msisdn: nil)
        #expect(ucs2.dataCoding == 8 && ucs2.shortMessage == [0x04, 0x14, 0x04, 0x30])
        #expect(ucs2.destination.address == "8931000000000000001")
        let long = mo(String(repeating: "a", count: 255))
        #expect(long.shortMessage.isEmpty && long.tlvs.messagePayload?.count == 255)
        #expect(mo(String(repeating: "a", count: 254)).shortMessage.count == 254)
    }

    /// Four failures in a minute cost nothing; the 5th on doubles from 250 ms to at most 5 s;
    /// another address is not slowed; a minute later it is forgotten.
    @Test func bindFailuresSlowDown() {
        var record = BindFailureRecord()
        for second in 0..<4 { record.failed("10.0.0.1", at: Self.start + .seconds(Int64(second))) }
        #expect(record.delay(for: "10.0.0.1", at: Self.start + .seconds(5)) == .zero)
        record.failed("10.0.0.1", at: Self.start + .seconds(5))
        #expect(record.delay(for: "10.0.0.1", at: Self.start + .seconds(6)) == .milliseconds(250))
        record.failed("10.0.0.1", at: Self.start + .seconds(6))
        #expect(record.delay(for: "10.0.0.1", at: Self.start + .seconds(7)) == .milliseconds(500))
        for _ in 0..<10 { record.failed("10.0.0.1", at: Self.start + .seconds(8)) }
        #expect(record.delay(for: "10.0.0.1", at: Self.start + .seconds(9)) == .seconds(5))
        #expect(record.delay(for: "10.0.0.2", at: Self.start + .seconds(9)) == .zero)
        #expect(record.delay(for: "10.0.0.1", at: Self.start + .seconds(69)) == .zero)
    }
}
