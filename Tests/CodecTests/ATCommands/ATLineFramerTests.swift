import GatewayTestSupport
import Testing
@testable import ATCommands

/// Framing of modem output (V.250 §5.7.1, 27.005 §3.5.1): every vector is fed all at once and
/// one byte at a time, and both must give the same frames.
@Suite struct ATLineFramerTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let why: String
        let input: String
        let frames: [ATFrame]
        var testDescription: String { why }
    }

    static let vectors: [Vector] = [
        Vector(why: "standard V.250 framing: CR LF around every line",
               input: "\r\n+CSQ: 21,99\r\n\r\nOK\r\n", frames: [.line("+CSQ: 21,99"), .line("OK")]),
        Vector(why: "echo of the command ends with CR only, then the response",
               input: "AT+CSQ\r\r\n+CSQ: 21,99\r\n\r\nOK\r\n", frames: [.line("AT+CSQ"), .line("+CSQ: 21,99"), .line("OK")]),
        Vector(why: "gammu dumps use bare LF; Huawei +CLAC uses CR CR LF (python-gsmmodem HuaweiE1752)",
               input: "&C\r\r\n&D\r\r\nOK\n", frames: [.line("&C"), .line("&D"), .line("OK")]),
        Vector(why: "CR-only line ends (ATS4 changed, some Siemens)",
               input: "+CPIN: READY\rOK\r", frames: [.line("+CPIN: READY"), .line("OK")]),
        Vector(why: "the SMS prompt has no line end: the echo, then '> ' must come out at once",
               input: "AT+CMGS=23\r\r\n> ", frames: [.line("AT+CMGS=23"), .prompt]),
        Vector(why: "the echo of the PDU body ends with Ctrl-Z, not a line end",
               input: "0011000B911326880736F40000A70361F118\u{1A}\r\n+CMGS: 7\r\n\r\nOK\r\n",
               frames: [.line("0011000B911326880736F40000A70361F118"), .line("+CMGS: 7"), .line("OK")]),
        Vector(why: "a '>' that is not followed by a space is line content",
               input: "\r\n>x\r\n", frames: [.line(">x")]),
        Vector(why: "a '>' inside a line is not a prompt",
               input: "a> b\r\n", frames: [.line("a> b")]),
        Vector(why: "lines of spaces only are empty lines (Wavecom pads)",
               input: "  \r\n OK\r\n", frames: [.line(" OK")]),
        Vector(why: "bytes that are not UTF-8 are kept as ISO 8859-1, never dropped",
               input: "caf\u{E9}\r\n", frames: [.line("café")]),
    ]

    @Test(arguments: vectors)
    func framesAllAtOnceAndDripFed(vector: Vector) {
        let bytes = Self.bytes(vector.input)
        var whole = ATLineFramer()
        #expect(whole.feed(bytes) == vector.frames)
        var drip = ATLineFramer()
        var dripped: [ATFrame] = []
        for byte in bytes { dripped += drip.feed([byte]) }
        #expect(dripped == vector.frames)
    }

    /// Strings in the vectors above stand for bytes: scalars ≤ 0xFF are one byte each, so
    /// "\u{E9}" is the single byte 0xE9 (an ISO 8859-1 é that is not valid UTF-8).
    static func bytes(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    @Test func validUTF8IsDecodedAsUTF8() {
        var framer = ATLineFramer()
        #expect(framer.feed(Array("Grüße\r\n".utf8)) == [.line("Grüße")])
    }

    @Test func overlongLineIsDroppedAndReported() {
        var framer = ATLineFramer(maximumLineLength: 8)
        let frames = framer.feed(Array("0123456789ABC\r\nOK\r\n".utf8))
        #expect(frames == [.overlongLine(byteCount: 13), .line("OK")])
    }

    @Test func unterminatedLineIsHeldUntilFinish() {
        var framer = ATLineFramer()
        #expect(framer.feed(Array("OK".utf8)).isEmpty)
        #expect(framer.pendingByteCount == 2)
        #expect(framer.finish() == [.line("OK")])
        #expect(framer.pendingByteCount == 0)
    }

    @Test func seededRandomChunkingGivesTheSameFrames() {
        var random = SeededRandom(seed: 0x5EED)
        let input = Array("AT+CMGL=4\r\r\n+CMGL: 1,0,,23\r\n07912374151616F6040B912374786468F30000201003024550400B54C29E2E1F8300A0800B\r\n\r\nOK\r\n+CMTI: \"SM\",3\r\n\r\n> ".utf8)
        var reference = ATLineFramer()
        let expected = reference.feed(input)
        for _ in 0..<200 {
            var framer = ATLineFramer()
            var frames: [ATFrame] = []
            var position = 0
            while position < input.count {
                let size = Int(random.next() % 7) + 1
                let end = min(position + size, input.count)
                frames += framer.feed(input[position..<end])
                position = end
            }
            #expect(frames == expected)
        }
    }
}

