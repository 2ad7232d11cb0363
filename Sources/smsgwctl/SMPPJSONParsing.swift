import SMPPCodec

/// Reads the JSON form `SMPPJSONMapping` prints back into a PDU. `command` (a name) or
/// `command_id` is required; `status` (an object with `code` or `name`, a number, or a name)
/// defaults to ESME_ROK, `sequence` to 1; fields left out keep their defaults.
enum SMPPJSONParsing {
    static func pdu(from json: SMPPJSONValue) throws -> PDU {
        guard case .object(let root) = json else { throw InputError("the PDU must be a JSON object") }
        let known: Set = ["command", "command_id", "status", "sequence", "fields", "tlvs"]
        if let stray = root.keys.sorted().first(where: { !known.contains($0) }) {
            throw InputError("unknown key \"\(stray)\"")
        }
        let commandID = try command(root)
        let status = try status(root["status"])
        let sequence = try root["sequence"].map { try uint32($0, "sequence") } ?? 1
        var values: [(field: SMPPField, value: SMPPFieldValue)] = []
        if let fields = root["fields"] {
            guard case .object(let object) = fields else { throw InputError("\"fields\" must be an object") }
            for (name, value) in object.sorted(by: { $0.key < $1.key }) {
                guard let field = SMPPField(rawValue: name), field != .optionalParameters else {
                    throw InputError("unknown field \"\(name)\"")
                }
                values.append((field, try fieldValue(field, value)))
            }
        }
        if let tlvs = root["tlvs"] {
            guard case .array(let list) = tlvs else { throw InputError("\"tlvs\" must be an array") }
            if !list.isEmpty { values.append((.optionalParameters, .tlvs(TLVList(try list.map(tlv))))) }
        }
        do {
            return try PDU(commandID: commandID, status: status, sequenceNumber: sequence, fieldValues: values)
        } catch {
            throw InputError(error.description)
        }
    }

    private static func command(_ root: [String: SMPPJSONValue]) throws -> CommandID {
        if case .string(let name)? = root["command"] {
            guard let id = CommandID(name: name) else { throw InputError("unknown command \"\(name)\"") }
            return id
        }
        if let id = root["command_id"] {
            return CommandID(rawValue: try uint32(id, "command_id"))
        }
        throw InputError("the PDU needs \"command\" (e.g. \"submit_sm\") or \"command_id\"")
    }

    private static func status(_ json: SMPPJSONValue?) throws -> CommandStatus {
        switch json {
        case nil: return .ok
        case .string(let name)?:
            guard let status = CommandStatus(name: name) else { throw InputError("unknown status \"\(name)\"") }
            return status
        case .object(let object)?:
            if let code = object["code"] { return CommandStatus(rawValue: try uint32(code, "status code")) }
            return try status(object["name"] ?? .null)
        case let other?:
            return CommandStatus(rawValue: try uint32(other, "status"))
        }
    }

    private static func uint32(_ json: SMPPJSONValue, _ what: String) throws -> UInt32 {
        guard case .integer(let number) = json, let value = UInt32(exactly: number) else {
            throw InputError("\(what) must be an integer from 0 to 4294967295")
        }
        return value
    }

    private static func string(_ json: SMPPJSONValue, _ what: String) throws -> String {
        guard case .string(let text) = json else { throw InputError("\(what) must be a string") }
        return text
    }

    private static func octet(_ json: SMPPJSONValue, _ what: String) throws -> UInt8 {
        guard case .integer(let number) = json, let value = UInt8(exactly: number) else {
            throw InputError("\(what) must be an integer from 0 to 255")
        }
        return value
    }

    private static func fieldValue(_ field: SMPPField, _ json: SMPPJSONValue) throws -> SMPPFieldValue {
        switch field {
        case .shortMessage:
            return .octets(try SMPPHexText.parse(try string(json, field.rawValue), what: field.rawValue))
        case .scheduleDeliveryTime, .validityPeriod, .finalDate:
            let text = try string(json, field.rawValue)
            if text.isEmpty { return .time(nil) }
            do {
                return .time(try SMPPTime(text))
            } catch {
                throw InputError("\(field): \(error)")
            }
        case .destAddress:
            guard case .array(let list) = json else { throw InputError("dest_address must be an array") }
            return .destinations(try list.map(destination))
        case .unsuccessSME:
            guard case .array(let list) = json else { throw InputError("unsuccess_sme must be an array") }
            return .unsuccessful(try list.map(unsuccessful))
        default:
            switch json {
            case .string(let text): return .string(text)
            default: return .integer(try uint32(json, field.rawValue))
            }
        }
    }

    private static func address(_ object: [String: SMPPJSONValue]) throws -> SMEAddress {
        SMEAddress(ton: TypeOfNumber(rawValue: try object["dest_addr_ton"].map { try octet($0, "dest_addr_ton") } ?? 0),
                   npi: NumberingPlan(rawValue: try object["dest_addr_npi"].map { try octet($0, "dest_addr_npi") } ?? 0),
                   address: try object["destination_addr"].map { try string($0, "destination_addr") } ?? "")
    }

    private static func destination(_ json: SMPPJSONValue) throws -> SubmitMultiDestination {
        guard case .object(let object) = json else { throw InputError("a dest_address entry must be an object") }
        switch object["dest_flag"] {
        case .integer(1)?: return .sme(try address(object))
        case .integer(2)?: return .distributionList(try string(object["dl_name"] ?? .null, "dl_name"))
        default: throw InputError("dest_flag must be 1 (SME address) or 2 (distribution list)")
        }
    }

    private static func unsuccessful(_ json: SMPPJSONValue) throws -> UnsuccessfulSME {
        guard case .object(let object) = json else { throw InputError("an unsuccess_sme entry must be an object") }
        let code = try object["error_status_code"].map { try uint32($0, "error_status_code") } ?? 0
        return UnsuccessfulSME(address: try address(object), errorStatusCode: CommandStatus(rawValue: code))
    }

    private static func tlv(_ json: SMPPJSONValue) throws -> TLV {
        guard case .object(let object) = json else { throw InputError("a TLV must be an object") }
        let tag: TLVTag
        if case .string(let name)? = object["name"] {
            guard let known = TLVTag(name: name) else { throw InputError("unknown TLV \"\(name)\"") }
            tag = known
        } else if case .integer(let number)? = object["tag"], let raw = UInt16(exactly: number) {
            tag = TLVTag(rawValue: raw)
        } else {
            throw InputError("a TLV needs \"name\" or a \"tag\" from 0 to 65535")
        }
        if let hex = object["hex"] {
            return TLV(tag, octets: try SMPPHexText.parse(try string(hex, "TLV hex"), what: "TLV \(tag) hex"))
        }
        switch object["value"] {
        case nil, .null?: return TLV(tag: tag, value: .empty)
        case .string(let text)?: return TLV(tag, string: text)
        case let number?: return TLV(tag, integer: try uint32(number, "TLV \(tag) value"))
        }
    }
}
