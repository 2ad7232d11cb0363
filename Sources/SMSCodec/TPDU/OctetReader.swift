/// A cursor over the octets of a PDU whose reads name the field they belong to, so that a
/// short input becomes a typed error instead of a crash.
struct OctetReader {
    let octets: [UInt8]
    private(set) var position: Int

    init(_ octets: [UInt8], position: Int = 0) {
        self.octets = octets
        self.position = position
    }

    var remaining: Int { octets.count - position }

    mutating func octet(_ field: SMSDecodingError.Field) throws(SMSDecodingError) -> UInt8 {
        guard position < octets.count else { throw SMSDecodingError(field, .truncated, at: position) }
        defer { position += 1 }
        return octets[position]
    }

    mutating func octets(_ count: Int, _ field: SMSDecodingError.Field) throws(SMSDecodingError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw SMSDecodingError(field, .truncated, at: position) }
        defer { position += count }
        return octets[position..<position + count]
    }

    mutating func rest() -> ArraySlice<UInt8> {
        defer { position = octets.count }
        return octets[position...]
    }
}
