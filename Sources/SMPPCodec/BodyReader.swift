/// A cursor over the body of one PDU: reads the primitive types of SMPP 3.4 §3.1 (integers
/// big-endian, C-octet strings, octet strings) without copying more than each value needs,
/// and names the field and the PDU in every error.
struct BodyReader {
    let bytes: [UInt8]
    var index: Int
    let end: Int
    let commandID: CommandID
    let sequenceNumber: UInt32

    var remaining: Int { end - index }

    func error(_ field: SMPPField, _ reason: SMPPDecodingError.Reason, tag: UInt16? = nil) -> SMPPDecodingError {
        SMPPDecodingError(commandID: commandID, sequenceNumber: sequenceNumber, field: field,
                          tlvTag: tag, reason: reason)
    }

    mutating func readUInt8(_ field: SMPPField) throws(SMPPDecodingError) -> UInt8 {
        guard index < end else { throw error(field, .truncated) }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func readUInt16(_ field: SMPPField) throws(SMPPDecodingError) -> UInt16 {
        guard remaining >= 2 else { throw error(field, .truncated) }
        defer { index += 2 }
        return UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
    }

    mutating func readUInt32(_ field: SMPPField) throws(SMPPDecodingError) -> UInt32 {
        guard remaining >= 4 else { throw error(field, .truncated) }
        defer { index += 4 }
        return UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16
            | UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
    }

    /// A C-octet string (§3.1): its characters and a NUL, at most `maximum` octets in all.
    mutating func readCString(_ field: SMPPField, maximum: Int) throws(SMPPDecodingError) -> String {
        let text = try readCStringBytes(field, maximum: maximum)
        guard let string = String(validating: text, as: UTF8.self) else {
            throw error(field, .invalidUTF8)
        }
        return string
    }

    /// The characters of a C-octet string, without the NUL, as a slice of the PDU.
    mutating func readCStringBytes(_ field: SMPPField, maximum: Int) throws(SMPPDecodingError) -> ArraySlice<UInt8> {
        let limit = min(end, index + maximum)
        var cursor = index
        while cursor < limit, bytes[cursor] != 0 { cursor += 1 }
        guard cursor < limit else {
            throw error(field, limit == end && end - index < maximum ? .truncated : .tooLong(maximum: maximum))
        }
        defer { index = cursor + 1 }
        return bytes[index..<cursor]
    }

    /// An optional time (§7.1.1): an empty C-octet string is nil.
    mutating func readTime(_ field: SMPPField) throws(SMPPDecodingError) -> SMPPTime? {
        let text = try readCStringBytes(field, maximum: 17)
        if text.isEmpty { return nil }
        do {
            return try SMPPTime(parsing: text)
        } catch {
            throw self.error(field, .invalidTime(error))
        }
    }

    mutating func readOctets(_ field: SMPPField, count: Int) throws(SMPPDecodingError) -> [UInt8] {
        guard remaining >= count else { throw error(field, .truncated) }
        defer { index += count }
        return Array(bytes[index..<index + count])
    }
}

extension [UInt8] {
    mutating func appendUInt16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }

    mutating func appendUInt32(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }

    /// A C-octet string (§3.1): refuses a NUL inside, or more than `maximum` octets with the NUL.
    mutating func appendCString(_ text: String, field: SMPPField, maximum: Int) throws(SMPPEncodingError) {
        let count = text.utf8.count
        guard count < maximum else { throw SMPPEncodingError(field: field, reason: .tooLong(maximum: maximum)) }
        let start = self.count
        append(contentsOf: text.utf8)
        if self[start...].contains(0) {
            removeSubrange(start...)
            throw SMPPEncodingError(field: field, reason: .containsNUL)
        }
        append(0)
    }
}
