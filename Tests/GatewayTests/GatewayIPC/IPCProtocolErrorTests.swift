import GatewayIPC
import Testing

/// Frames a real client never sends: each gets an error reply and the connection is closed,
/// while the server and its other connections carry on.
@Suite("IPC server: refused frames")
struct IPCProtocolErrorTests {
    struct Refusal: Sendable, CustomTestStringConvertible {
        let why: String
        let bytes: [UInt8]
        let reply: String
        var testDescription: String { self.why }
    }

    static let refusals: [Refusal] = [
        Refusal(why: "not JSON at all: id unknown, so null",
                bytes: framed("hello"), reply: #""code":"malformed_frame""#),
        Refusal(why: "JSON but an array, not an envelope object",
                bytes: framed("[1,2]"), reply: #""code":"malformed_frame""#),
        Refusal(why: "an envelope whose body is not a known request keeps its id",
                bytes: framed(#"{"type":"request","id":41,"body":{"launch":{}}}"#), reply: #""id":41"#),
        Refusal(why: "unknown request kind is unknown_request",
                bytes: framed(#"{"type":"request","id":41,"body":{"launch":{}}}"#), reply: #""code":"unknown_request""#),
        Refusal(why: "an unknown envelope type",
                bytes: framed(#"{"type":"gossip","id":5}"#), reply: #""code":"invalid_envelope""#),
        Refusal(why: "a request without an id cannot be answered by id",
                bytes: framed(#"{"type":"request","body":{"echo":{"_0":"x"}}}"#), reply: #""id":null"#),
        Refusal(why: "a length prefix over 1 MiB is refused from the header alone (no payload sent)",
                bytes: [0x00, 0x10, 0x00, 0x01], reply: #""code":"frame_too_large""#),
        Refusal(why: "an empty payload is not JSON",
                bytes: [0, 0, 0, 0], reply: #""code":"malformed_frame""#),
    ]

    @Test("a refused frame gets one error reply, then the connection closes", arguments: Self.refusals)
    func refused(_ refusal: Refusal) async throws {
        try await withTestServer { _, path in
            let peer = try await RawPeer.connect(to: path)
            let (frames, closed) = try await peer.send(refusal.bytes)
            #expect(closed)
            #expect(frames.count == 1)
            #expect(frames.first?.contains(#""type":"error""#) == true)
            #expect(frames.first?.contains(refusal.reply) == true, "reply was \(frames)")
        }
    }

    @Test("a valid request before the garbage is still answered, in order")
    func answeredBeforeGarbage() async throws {
        try await withTestServer { _, path in
            let peer = try await RawPeer.connect(to: path)
            let (frames, _) = try await peer.send(framed(#"{"type":"request","id":1,"body":{"add":{"_0":1,"_1":2}}}"#) + framed("{oops"))
            #expect(frames.count == 2)
            #expect(frames.contains(#"{"body":{"sum":{"_0":3}},"id":1,"type":"response"}"#))
            #expect(frames.contains { $0.contains("malformed_frame") })
        }
    }

    @Test("an oversized frame closes only its own connection: a second client keeps working")
    func oversizedWhileAnotherWorks() async throws {
        try await withTestServer { _, path in
            let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            #expect(try await client.call(.echo("before")) == .echoed("before"))
            let peer = try await RawPeer.connect(to: path)
            let (frames, closed) = try await peer.send([0x7F, 0xFF, 0xFF, 0xFF] + Array(repeating: 0x20, count: 4096))
            #expect(closed && frames.count == 1 && frames[0].contains("frame_too_large"))
            #expect(try await client.call(.echo("after")) == .echoed("after"))
            let fresh = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            #expect(try await fresh.call(.add(1, 1)) == .sum(2))
            await client.close()
            await fresh.close()
        }
    }

    @Test("a client refuses to send a request over the maximum frame length, locally")
    func clientRefusesOversized() async throws {
        try await withTestServer { _, path in
            let client = try await IPCClient.connect(
                to: path, protocol: TestProtocol.self, configuration: IPCClientConfiguration(maximumFrameLength: 64)
            )
            do throws(IPCError) {
                _ = try await client.call(.echo(String(repeating: "x", count: 100)))
                Issue.record("the call should be refused")
            } catch {
                #expect(error.code == .frameTooLarge)
            }
            #expect(try await client.call(.echo("small")) == .echoed("small"))
            await client.close()
        }
    }
}
