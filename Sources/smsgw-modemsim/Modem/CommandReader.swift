/// Splits what a DTE writes into command lines (ITU-T V.250 §5.2.1: a line ends with S3,
/// `<CR>`; a `<LF>` after it is ignored) and, after the `> ` prompt of `AT+CMGS`, into the
/// message body that Ctrl-Z sends or ESC cancels (3GPP TS 27.005 §3.5.1).
struct CommandReader: Sendable, Hashable {
    enum Item: Sendable, Hashable {
        case line(String)
        case body([UInt8])
        case bodyCancelled
    }

    /// Longest line kept; a longer one is cut (modules have buffers of a few hundred bytes).
    static let maximumLineLength = 2048

    private(set) var expectingBody = false
    private var buffer: [UInt8] = []

    /// After the prompt: the next bytes up to Ctrl-Z or ESC are a message body.
    mutating func expectBody() {
        expectingBody = true
        buffer.removeAll()
    }

    mutating func reset() {
        expectingBody = false
        buffer.removeAll()
    }

    mutating func feed(_ byte: UInt8) -> Item? {
        if expectingBody {
            switch byte {
            case 0x1A:
                expectingBody = false
                defer { buffer.removeAll() }
                return .body(buffer)
            case 0x1B:
                expectingBody = false
                buffer.removeAll()
                return .bodyCancelled
            default:
                if buffer.count < CommandReader.maximumLineLength * 4 { buffer.append(byte) }
                return nil
            }
        }
        switch byte {
        case 0x0D:
            defer { buffer.removeAll() }
            // Bytes before the last `A` of "AT" are noise (a Ctrl-Z or ESC a driver sends first).
            let text = String(decoding: buffer, as: UTF8.self)
            let trimmed = text.drop { $0 != "A" && $0 != "a" }
            return trimmed.isEmpty ? nil : .line(String(trimmed))
        case 0x0A, 0x1A, 0x1B, 0x00:
            return nil
        case 0x08, 0x7F:  // backspace (V.250 S5)
            if !buffer.isEmpty { buffer.removeLast() }
            return nil
        default:
            if buffer.count < CommandReader.maximumLineLength { buffer.append(byte) }
            return nil
        }
    }
}
