import Testing
import SMPPCodec

/// Malformed bodies give a typed error naming the field, with the header a server needs to
/// answer (SMPP 3.4 §5.1.3) and keep the session up; values that cannot be encoded are refused.
@Suite struct SMPPErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var why: String
        var hex: String
        var field: SMPPField
        var status: CommandStatus
        var response: PDU?
        var testDescription: String { why }
    }

    static let cases: [Case] = [
        Case(why: "an unknown command_id is answered with generic_nack ESME_RINVCMDID (§3.3)",
             hex: "00000010 00000077 00000000 00000005", field: .commandID, status: .invalidCommandID,
             response: PDU(.genericNack, sequenceNumber: 5, status: .invalidCommandID)),
        Case(why: "sm_length 255 is beyond the 254 of §5.2.21: submit_sm_resp ESME_RINVMSGLEN",
             hex: "00000022 00000004 00000000 00000006 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF 41",
             field: .smLength, status: .invalidMessageLength,
             response: PDU(.submitSMResp(nil), sequenceNumber: 6, status: .invalidMessageLength)),
        Case(why: "sm_length larger than what follows is a truncated short_message",
             hex: "00000022 00000004 00000000 00000006 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 05 41",
             field: .shortMessage, status: .invalidMessageLength,
             response: PDU(.submitSMResp(nil), sequenceNumber: 6, status: .invalidMessageLength)),
        Case(why: "a system_id with no NUL within its 16 octets: bind_transmitter_resp ESME_RINVSYSID",
             hex: "00000028 00000002 00000000 00000008 41414141414141414141414141414141 41 00 00 00 34 00 00 00",
             field: .systemID, status: .invalidSystemID,
             response: PDU(.bindTransmitterResp(nil), sequenceNumber: 8, status: .invalidSystemID)),
        Case(why: "a source_addr that is not UTF-8 (0xFF): ESME_RINVSRCADR",
             hex: "00000023 00000004 00000000 00000009 00 01 01 FF00 01 01 3100 00 00 00 00 00 00 00 00 00 00",
             field: .sourceAddr, status: .invalidSourceAddress,
             response: PDU(.submitSMResp(nil), sequenceNumber: 9, status: .invalidSourceAddress)),
        Case(why: "sar_total_segments is one octet (§5.3.2.23); two is ESME_RINVPARLEN",
             hex: "00000027 00000004 00000000 0000000A 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 020E 0002 0001",
             field: .optionalParameters, status: .invalidParameterLength,
             response: PDU(.submitSMResp(nil), sequenceNumber: 10, status: .invalidParameterLength)),
        Case(why: "a TLV header cut short is ESME_RINVOPTPARSTREAM",
             hex: "00000024 00000004 00000000 0000000B 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 0204 00",
             field: .optionalParameters, status: .invalidOptionalParameterStream,
             response: PDU(.submitSMResp(nil), sequenceNumber: 11, status: .invalidOptionalParameterStream)),
        Case(why: "dest_flag 3 in submit_multi is ESME_RINVDESTFLAG (§4.5.1.1)",
             hex: "00000017 00000021 00000000 0000000C 00 00 00 00 01 03 00",
             field: .destFlag, status: .invalidDestinationFlag,
             response: PDU(.submitMultiResp(nil), sequenceNumber: 12, status: .invalidDestinationFlag)),
        Case(why: "octets after an enquire_link are a bad command_length: generic_nack",
             hex: "00000011 00000015 00000000 0000000D 00", field: .commandLength, status: .invalidCommandLength,
             response: PDU(.genericNack, sequenceNumber: 13, status: .invalidCommandLength)),
        Case(why: "a malformed response is answered with generic_nack, never with a response to a response",
             hex: "00000011 80000004 00000000 0000000E 41", field: .messageID, status: .invalidMessageID,
             response: PDU(.genericNack, sequenceNumber: 14, status: .invalidMessageID)),
        Case(why: "command_length that disagrees with the octets given (not from our frame decoder)",
             hex: "00000020 00000015 00000000 0000000F", field: .commandLength, status: .invalidCommandLength,
             response: PDU(.genericNack, sequenceNumber: 15, status: .invalidCommandLength)),
    ]

    @Test(arguments: cases)
    func malformedBody(testCase: Case) {
        do {
            let pdu = try PDU(decoding: SMPPHex.bytes(testCase.hex))
            Issue.record("decoded \(pdu)")
        } catch {
            #expect(error.field == testCase.field)
            #expect(error.status == testCase.status)
            #expect(error.response == testCase.response)
            #expect(!error.description.isEmpty)
        }
    }

    @Test func errorDescriptionNamesCommandSequenceAndField() {
        #expect(throws: SMPPDecodingError.self) { try PDU(decoding: SMPPHex.bytes(Self.cases[1].hex)) }
        do {
            _ = try PDU(decoding: SMPPHex.bytes(Self.cases[1].hex))
        } catch {
            #expect(error.description == "submit_sm sequence 6: sm_length: value 255 is not allowed")
        }
    }

    @Test func encodingRefusesWhatTheWireCannotCarry() {
        #expect(throws: SMPPEncodingError(field: .systemID, reason: .tooLong(maximum: 16))) {
            try PDU(.bindTransmitter(Bind(systemID: String(repeating: "a", count: 16), password: "")),
                    sequenceNumber: 1).encoded()
        }
        #expect(throws: SMPPEncodingError(field: .password, reason: .containsNUL)) {
            try PDU(.bindTransmitter(Bind(systemID: "a", password: "a\u{0}b")), sequenceNumber: 1).encoded()
        }
        var submit = SubmitSM()
        submit.shortMessage = Array(repeating: 0, count: 255)
        #expect(throws: SMPPEncodingError(field: .shortMessage, reason: .tooLong(maximum: 254))) {
            try PDU(.submitSM(submit), sequenceNumber: 1).encoded()
        }
        submit.shortMessage = []
        submit.tlvs = [TLV(.sarTotalSegments, integer: 256)]
        #expect(throws: SMPPEncodingError(field: .optionalParameters, tlvTag: 0x020E, reason: .invalidValue)) {
            try PDU(.submitSM(submit), sequenceNumber: 1).encoded()
        }
        submit.tlvs = [TLV(.receiptedMessageID, octets: [0x41])]
        #expect(throws: SMPPEncodingError(field: .optionalParameters, tlvTag: 0x001E, reason: .invalidValue)) {
            try PDU(.submitSM(submit), sequenceNumber: 1).encoded()
        }
    }

    @Test func aFailedEncodingLeavesTheBufferAsItWas() {
        var buffer: [UInt8] = [1, 2, 3]
        let bad = PDU(.outbind(Outbind(systemID: "x", password: "far-too-long")), sequenceNumber: 1)
        #expect(throws: SMPPEncodingError.self) { try bad.encode(into: &buffer) }
        #expect(buffer == [1, 2, 3])
    }

    @Test func fieldViewRefusesFieldsTheCommandLacks() {
        #expect(throws: SMPPFieldValueError(commandID: .enquireLink, field: .systemID, reason: .notInCommand)) {
            try PDU(commandID: .enquireLink, sequenceNumber: 1, fieldValues: [(.systemID, .string("x"))])
        }
        #expect(throws: SMPPFieldValueError(commandID: .submitSM, field: .esmClass, reason: .invalidValue)) {
            try PDU(commandID: .submitSM, sequenceNumber: 1, fieldValues: [(.esmClass, .integer(256))])
        }
    }
}
