import Testing
import SMPPCodec

/// Wire vectors written out by hand from SMPP 3.4 §4, decoded to the values they must give
/// and encoded back to the same octets.
@Suite struct SMPPVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var why: String
        var hex: String
        var pdu: PDU
        var testDescription: String { why }
    }

    static let vectors: [Vector] = [
        Vector(why: "bind_transmitter with the demo account: empty system_type and address_range are one NUL each",
               hex: "0000001F 00000002 00000000 00000001 64656D6F00 64656D6F00 00 34 00 00 00",
               pdu: PDU(.bindTransmitter(Bind(systemID: "demo", password: "demo")), sequenceNumber: 1)),
        Vector(why: "enquire_link is a bare header (§4.11.1)",
               hex: "00000010 00000015 00000000 00000007",
               pdu: PDU(.enquireLink, sequenceNumber: 7)),
        Vector(why: "submit_sm_resp with ESME_RTHROTTLED leaves the body out (§4.4.2)",
               hex: "00000010 80000004 00000058 00000003",
               pdu: PDU(.submitSMResp(nil), sequenceNumber: 3, status: .throttled)),
        Vector(why: "submit_sm: alphanumeric sender, relative validity, registered delivery, user_message_reference TLV",
               hex: """
               0000004C 00000004 00000000 00000002 00 05 00 534D53475700 01 01 333136313233343536373800
               00 00 00 00 3030303030313030303030303030305200 01 00 00 00 05 48656C6C6F 0204 0002 0007
               """,
               pdu: {
                   var body = SubmitSM(source: SMEAddress(ton: .alphanumeric, address: "SMSGW"),
                                       destination: SMEAddress(ton: .international, npi: .isdn, address: "31612345678"),
                                       shortMessage: Array("Hello".utf8), registeredDelivery: 1)
                   body.validityPeriod = .relative(SMPPTime.Relative(days: 1))
                   body.tlvs.userMessageReference = 7
                   return PDU(.submitSM(body), sequenceNumber: 2)
               }()),
        Vector(why: "deliver_sm delivery receipt (esm_class 4): receipted_message_id, message_state, network_error_code and a vendor TLV kept verbatim",
               hex: """
               000000B1 00000005 00000000 00000009 00 01 01 333136313233343536373800 05 00 534D53475700
               04 00 00 00 00 00 00 00 00 65
               6964 3A31 4132 4220 7375 623A 3030 3120 646C 7672 643A 3030 3120 7375 626D 6974 2064 6174
               653A 3235 3131 3239 3132 3030 2064 6F6E 6520 6461 7465 3A32 3531 3132 3931 3230 3120 7374
               6174 3A44 454C 4956 5244 2065 7272 3A30 3030 2074 6578 743A 4865 6C6C 6F
               001E 0005 3141324200 0427 0001 02 0423 0003 030000 1401 0002 CAFE
               """,
               pdu: {
                   let text = "id:1A2B sub:001 dlvrd:001 submit date:2511291200 done date:2511291201 stat:DELIVRD err:000 text:Hello"
                   var body = DeliverSM(source: SMEAddress(ton: .international, npi: .isdn, address: "31612345678"),
                                        destination: SMEAddress(ton: .alphanumeric, address: "SMSGW"),
                                        shortMessage: Array(text.utf8), esmClass: 4)
                   body.tlvs.receiptedMessageID = "1A2B"
                   body.tlvs.messageState = .delivered
                   body.tlvs.networkErrorCode = NetworkErrorCode(networkType: 3, code: 0)
                   body.tlvs.entries.append(TLV(TLVTag(rawValue: 0x1401), octets: [0xCA, 0xFE]))
                   return PDU(.deliverSM(body), sequenceNumber: 9)
               }()),
        Vector(why: "submit_multi to an SME address and a distribution list (dest_flag 1 and 2), UCS-2, absolute time with the largest UTC offset",
               hex: """
               00000045 00000021 00000000 00000003 00 01 01 31323300 02 01 01 01 3434373900 02 737461666600
               00 00 00 00 3235313233313233353935393034382B00 00 00 08 00 04 00480069
               """,
               pdu: {
                   var body = SubmitMulti()
                   body.source = SMEAddress(ton: .international, npi: .isdn, address: "123")
                   body.destinations = [.sme(SMEAddress(ton: .international, npi: .isdn, address: "4479")),
                                        .distributionList("staff")]
                   body.validityPeriod = .absolute(.init(year: 25, month: 12, day: 31, hour: 23, minute: 59,
                                                         second: 59, tenths: 0, quarterHours: 48))
                   body.dataCoding = 8
                   body.shortMessage = [0x00, 0x48, 0x00, 0x69]
                   return PDU(.submitMulti(body), sequenceNumber: 3)
               }()),
        Vector(why: "submit_multi_resp: one unsuccessful SME with a 4-octet error_status_code",
               hex: "0000001F 80000021 00000000 00000003 6D3100 01 01 01 3434373900 0000000B",
               pdu: PDU(.submitMultiResp(SubmitMultiResponse(
                   messageID: "m1",
                   unsuccessful: [UnsuccessfulSME(address: SMEAddress(ton: .international, npi: .isdn, address: "4479"),
                                                  errorStatusCode: .invalidDestinationAddress)])),
                        sequenceNumber: 3)),
        Vector(why: "an unknown command_id in a generic_nack answer keeps its status code outside the table",
               hex: "00000010 80000000 00000403 FFFFFFFF",
               pdu: PDU(.genericNack, sequenceNumber: 0xFFFF_FFFF, status: CommandStatus(rawValue: 0x403))),
    ]

    @Test(arguments: vectors)
    func decodes(vector: Vector) throws {
        #expect(try PDU(decoding: SMPPHex.bytes(vector.hex)) == vector.pdu)
    }

    @Test(arguments: vectors)
    func encodes(vector: Vector) throws {
        #expect(SMPPHex.string(try vector.pdu.encoded()) == SMPPHex.string(SMPPHex.bytes(vector.hex)))
    }

    @Test func typedTLVAccessorsReadTheReceipt() throws {
        let pdu = try PDU(decoding: SMPPHex.bytes(Self.vectors[4].hex))
        guard case .deliverSM(let body) = pdu.body else {
            Issue.record("not a deliver_sm: \(pdu.body)")
            return
        }
        #expect(body.tlvs.receiptedMessageID == "1A2B")
        #expect(body.tlvs.messageState == .delivered)
        #expect(body.tlvs.messageState?.name == "DELIVERED")
        #expect(body.tlvs.networkErrorCode == NetworkErrorCode(networkType: 3, code: 0))
        #expect(body.tlvs.entries.last == TLV(TLVTag(rawValue: 0x1401), octets: [0xCA, 0xFE]))
        #expect(body.tlvs.entries.last?.tag.name == nil)
    }

    @Test func statusTableHasNamesAndDescriptions() {
        #expect(CommandStatus.throttled.name == "ESME_RTHROTTLED")
        #expect(CommandStatus(name: "ESME_RINVMSGLEN") == .invalidMessageLength)
        #expect(CommandStatus.invalidDestinationAddress.explanation == "Invalid Dest Addr")
        #expect(CommandStatus(rawValue: 0x401).name == nil)
        #expect(CommandStatus(rawValue: 0x401).explanation == "SMSC vendor specific error")
        #expect(Set(CommandStatus.all.map(\.status.rawValue)).count == CommandStatus.all.count)
        #expect(Set(CommandStatus.all.map(\.name)).count == CommandStatus.all.count)
    }

    @Test func commandTableNamesEveryCommandOnce() {
        #expect(CommandID.all.count == 27)
        #expect(Set(CommandID.all.map(\.name)).count == 27)
        #expect(CommandID(name: "submit_multi_resp") == .submitMultiResp)
        #expect(CommandID.submitSM.response == .submitSMResp)
        #expect(CommandID.alertNotification.response == .genericNack)
        #expect(CommandID(rawValue: 0x77).description == "command_id 0x77")
    }
}
