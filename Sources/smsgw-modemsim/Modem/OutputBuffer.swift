/// The bytes a module writes, in the verbose result format (ITU-T V.250 §5.7.1, `ATV1`):
/// every information line, URC and final result framed as `<CR><LF>text<CR><LF>`.
struct OutputBuffer: Sendable {
    private(set) var bytes: [UInt8] = []

    mutating func line(_ text: String) {
        bytes += [0x0D, 0x0A] + Array(text.utf8) + [0x0D, 0x0A]
    }

    mutating func final(_ text: String) { line(text) }

    /// The `> ` prompt of `AT+CMGS` (27.005 §3.5.1): `<CR><LF>> `, no line end.
    mutating func prompt() {
        bytes += Array("\r\n> ".utf8)
    }

    mutating func raw(_ data: [UInt8]) { bytes += data }
}

/// Line noise for the `garbage` misbehaviour: random bytes put between and inside lines.
enum Garbage {
    static func mix(_ bytes: [UInt8], using random: inout DeterministicRandom) -> [UInt8] {
        var result: [UInt8] = []
        let noiseCount = Int.random(in: 3...12, using: &random)
        let position = Int.random(in: 0...bytes.count, using: &random)
        result += bytes[..<position]
        for _ in 0..<noiseCount { result.append(UInt8.random(in: 0x80...0xFF, using: &random)) }
        result += bytes[position...]
        return result
    }
}
