import SMPPCodec

/// The JSON form of a PDU (SMPP 3.4 names throughout):
/// `{"command", "command_id", "status": {"code", "name", "description"}, "sequence",
/// "fields": {name: value}, "tlvs": [{"name", "tag", "value" | "hex"}]}`.
/// Strings stay strings, integers numbers, times their 16-character text ("" for none),
/// short_message and octet TLVs hex; unknown TLVs are `{"tag", "hex"}`.
enum SMPPJSONMapping {
    static func json(of pdu: PDU) -> SMPPJSONValue {
        var fields: [String: SMPPJSONValue] = [:]
        var tlvs: [SMPPJSONValue] = []
        for (field, value) in pdu.fieldValues {
            if case .tlvs(let list) = value {
                tlvs = list.entries.map(json(of:))
            } else {
                fields[field.rawValue] = json(of: value)
            }
        }
        var status: [String: SMPPJSONValue] = [
            "code": .integer(Int64(pdu.commandStatus.rawValue)),
            "description": .string(pdu.commandStatus.explanation),
        ]
        if let name = pdu.commandStatus.name { status["name"] = .string(name) }
        return .object([
            "command": .string(pdu.commandID.description),
            "command_id": .integer(Int64(pdu.commandID.rawValue)),
            "status": .object(status),
            "sequence": .integer(Int64(pdu.sequenceNumber)),
            "fields": .object(fields),
            "tlvs": .array(tlvs),
        ])
    }

    private static func json(of value: SMPPFieldValue) -> SMPPJSONValue {
        switch value {
        case .integer(let number): .integer(Int64(number))
        case .string(let text): .string(text)
        case .octets(let bytes): .string(SMPPHexText.format(bytes))
        case .time(let time): .string(time?.formatted ?? "")
        case .destinations(let list):
            .array(list.map {
                switch $0 {
                case .sme(let address):
                    .object(["dest_flag": .integer(1), "dest_addr_ton": .integer(Int64(address.ton.rawValue)),
                             "dest_addr_npi": .integer(Int64(address.npi.rawValue)),
                             "destination_addr": .string(address.address)])
                case .distributionList(let name):
                    .object(["dest_flag": .integer(2), "dl_name": .string(name)])
                }
            })
        case .unsuccessful(let list):
            .array(list.map {
                .object(["dest_addr_ton": .integer(Int64($0.address.ton.rawValue)),
                         "dest_addr_npi": .integer(Int64($0.address.npi.rawValue)),
                         "destination_addr": .string($0.address.address),
                         "error_status_code": .integer(Int64($0.errorStatusCode.rawValue))])
            })
        case .tlvs: .null
        }
    }

    private static func json(of tlv: TLV) -> SMPPJSONValue {
        var object: [String: SMPPJSONValue] = ["tag": .integer(Int64(tlv.tag.rawValue))]
        if let name = tlv.tag.name { object["name"] = .string(name) }
        switch tlv.value {
        case .empty: break
        case .integer(let number): object["value"] = .integer(Int64(number))
        case .string(let text): object["value"] = .string(text)
        case .octets(let bytes): object["hex"] = .string(SMPPHexText.format(bytes))
        }
        return .object(object)
    }
}
