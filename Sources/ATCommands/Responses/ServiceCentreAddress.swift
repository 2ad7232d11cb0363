/// The answer to `AT+CSCA?`: `+CSCA: <sca>,<tosca>` (3GPP TS 27.005 §3.3.1).
///
/// In `AT+CSCS="UCS2"` the address comes as hex of UCS-2 (`002B0039…`, gammu `at-smsc/01.dump`,
/// quoted or not): it is decoded when every code unit is a dial-string character.
public struct ServiceCentreAddress: Sendable, Hashable {
    /// The address as a dial string, `+` included when the modem gave one.
    public var address: String
    /// `<tosca>`: 145 international, 129 unknown/national.
    public var typeOfAddress: Int?

    public init(address: String, typeOfAddress: Int?) {
        self.address = address
        self.typeOfAddress = typeOfAddress
    }

    public init(line: String) throws(ATParseError) {
        let fields = try ATInformationLine.fields(of: line, named: "+CSCA")
        guard (1...2).contains(fields.count), let raw = fields[0].text else {
            throw ATParseError(.fieldCount(fields.count), line: line)
        }
        var tosca: Int?
        if fields.count == 2, !fields[1].isEmpty {
            guard let value = fields[1].integer else {
                throw ATParseError(.invalidField(name: "tosca", value: fields[1].text ?? ""), line: line)
            }
            tosca = value
        }
        self.init(address: ServiceCentreAddress.decodeUCS2DialString(raw) ?? raw, typeOfAddress: tosca)
    }

    /// `002B0031…` → `+1…` when `text` is UCS-2 hex of dial-string characters only.
    static func decodeUCS2DialString(_ text: String) -> String? {
        guard text.count >= 8, let octets = MessageRecord.octets(hex: text), octets.count % 2 == 0 else { return nil }
        var result = ""
        var position = 0
        while position < octets.count {
            guard octets[position] == 0 else { return nil }
            let character = Character(Unicode.Scalar(octets[position + 1]))
            guard character.isASCII, character.isNumber || "+*#".contains(character) else { return nil }
            result.append(character)
            position += 2
        }
        return result
    }
}
