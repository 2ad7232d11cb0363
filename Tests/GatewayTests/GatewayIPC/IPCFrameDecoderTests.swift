import GatewayTestSupport
import NIOCore
import Testing
@testable import GatewayIPC

@Suite("IPC frame decoder")
struct IPCFrameDecoderTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let why: String
        let bytes: [UInt8]
        let frames: [[UInt8]]
        var testDescription: String { self.why }
    }

    static let vectors: [Vector] = [
        Vector(why: "one small frame", bytes: [0, 0, 0, 2] + Array("{}".utf8), frames: [Array("{}".utf8)]),
        Vector(why: "an empty payload is a frame (the envelope layer refuses it, not the framer)",
               bytes: [0, 0, 0, 0], frames: [[]]),
        Vector(why: "two frames back to back in one read", bytes: [0, 0, 0, 1, 0x31, 0, 0, 0, 2, 0x32, 0x33],
               frames: [[0x31], [0x32, 0x33]]),
        Vector(why: "length is big-endian: 0x0100 = 256 octets, not 1; and exactly the maximum (256 here) is accepted",
               bytes: [0, 0, 1, 0] + Array(repeating: 0x61, count: 256), frames: [Array(repeating: 0x61, count: 256)]),
        Vector(why: "a header alone waits for its payload", bytes: [0, 0, 0, 5, 0x61], frames: []),
    ]

    static func decodeAll(_ chunks: [[UInt8]], maximum: Int = 256) throws -> [[UInt8]] {
        let processor = NIOSingleStepByteToMessageProcessor(IPCFrameDecoder(maximumFrameLength: maximum))
        var frames: [[UInt8]] = []
        for chunk in chunks {
            try processor.process(buffer: ByteBuffer(bytes: chunk)) { frame in
                frames.append(Array(frame.readableBytesView))
            }
        }
        return frames
    }

    @Test("decodes vectors fed all at once", arguments: Self.vectors)
    func allAtOnce(_ vector: Vector) throws {
        #expect(try Self.decodeAll([vector.bytes]) == vector.frames)
    }

    @Test("decodes vectors drip-fed one octet at a time", arguments: Self.vectors)
    func dripFed(_ vector: Vector) throws {
        #expect(try Self.decodeAll(vector.bytes.map { [$0] }) == vector.frames)
    }

    @Test("an oversized frame is refused from its length alone, before any payload arrives")
    func oversizedFromHeader() {
        // 257 > 256: only the four length octets are fed; the decoder must not wait for 257 more.
        #expect(throws: IPCFrameError(reason: .tooLarge(length: 257, maximum: 256))) {
            _ = try Self.decodeAll([[0, 0, 1, 1]])
        }
        // 0xFFFFFFFF: the largest announceable length, refused without an allocation of 4 GiB.
        #expect(throws: IPCFrameError(reason: .tooLarge(length: 0xFFFF_FFFF, maximum: 256))) {
            _ = try Self.decodeAll([[0xFF], [0xFF], [0xFF], [0xFF]])
        }
    }

    @Test("the stream ending inside a frame is a truncation error")
    func truncatedAtEOF() throws {
        var decoder = IPCFrameDecoder(maximumFrameLength: 64)
        var buffer = ByteBuffer(bytes: [0, 0, 0, 3, 0x61])
        #expect(try decoder.decode(buffer: &buffer) == nil)
        #expect(throws: IPCFrameError(reason: .truncated(pendingBytes: 5))) {
            _ = try decoder.decodeLast(buffer: &buffer, seenEOF: true)
        }
    }

    @Test("random frames survive random split points (seeded)")
    func randomSplits() throws {
        var random = SeededRandom(seed: 0x1BC)
        for _ in 0..<50 {
            let payloads = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            }
            let stream = payloads.flatMap { Array(IPCFrameEncoding.frame(payload: $0).readableBytesView) }
            var chunks: [[UInt8]] = []
            var index = 0
            while index < stream.count {
                let size = Int.random(in: 1...17, using: &random)
                chunks.append(Array(stream[index..<min(stream.count, index + size)]))
                index += size
            }
            #expect(try Self.decodeAll(chunks) == payloads)
        }
    }
}
