import GatewayCore
import SMPPCodec
import SMSCodec

/// The body of a submit after its data_coding is applied (SMPP 3.4 §5.2.19): the text as
/// stored (hex for binary), the alphabet it is sent in, and the user data of a part whose
/// split was made upstream (3GPP TS 23.040 §9.2.3.16).
struct SubmitUserData: Hashable, Sendable {
    var text: String
    var encoding: MessageEncoding
    var body: SubmitEncoder.GivenBody
    var dataCodingScheme: DataCodingScheme

    /// A part that arrived already split (a UDH given, or SAR TLVs): its body is sent as one
    /// part beside `header`, never re-planned. UCS-2 text is read leniently (an upstream split
    /// may cut a surrogate pair in two): the stored text gets U+FFFD there, the octets go as
    /// given. `characterSet` reads GSM-7 septets (the header's national language shifts).
    static func part(_ octets: [UInt8], coding: SubmitDataCoding,
                     characterSet: GSM7CharacterSet) throws(SubmitRefusal) -> SubmitUserData {
        guard !octets.isEmpty else { throw SubmitRefusal(.invalidMessageLength, "the part has no text after its header") }
        switch coding {
        case .gsm7(let messageClass):
            let septets = try SubmitText.septets(octets)
            return SubmitUserData(text: characterSet.decode(septets), encoding: .gsm7, body: .septets(septets),
                                  dataCodingScheme: DataCodingScheme(encoding: .gsm7, messageClass: messageClass))
        case .ascii, .latin1:
            let text = try SubmitText.text(octets, coding: coding)
            var septets: [UInt8] = []
            for scalar in text.unicodeScalars {
                guard let coded = GSM7Alphabet.septets(for: scalar) else {
                    return SubmitUserData(text: text, encoding: .ucs2, body: .octets(UCS2.octets(of: text.utf16)),
                                          dataCodingScheme: DataCodingScheme(encoding: .ucs2, messageClass: nil))
                }
                septets += coded
            }
            return SubmitUserData(text: text, encoding: .gsm7, body: .septets(septets),
                                  dataCodingScheme: DataCodingScheme(encoding: .gsm7, messageClass: nil))
        case .ucs2:
            guard octets.count % 2 == 0 else {
                throw SubmitRefusal(.invalidMessageLength, "UCS-2 text of \(octets.count) octets: an odd count")
            }
            let units = stride(from: 0, to: octets.count, by: 2).map { UInt16(octets[$0]) << 8 | UInt16(octets[$0 + 1]) }
            return SubmitUserData(text: String(decoding: units, as: UTF16.self), encoding: .ucs2, body: .octets(octets),
                                  dataCodingScheme: DataCodingScheme(encoding: .ucs2, messageClass: nil))
        case .binary(let messageClass):
            return SubmitUserData(text: Hex.encode(octets), encoding: .binary, body: .octets(octets),
                                  dataCodingScheme: DataCodingScheme(encoding: .eightBit, messageClass: messageClass))
        }
    }
}

/// Text from short_message by data_coding, for a whole message that the gateway plans.
enum SubmitText {
    /// GSM 03.38 unpacked: one septet per octet; an octet above 0x7F is not a septet.
    static func septets(_ octets: [UInt8]) throws(SubmitRefusal) -> [UInt8] {
        if let index = octets.firstIndex(where: { $0 > 0x7F }) {
            throw SubmitRefusal(.invalidMessageLength, "octet \(index) is \(octets[index]), not a GSM 7-bit septet")
        }
        return octets
    }

    /// The text of `octets` in an alphabet of text (not binary): GSM-7 unpacked, IA5,
    /// Latin-1, or UCS-2 (whole UTF-16, even length).
    static func text(_ octets: [UInt8], coding: SubmitDataCoding) throws(SubmitRefusal) -> String {
        switch coding {
        case .gsm7: return GSM7Alphabet.decode(try septets(octets))
        case .ascii:
            // IA5 (ITU-T T.50) is 7-bit; its international reference version is US-ASCII.
            if let index = octets.firstIndex(where: { $0 > 0x7F }) {
                throw SubmitRefusal(.invalidMessageLength, "octet \(index) is \(octets[index]), not IA5 (7-bit)")
            }
            return String(decoding: octets, as: Unicode.ASCII.self)
        case .latin1:
            // ISO-8859-1 is the first 256 code points of Unicode, one octet each.
            var scalars = String.UnicodeScalarView()
            for octet in octets { scalars.append(Unicode.Scalar(octet)) }
            return String(scalars)
        case .ucs2:
            guard octets.count % 2 == 0, let text = UCS2.decode(octets[...]) else {
                throw SubmitRefusal(.invalidMessageLength, "UCS-2 text of \(octets.count) octets is not whole UTF-16")
            }
            return text
        case .binary:
            return Hex.encode(octets)
        }
    }
}
