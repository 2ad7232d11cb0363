import SMPPCodec

/// The plain-text form of `smpp decode`: the header, then one line per field in wire order,
/// then one line per TLV. For people; scripts use `--json`.
enum SMPPTextOutput {
    static func text(of pdu: PDU) -> String {
        var lines = [
            "command: \(pdu.commandID) (0x\(hex32(pdu.commandID.rawValue)))",
            "status: \(pdu.commandStatus) (0x\(hex32(pdu.commandStatus.rawValue))) \(pdu.commandStatus.explanation)",
            "sequence: \(pdu.sequenceNumber)",
        ]
        for (field, value) in pdu.fieldValues {
            switch value {
            case .tlvs(let list):
                for tlv in list.entries {
                    lines.append("tlv \(tlv.tag) (0x\(String(hex32(UInt32(tlv.tag.rawValue)).suffix(4)))): \(text(of: tlv.value))")
                }
            case .integer(let number): lines.append("\(field): \(number)")
            case .string(let string): lines.append("\(field): \"\(string)\"")
            case .octets(let bytes): lines.append("\(field): \(SMPPHexText.format(bytes)) (\(bytes.count) octets)")
            case .time(let time): lines.append("\(field): \(time?.formatted ?? "(none)")")
            case .destinations(let list):
                for destination in list {
                    switch destination {
                    case .sme(let address): lines.append("\(field): \(text(of: address))")
                    case .distributionList(let name): lines.append("\(field): distribution list \"\(name)\"")
                    }
                }
            case .unsuccessful(let list):
                for entry in list {
                    lines.append("\(field): \(text(of: entry.address)) \(entry.errorStatusCode)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func text(of value: TLV.Value) -> String {
        switch value {
        case .empty: "(no value)"
        case .integer(let number): String(number)
        case .string(let string): "\"\(string)\""
        case .octets(let bytes): SMPPHexText.format(bytes)
        }
    }

    private static func text(of address: SMEAddress) -> String {
        "ton \(address.ton.rawValue) npi \(address.npi.rawValue) \"\(address.address)\""
    }

    private static func hex32(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
