/// One optional parameter (SMPP 3.4 §3.2.4.1, §5.3): tag, and a value typed by the tag's
/// definition in §5.3.2. An unknown tag keeps its value as octets and is re-encoded verbatim.
public struct TLV: Hashable, Sendable {
    public var tag: TLVTag
    public var value: Value

    public enum Value: Hashable, Sendable {
        case empty
        case integer(UInt32)
        case string(String)
        case octets([UInt8])
    }

    public init(tag: TLVTag, value: Value) {
        self.tag = tag
        self.value = value
    }

    public init(_ tag: TLVTag, integer: UInt32) { self.init(tag: tag, value: .integer(integer)) }
    public init(_ tag: TLVTag, string: String) { self.init(tag: tag, value: .string(string)) }
    public init(_ tag: TLVTag, octets: [UInt8]) { self.init(tag: tag, value: .octets(octets)) }

    /// Reads one TLV at the reader's position (§3.2.4.1: tag 2 octets, length 2 octets, value).
    static func read(from reader: inout BodyReader) throws(SMPPDecodingError) -> TLV {
        guard reader.remaining >= 4 else {
            throw reader.error(.optionalParameters, .truncated)
        }
        let tag = TLVTag(rawValue: try reader.readUInt16(.optionalParameters))
        let length = Int(try reader.readUInt16(.optionalParameters))
        guard reader.remaining >= length else {
            throw reader.error(.optionalParameters, .truncated, tag: tag.rawValue)
        }
        let start = reader.index
        reader.index += length
        let bytes = reader.bytes[start..<start + length]
        func badLength() -> SMPPDecodingError {
            reader.error(.optionalParameters, .invalidTLVLength(length), tag: tag.rawValue)
        }
        switch tag.kind {
        case nil:
            return TLV(tag: tag, value: .octets(Array(bytes)))
        case .empty:
            guard length == 0 else { throw badLength() }
            return TLV(tag: tag, value: .empty)
        case .integer(let octets):
            guard length == octets else { throw badLength() }
            return TLV(tag: tag, value: .integer(bytes.reduce(0) { $0 << 8 | UInt32($1) }))
        case .cString(let maximum):
            guard (1...maximum).contains(length) else { throw badLength() }
            let text = bytes.dropLast()
            guard bytes.last == 0, !text.contains(0) else {
                throw reader.error(.optionalParameters, .tooLong(maximum: length), tag: tag.rawValue)
            }
            guard let string = String(validating: text, as: UTF8.self) else {
                throw reader.error(.optionalParameters, .invalidUTF8, tag: tag.rawValue)
            }
            return TLV(tag: tag, value: .string(string))
        case .octets(let minimum, let maximum):
            guard (minimum...maximum).contains(length) else { throw badLength() }
            return TLV(tag: tag, value: .octets(Array(bytes)))
        }
    }

    /// Appends the TLV, refusing a value its tag's definition does not allow.
    func write(to buffer: inout [UInt8]) throws(SMPPEncodingError) {
        let invalid = SMPPEncodingError(field: .optionalParameters, tlvTag: tag.rawValue, reason: .invalidValue)
        buffer.appendUInt16(tag.rawValue)
        switch (tag.kind, value) {
        case (.empty, .empty), (nil, .empty):
            buffer.appendUInt16(0)
        case (.integer(let octets), .integer(let number)):
            guard octets == 4 || number >> (8 * octets) == 0 else { throw invalid }
            buffer.appendUInt16(UInt16(octets))
            for shift in stride(from: 8 * (octets - 1), through: 0, by: -8) {
                buffer.append(UInt8(truncatingIfNeeded: number >> shift))
            }
        case (.cString(let maximum), .string(let text)):
            let count = text.utf8.count + 1
            guard count <= maximum else {
                throw SMPPEncodingError(field: .optionalParameters, tlvTag: tag.rawValue, reason: .tooLong(maximum: maximum))
            }
            guard !text.utf8.contains(0) else {
                throw SMPPEncodingError(field: .optionalParameters, tlvTag: tag.rawValue, reason: .containsNUL)
            }
            buffer.appendUInt16(UInt16(count))
            buffer.append(contentsOf: text.utf8)
            buffer.append(0)
        case (.octets(let minimum, let maximum), .octets(let bytes)):
            guard (minimum...maximum).contains(bytes.count) else { throw invalid }
            buffer.appendUInt16(UInt16(bytes.count))
            buffer.append(contentsOf: bytes)
        case (nil, .octets(let bytes)):
            guard bytes.count <= Int(UInt16.max) else { throw invalid }
            buffer.appendUInt16(UInt16(bytes.count))
            buffer.append(contentsOf: bytes)
        default:
            throw invalid
        }
    }
}
