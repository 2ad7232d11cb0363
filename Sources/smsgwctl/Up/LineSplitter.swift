/// Cuts a child's output stream into whole lines, whatever the read sizes: bytes in, complete
/// lines out, the unfinished tail kept for the next read (or flushed when the pipe closes).
/// A line longer than `maximumLine` bytes is cut there, so a child without newlines cannot
/// make `up` hold unbounded memory.
struct LineSplitter: Sendable {
    private var pending: [UInt8] = []
    let maximumLine: Int

    init(maximumLine: Int = 16_384) { self.maximumLine = maximumLine }

    /// The complete lines in `bytes` after what was pending, without their "\n" (nor a "\r" before it).
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [String] {
        var lines: [String] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                lines.append(take())
            } else {
                pending.append(byte)
                if pending.count >= maximumLine { lines.append(take()) }
            }
        }
        return lines
    }

    /// The unfinished last line, if any (the stream ended without a newline).
    mutating func finish() -> String? { pending.isEmpty ? nil : take() }

    private mutating func take() -> String {
        if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
        defer { pending.removeAll(keepingCapacity: true) }
        return String(decoding: pending, as: UTF8.self)
    }
}
