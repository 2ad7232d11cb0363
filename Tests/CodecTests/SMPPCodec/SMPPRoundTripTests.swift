import Testing
import SMPPCodec

/// Every command round-trips through the wire form and through the generic field view, and
/// every truncation of every sample is refused with a typed error.
@Suite struct SMPPRoundTripTests {
    @Test(arguments: SMPPSamples.all)
    func wireRoundTrip(pdu: PDU) throws {
        let bytes = try pdu.encoded()
        #expect(try PDU(decoding: bytes) == pdu)
        #expect(try PDU(decoding: bytes).encoded() == bytes)
    }

    @Test(arguments: SMPPSamples.all)
    func fieldViewRoundTrip(pdu: PDU) throws {
        let rebuilt = try PDU(commandID: pdu.commandID, status: pdu.commandStatus,
                              sequenceNumber: pdu.sequenceNumber, fieldValues: pdu.fieldValues)
        #expect(rebuilt == pdu)
    }

    @Test func samplesCoverEveryCommand() {
        #expect(Set(SMPPSamples.all.map(\.commandID)) == Set(CommandID.all.map(\.id)))
    }

    /// Cutting a PDU anywhere (and fixing command_length to match, as a lying peer would)
    /// must give a typed error, never a crash or a different PDU.
    @Test(arguments: SMPPSamples.all)
    func everyTruncationThrows(pdu: PDU) throws {
        let bytes = try pdu.encoded()
        for count in 0..<bytes.count {
            var cut = Array(bytes.prefix(count))
            #expect(throws: SMPPDecodingError.self) { try PDU(decoding: cut) }
            guard count >= 16 else { continue }
            let length = UInt32(count)
            cut.replaceSubrange(0..<4, with: [UInt8(length >> 24), UInt8(length >> 16 & 0xFF),
                                              UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
            switch Result(catching: { () throws(SMPPDecodingError) in try PDU(decoding: cut) }) {
            case .success(let decoded):
                // Only a cut between TLVs, or a response cut to no body at all, is still a PDU:
                // then it is exactly what the cut octets say.
                #expect(try decoded.encoded() == cut, "cut at \(count)")
            case .failure(let error):
                #expect(error.sequenceNumber == pdu.sequenceNumber)
                #expect(error.commandID == pdu.commandID)
            }
        }
    }

    @Test(arguments: SMPPSamples.all)
    func encodingAppendsToAReusedBuffer(pdu: PDU) throws {
        var buffer: [UInt8] = [0xAA]
        try pdu.encode(into: &buffer)
        try pdu.encode(into: &buffer)
        let one = try pdu.encoded()
        #expect(buffer == [0xAA] + one + one)
    }
}
