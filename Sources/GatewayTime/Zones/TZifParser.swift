/// Reads a TZif file (RFC 8536: versions 1 to 4) into `ZoneRules`: the 64-bit data block of
/// version 2+ files (§3.2) and the footer's TZ rule (§3.3); version 1 files use their 32-bit block.
extension ZoneRules {
    public init(tzif bytes: [UInt8]) throws(ZoneRulesError) {
        var reader = TZifReader(bytes: bytes)
        let first = try reader.header()
        guard first.version >= 2 else {
            let block = try reader.dataBlock(first, timeSize: 4)
            self.init(transitions: block.transitions, offsets: block.offsets, initialOffset: block.initialOffset, footer: nil)
            return
        }
        try reader.skip(first.dataLength(timeSize: 4))
        let second = try reader.header()
        let block = try reader.dataBlock(second, timeSize: 8)
        let footer = try reader.footer()
        self.init(transitions: block.transitions, offsets: block.offsets, initialOffset: block.initialOffset,
                  footer: footer.isEmpty ? nil : try PosixTZRule(parsing: footer))
    }
}

/// RFC 8536 §3.1 header counts.
struct TZifHeader {
    var version: Int
    var isUTCount: Int, isStdCount: Int, leapCount: Int, timeCount: Int, typeCount: Int, charCount: Int

    func dataLength(timeSize: Int) -> Int {
        timeCount * timeSize + timeCount + typeCount * 6 + charCount + leapCount * (timeSize + 4) + isStdCount + isUTCount
    }
}

struct TZifReader {
    let bytes: [UInt8]
    var index = 0

    mutating func header() throws(ZoneRulesError) -> TZifHeader {
        guard index + 44 <= bytes.count, Array(bytes[index..<index + 4]) == Array("TZif".utf8) else {
            throw ZoneRulesError("not a TZif file (RFC 8536 §3.1: magic \"TZif\")")
        }
        let versionByte = bytes[index + 4]
        let version = versionByte == 0 ? 1 : Int(versionByte) - 48
        guard (1...9).contains(version) else { throw ZoneRulesError("TZif: unknown version byte \(versionByte)") }
        index += 20
        var counts: [Int] = []
        for _ in 0..<6 { counts.append(Int(try integer(size: 4))) }
        let header = TZifHeader(version: version, isUTCount: counts[0], isStdCount: counts[1], leapCount: counts[2],
                                timeCount: counts[3], typeCount: counts[4], charCount: counts[5])
        guard header.typeCount >= 1, counts.allSatisfy({ $0 >= 0 }) else { throw ZoneRulesError("TZif: no local time types") }
        return header
    }

    mutating func skip(_ count: Int) throws(ZoneRulesError) {
        guard count >= 0, index + count <= bytes.count else { throw ZoneRulesError("TZif: truncated") }
        index += count
    }

    mutating func dataBlock(_ header: TZifHeader, timeSize: Int) throws(ZoneRulesError)
        -> (transitions: [Int64], offsets: [Int], initialOffset: Int) {
        guard index + header.dataLength(timeSize: timeSize) <= bytes.count else { throw ZoneRulesError("TZif: truncated data block") }
        var transitions: [Int64] = []
        for _ in 0..<header.timeCount { transitions.append(try integer(size: timeSize)) }
        var typeIndexes: [Int] = []
        for _ in 0..<header.timeCount { typeIndexes.append(Int(bytes[index])); index += 1 }
        var typeOffsets: [Int] = []
        for _ in 0..<header.typeCount {
            typeOffsets.append(Int(try integer(size: 4)))
            index += 2 // isdst, abbreviation index
        }
        guard typeIndexes.allSatisfy({ $0 < header.typeCount }) else { throw ZoneRulesError("TZif: transition names a missing type") }
        guard zip(transitions, transitions.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ZoneRulesError("TZif: transition times are not ascending")
        }
        try skip(header.charCount + header.leapCount * (timeSize + 4) + header.isStdCount + header.isUTCount)
        // §3.2: local time type 0 is in force before the first transition.
        return (transitions, typeIndexes.map { typeOffsets[$0] }, typeOffsets[0])
    }

    /// The footer, "\n<TZ string>\n" (§3.3), without its newlines.
    mutating func footer() throws(ZoneRulesError) -> String {
        guard index < bytes.count, bytes[index] == 0x0A, let close = bytes[(index + 1)...].firstIndex(of: 0x0A) else {
            throw ZoneRulesError("TZif: missing footer")
        }
        return String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
    }

    /// A big-endian two's-complement integer of `size` bytes.
    private mutating func integer(size: Int) throws(ZoneRulesError) -> Int64 {
        guard index + size <= bytes.count else { throw ZoneRulesError("TZif: truncated") }
        var value: UInt64 = 0
        for byte in bytes[index..<index + size] { value = value << 8 | UInt64(byte) }
        index += size
        if size == 4 { return Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: value))) }
        return Int64(bitPattern: value)
    }
}
