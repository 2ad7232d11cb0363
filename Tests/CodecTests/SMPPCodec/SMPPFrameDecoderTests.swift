import Testing
import SMPPCodec

/// The stream framing of SMPP 3.4 §3.2: the same frames whether the bytes come one at a
/// time or all at once, and absurd command_lengths refused before anything is buffered.
@Suite struct SMPPFrameDecoderTests {
    static var stream: [UInt8] {
        SMPPSamples.all.flatMap { (try? $0.encoded()) ?? [] }
    }

    static func frames(of bytes: [UInt8], chunk: Int, decoder: inout SMPPFrameDecoder) throws -> [PDU] {
        var pdus: [PDU] = []
        var offset = 0
        while offset < bytes.count {
            decoder.append(bytes[offset..<min(bytes.count, offset + chunk)])
            offset += chunk
            while let frame = try decoder.nextFrame() { pdus.append(try PDU(decoding: frame)) }
        }
        return pdus
    }

    @Test(arguments: [1, 2, 3, 7, 16, 17, 100, 4096, 1 << 20])
    func sameFramesForAnyChunking(chunk: Int) throws {
        var decoder = SMPPFrameDecoder()
        #expect(try Self.frames(of: Self.stream, chunk: chunk, decoder: &decoder) == SMPPSamples.all)
        #expect(decoder.bufferedCount == 0)
    }

    @Test func partialHeaderWaits() throws {
        var decoder = SMPPFrameDecoder()
        decoder.append([0x00, 0x00, 0x00])
        #expect(try decoder.nextFrame() == nil)
        decoder.append([0x10, 0x00, 0x00, 0x00, 0x15, 0, 0, 0, 0, 0, 0, 0])
        #expect(try decoder.nextFrame() == nil)
        decoder.append([0x01])
        let frame = try decoder.nextFrame()
        #expect(frame?.commandID == .enquireLink)
        #expect(frame?.sequenceNumber == 1)
    }

    /// A command_length under the header's 16 octets cannot be a PDU: refused as soon as the
    /// four length octets are in (a peer may never send 16).
    @Test(arguments: [0, 1, 15] as [UInt8])
    func tooShortLengthIsRefusedAtOnce(length: UInt8) {
        var decoder = SMPPFrameDecoder()
        decoder.append([0, 0, 0, length])
        #expect(throws: SMPPFrameError(reason: .commandLengthTooSmall, commandLength: UInt32(length))) {
            try decoder.nextFrame()
        }
        #expect(throws: SMPPFrameError.self) { try decoder.nextFrame() }
    }

    /// 0xFFFFFFFF would be a 4 GiB allocation for a naive reader; we refuse it once the header
    /// gives the sequence number for the generic_nack, having buffered only those 16 octets.
    @Test func absurdLengthIsRefusedBeforeBuffering() throws {
        var decoder = SMPPFrameDecoder(maximumLength: 1024)
        let header = SMPPHex.bytes("FFFFFFFF 00000004 00000000 0000002A")
        for byte in header.dropLast() {
            decoder.append([byte])
            #expect(try decoder.nextFrame() == nil)
        }
        decoder.append([header[15]])
        let expected = SMPPFrameError(reason: .commandLengthTooLarge(maximum: 1024), commandLength: 0xFFFF_FFFF,
                                      commandID: .submitSM, sequenceNumber: 42)
        #expect(throws: expected) { try decoder.nextFrame() }
        #expect(decoder.bufferedCount == 16)
        #expect(expected.response == PDU(.genericNack, sequenceNumber: 42, status: .invalidCommandLength))
    }

    /// After an oversized PDU the decoder can skip it, even while its bytes are still arriving,
    /// and decode the next one.
    @Test(arguments: [1, 5, 64, 5000])
    func skipsAnOversizedFrameAndResyncs(chunk: Int) throws {
        var decoder = SMPPFrameDecoder(maximumLength: 64)
        var big = PDU(.submitSM(SMPPSamples.submit), sequenceNumber: 1)
        if case .submitSM(var body) = big.body {
            body.shortMessage = Array(repeating: 0x41, count: 200)
            big.body = .submitSM(body)
        }
        let next = PDU(.enquireLink, sequenceNumber: 2)
        let bytes = try big.encoded() + next.encoded()
        var decoded: [PDU] = []
        var errors: [SMPPFrameError] = []
        var offset = 0
        while offset < bytes.count {
            decoder.append(bytes[offset..<min(bytes.count, offset + chunk)])
            offset += chunk
            while true {
                do {
                    guard let frame = try decoder.nextFrame() else { break }
                    decoded.append(try PDU(decoding: frame))
                } catch let error as SMPPFrameError {
                    errors.append(error)
                    decoder.skipOversizedFrame()
                }
            }
        }
        #expect(errors.map(\.sequenceNumber) == [1])
        #expect(decoded == [next])
        #expect(decoder.bufferedCount == 0)
    }

    @Test func maximumLengthItselfIsAccepted() throws {
        var decoder = SMPPFrameDecoder(maximumLength: 20)
        decoder.append(SMPPHex.bytes("00000014 80000004 00000000 00000001 41424300"))
        let frame = try #require(try decoder.nextFrame())
        #expect(try PDU(decoding: frame) == PDU(.submitSMResp(MessageIDResponse(messageID: "ABC")), sequenceNumber: 1))
    }
}
