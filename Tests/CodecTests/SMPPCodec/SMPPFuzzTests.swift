import Testing
import GatewayTestSupport
import SMPPCodec

/// Random damage to valid PDUs, from a fixed seed so a failure reproduces: decoding never
/// crashes, and whatever does decode re-encodes to exactly the octets it came from.
@Suite struct SMPPFuzzTests {
    static func mutate(_ bytes: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 2: bytes.remove(at: at)
            case 3: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
            case 4: bytes[at] = [0x00, 0xFF, 0x01, 0x7F][Int.random(in: 0..<4, using: &random)]
            default: bytes.removeSubrange(at...)
            }
        }
        // Half the time keep command_length honest, so the body decoder is reached.
        if bytes.count >= 4, Bool.random(using: &random) {
            let length = UInt32(bytes.count)
            bytes.replaceSubrange(0..<4, with: [UInt8(length >> 24), UInt8(length >> 16 & 0xFF),
                                                UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
        }
        return bytes
    }

    @Test func mutatedPDUsNeverCrashAndDecodeCanonically() throws {
        var random = SeededRandom(seed: 0x5EED_5A4D)
        let samples = try SMPPSamples.all.map { try $0.encoded() }
        var decodedCount = 0
        for round in 0..<40_000 {
            let bytes = Self.mutate(samples[round % samples.count], using: &random)
            guard let pdu = try? PDU(decoding: bytes) else { continue }
            decodedCount += 1
            #expect(try pdu.encoded() == bytes, "round \(round): \(SMPPHex.string(bytes))")
        }
        // The loop must reach the body decoder's success paths, not only its errors.
        #expect(decodedCount > 1000)
    }

    @Test func garbageStreamsNeverCrashTheFrameDecoder() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<2000 {
            var decoder = SMPPFrameDecoder(maximumLength: 4096)
            var bytes = (0..<Int.random(in: 0..<300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            // Often a plausible length, so frames actually come out.
            if bytes.count >= 4, Bool.random(using: &random) {
                bytes[0] = 0; bytes[1] = 0; bytes[2] = 0
                bytes[3] = UInt8.random(in: 16...UInt8(min(255, max(16, bytes.count))), using: &random)
            }
            decoder.append(bytes)
            while let frame = try? decoder.nextFrame() {
                #expect(frame.bytes.count >= 16 && frame.bytes.count <= 4096)
                _ = try? PDU(decoding: frame)
            }
        }
    }
}
