/// One mandatory field of a PDU body as the table of SMPP 3.4 §4 declares it — its wire form
/// and where its value lives in the typed body — in the manner of Kannel's `smpp_pdu.def`.
/// A body type lists its fields in wire order once; decoding, encoding and the generic field
/// view all follow that list.
struct FieldLayout<Body>: Sendable {
    let field: SMPPField
    let read: @Sendable (inout BodyReader, inout Body) throws(SMPPDecodingError) -> Void
    let write: @Sendable (Body, inout [UInt8]) throws(SMPPEncodingError) -> Void
    let get: @Sendable (Body) -> SMPPFieldValue
    /// Stores a generic value; false when it has the wrong type or does not fit.
    let set: @Sendable (inout Body, SMPPFieldValue) -> Bool
}

extension FieldLayout {
    /// An Integer of one octet (§3.1), typed or plain.
    static func octet<V: OctetField>(_ field: SMPPField, _ path: WritableKeyPath<Body, V> & Sendable) -> Self {
        Self(field: field,
             read: { reader, body throws(SMPPDecodingError) in
                 body[keyPath: path] = V(rawValue: try reader.readUInt8(field))
             },
             write: { body, buffer in buffer.append(body[keyPath: path].rawValue) },
             get: { .integer(UInt32($0[keyPath: path].rawValue)) },
             set: { body, value in
                 guard case .integer(let number) = value, let octet = UInt8(exactly: number) else { return false }
                 body[keyPath: path] = V(rawValue: octet)
                 return true
             })
    }

    /// A C-octet string of at most `maximum` octets, NUL included (§3.1).
    static func cString(_ field: SMPPField, maximum: Int, _ path: WritableKeyPath<Body, String> & Sendable) -> Self {
        Self(field: field,
             read: { reader, body throws(SMPPDecodingError) in
                 body[keyPath: path] = try reader.readCString(field, maximum: maximum)
             },
             write: { body, buffer throws(SMPPEncodingError) in
                 try buffer.appendCString(body[keyPath: path], field: field, maximum: maximum)
             },
             get: { .string($0[keyPath: path]) },
             set: { body, value in
                 guard case .string(let text) = value else { return false }
                 body[keyPath: path] = text
                 return true
             })
    }

    /// A time (§7.1.1) or nothing: a C-octet string of 17 or 1 octets.
    static func time(_ field: SMPPField, _ path: WritableKeyPath<Body, SMPPTime?> & Sendable) -> Self {
        Self(field: field,
             read: { reader, body throws(SMPPDecodingError) in
                 body[keyPath: path] = try reader.readTime(field)
             },
             write: { body, buffer throws(SMPPEncodingError) in
                 guard let time = body[keyPath: path] else { return buffer.append(0) }
                 guard time.isFormattable else { throw SMPPEncodingError(field: field, reason: .invalidValue) }
                 try buffer.appendCString(time.formatted, field: field, maximum: 17)
             },
             get: { .time($0[keyPath: path]) },
             set: { body, value in
                 guard case .time(let time) = value else { return false }
                 body[keyPath: path] = time
                 return true
             })
    }

    /// TON, NPI and address: three consecutive fields (§5.2.5, §5.2.6, §5.2.8).
    static func address(_ ton: SMPPField, _ npi: SMPPField, _ address: SMPPField, maximum: Int,
                        _ path: WritableKeyPath<Body, SMEAddress> & Sendable) -> [Self] {
        [
            Self(field: ton,
                 read: { reader, body throws(SMPPDecodingError) in
                     body[keyPath: path].ton = TypeOfNumber(rawValue: try reader.readUInt8(ton))
                 },
                 write: { body, buffer in buffer.append(body[keyPath: path].ton.rawValue) },
                 get: { .integer(UInt32($0[keyPath: path].ton.rawValue)) },
                 set: { body, value in
                     guard case .integer(let number) = value, let octet = UInt8(exactly: number) else { return false }
                     body[keyPath: path].ton = TypeOfNumber(rawValue: octet)
                     return true
                 }),
            Self(field: npi,
                 read: { reader, body throws(SMPPDecodingError) in
                     body[keyPath: path].npi = NumberingPlan(rawValue: try reader.readUInt8(npi))
                 },
                 write: { body, buffer in buffer.append(body[keyPath: path].npi.rawValue) },
                 get: { .integer(UInt32($0[keyPath: path].npi.rawValue)) },
                 set: { body, value in
                     guard case .integer(let number) = value, let octet = UInt8(exactly: number) else { return false }
                     body[keyPath: path].npi = NumberingPlan(rawValue: octet)
                     return true
                 }),
            Self(field: address,
                 read: { reader, body throws(SMPPDecodingError) in
                     body[keyPath: path].address = try reader.readCString(address, maximum: maximum)
                 },
                 write: { body, buffer throws(SMPPEncodingError) in
                     try buffer.appendCString(body[keyPath: path].address, field: address, maximum: maximum)
                 },
                 get: { .string($0[keyPath: path].address) },
                 set: { body, value in
                     guard case .string(let text) = value else { return false }
                     body[keyPath: path].address = text
                     return true
                 }),
        ]
    }

    /// sm_length and short_message (§5.2.21, §5.2.22): 0–254 octets after their count.
    static func shortMessage(_ path: WritableKeyPath<Body, [UInt8]> & Sendable) -> Self {
        Self(field: .shortMessage,
             read: { reader, body throws(SMPPDecodingError) in
                 let length = try reader.readUInt8(.smLength)
                 guard length <= 254 else { throw reader.error(.smLength, .invalidValue(UInt32(length))) }
                 body[keyPath: path] = try reader.readOctets(.shortMessage, count: Int(length))
             },
             write: { body, buffer throws(SMPPEncodingError) in
                 let message = body[keyPath: path]
                 guard message.count <= 254 else {
                     throw SMPPEncodingError(field: .shortMessage, reason: .tooLong(maximum: 254))
                 }
                 buffer.append(UInt8(message.count))
                 buffer.append(contentsOf: message)
             },
             get: { .octets($0[keyPath: path]) },
             set: { body, value in
                 guard case .octets(let bytes) = value, bytes.count <= 254 else { return false }
                 body[keyPath: path] = bytes
                 return true
             })
    }

    /// The optional parameters (§3.2.4): TLVs up to the end of the PDU.
    static func tlvs(_ path: WritableKeyPath<Body, TLVList> & Sendable) -> Self {
        Self(field: .optionalParameters,
             read: { reader, body throws(SMPPDecodingError) in
                 var list: [TLV] = []
                 while reader.remaining > 0 { list.append(try TLV.read(from: &reader)) }
                 body[keyPath: path] = TLVList(list)
             },
             write: { body, buffer throws(SMPPEncodingError) in
                 for tlv in body[keyPath: path].entries { try tlv.write(to: &buffer) }
             },
             get: { .tlvs($0[keyPath: path]) },
             set: { body, value in
                 guard case .tlvs(let list) = value else { return false }
                 body[keyPath: path] = list
                 return true
             })
    }
}
