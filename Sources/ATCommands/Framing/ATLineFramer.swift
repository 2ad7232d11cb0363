/// Cuts a modem's byte stream into lines and prompts (ITU-T V.250 §5.7.1, 3GPP TS 27.005 §3.5.1).
///
/// A value type: feed it bytes as they arrive, in chunks of any size; the frames it returns
/// depend only on the bytes, never on how they were chunked. It tolerates every line end real
/// modems use (`\r\n`, `\r`, `\n`, `\r\r\n`), drops empty lines, recognises the `> ` prompt
/// (which has no line end) at the start of a line, and treats Ctrl-Z (0x1A) and ESC (0x1B) as
/// line ends too, so the echo of a PDU body ends where the body ended.
public struct ATLineFramer: Sendable, Hashable {
    /// Lines longer than this are dropped and reported as `.overlongLine`.
    public let maximumLineLength: Int

    private var buffer: [UInt8] = []
    private var discarding = 0
    /// True after a `>` at the start of a line, while waiting for the space of the prompt.
    private var sawPromptMark = false

    /// - Parameter maximumLineLength: the longest line kept; the default fits an `AT+CLAC`
    ///   list, a 176-octet PDU in hex and a long text-mode message.
    public init(maximumLineLength: Int = 4096) {
        self.maximumLineLength = max(maximumLineLength, 2)
    }

    /// Bytes held back because their line has not ended yet.
    public var pendingByteCount: Int { buffer.count + (sawPromptMark ? 1 : 0) }

    /// Feeds bytes; returns the frames they complete, in order.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [ATFrame] where Bytes.Element == UInt8 {
        var frames: [ATFrame] = []
        for byte in bytes { consume(byte, into: &frames) }
        return frames
    }

    /// Ends the stream: a last line without terminator is returned as a line.
    public mutating func finish() -> [ATFrame] {
        var frames: [ATFrame] = []
        if sawPromptMark { buffer = [0x3E]; sawPromptMark = false }
        endLine(into: &frames)
        return frames
    }

    private mutating func consume(_ byte: UInt8, into frames: inout [ATFrame]) {
        if sawPromptMark {
            sawPromptMark = false
            if byte == 0x20 {
                frames.append(.prompt)
                return
            }
            // A lone `>` that did not become a prompt is ordinary line content.
            buffer.append(0x3E)
        }
        switch byte {
        case 0x0D, 0x0A, 0x1A, 0x1B:
            endLine(into: &frames)
        case 0x3E where buffer.isEmpty && discarding == 0:
            sawPromptMark = true
        default:
            if discarding > 0 {
                discarding += 1
            } else if buffer.count >= maximumLineLength {
                discarding = buffer.count + 1
                buffer.removeAll(keepingCapacity: true)
            } else {
                buffer.append(byte)
            }
        }
    }

    private mutating func endLine(into frames: inout [ATFrame]) {
        if discarding > 0 {
            frames.append(.overlongLine(byteCount: discarding))
            discarding = 0
            return
        }
        guard !buffer.isEmpty else { return }
        let line = ATLineFramer.decode(buffer)
        buffer.removeAll(keepingCapacity: true)
        // A line of spaces only is an empty line with padding (seen on Wavecom and Samsung).
        if line.contains(where: { $0 != " " && $0 != "\t" }) {
            frames.append(.line(line))
        }
    }

    /// UTF-8 when valid, else ISO 8859-1 byte for byte (modems in `AT+CSCS="8859-1"` or
    /// with line noise); never fails.
    static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }
}
