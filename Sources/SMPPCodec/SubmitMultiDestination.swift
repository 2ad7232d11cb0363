/// One entry of submit_multi's dest_address list (SMPP 3.4 §4.5.1.1): an SME address
/// (dest_flag 1) or the name of a distribution list kept on the SMSC (dest_flag 2).
public enum SubmitMultiDestination: Hashable, Sendable {
    case sme(SMEAddress)
    case distributionList(String)
}

/// One entry of submit_multi_resp's unsuccess_sme list (§4.5.2.1): an address the SMSC
/// refused and why.
public struct UnsuccessfulSME: Hashable, Sendable {
    public var address: SMEAddress
    public var errorStatusCode: CommandStatus

    public init(address: SMEAddress, errorStatusCode: CommandStatus) {
        (self.address, self.errorStatusCode) = (address, errorStatusCode)
    }
}

extension FieldLayout {
    /// number_of_dests and the dest_address list (§4.5.1, §4.5.1.1).
    static func destinations(_ path: WritableKeyPath<Body, [SubmitMultiDestination]> & Sendable) -> Self {
        Self(field: .destAddress,
             read: { reader, body throws(SMPPDecodingError) in
                 let count = try reader.readUInt8(.numberOfDests)
                 var list: [SubmitMultiDestination] = []
                 list.reserveCapacity(Int(count))
                 for _ in 0..<count {
                     switch try reader.readUInt8(.destFlag) {
                     case 1:
                         let ton = TypeOfNumber(rawValue: try reader.readUInt8(.destAddrTON))
                         let npi = NumberingPlan(rawValue: try reader.readUInt8(.destAddrNPI))
                         let address = try reader.readCString(.destinationAddr, maximum: 21)
                         list.append(.sme(SMEAddress(ton: ton, npi: npi, address: address)))
                     case 2:
                         list.append(.distributionList(try reader.readCString(.dlName, maximum: 21)))
                     case let flag:
                         throw reader.error(.destFlag, .invalidValue(UInt32(flag)))
                     }
                 }
                 body[keyPath: path] = list
             },
             write: { body, buffer throws(SMPPEncodingError) in
                 let list = body[keyPath: path]
                 guard list.count <= 255 else {
                     throw SMPPEncodingError(field: .numberOfDests, reason: .tooLong(maximum: 255))
                 }
                 buffer.append(UInt8(list.count))
                 for destination in list {
                     switch destination {
                     case .sme(let address):
                         buffer.append(1)
                         buffer.append(address.ton.rawValue)
                         buffer.append(address.npi.rawValue)
                         try buffer.appendCString(address.address, field: .destinationAddr, maximum: 21)
                     case .distributionList(let name):
                         buffer.append(2)
                         try buffer.appendCString(name, field: .dlName, maximum: 21)
                     }
                 }
             },
             get: { .destinations($0[keyPath: path]) },
             set: { body, value in
                 guard case .destinations(let list) = value else { return false }
                 body[keyPath: path] = list
                 return true
             })
    }

    /// no_unsuccess and the unsuccess_sme list (§4.5.2, §4.5.2.1).
    static func unsuccessful(_ path: WritableKeyPath<Body, [UnsuccessfulSME]> & Sendable) -> Self {
        Self(field: .unsuccessSME,
             read: { reader, body throws(SMPPDecodingError) in
                 let count = try reader.readUInt8(.noUnsuccess)
                 var list: [UnsuccessfulSME] = []
                 list.reserveCapacity(Int(count))
                 for _ in 0..<count {
                     let ton = TypeOfNumber(rawValue: try reader.readUInt8(.destAddrTON))
                     let npi = NumberingPlan(rawValue: try reader.readUInt8(.destAddrNPI))
                     let address = try reader.readCString(.destinationAddr, maximum: 21)
                     let status = CommandStatus(rawValue: try reader.readUInt32(.errorStatusCode))
                     list.append(UnsuccessfulSME(address: SMEAddress(ton: ton, npi: npi, address: address),
                                                 errorStatusCode: status))
                 }
                 body[keyPath: path] = list
             },
             write: { body, buffer throws(SMPPEncodingError) in
                 let list = body[keyPath: path]
                 guard list.count <= 255 else {
                     throw SMPPEncodingError(field: .noUnsuccess, reason: .tooLong(maximum: 255))
                 }
                 buffer.append(UInt8(list.count))
                 for entry in list {
                     buffer.append(entry.address.ton.rawValue)
                     buffer.append(entry.address.npi.rawValue)
                     try buffer.appendCString(entry.address.address, field: .destinationAddr, maximum: 21)
                     buffer.appendUInt32(entry.errorStatusCode.rawValue)
                 }
             },
             get: { .unsuccessful($0[keyPath: path]) },
             set: { body, value in
                 guard case .unsuccessful(let list) = value else { return false }
                 body[keyPath: path] = list
                 return true
             })
    }
}
