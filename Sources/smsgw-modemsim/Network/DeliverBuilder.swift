import SMSCodec

/// Builds the SMS-DELIVER TPDUs (3GPP TS 23.040 §9.2.2.1) of an inbound text, as the network
/// would hand them to the modem: one per part, a concatenation header on each part of a long
/// text (§9.2.3.24.1). The user data is planned and packed by SMSCodec's submit encoder and
/// moved into a DELIVER frame: SUBMIT `fo MR DA PID DCS UDL UD` becomes `fo OA PID DCS SCTS UDL UD`.
enum DeliverBuilder {
    static func parts(
        from originator: String, text: String, timeStamp: SMSTimeStamp, concatenationReference: UInt16
    ) throws(SMSEncodingError) -> [[UInt8]] {
        let address = try SMSAddress(parsing: originator, allowsAlphanumeric: true, field: .destination)
        let request = SubmitRequest(destination: address, text: text)
        let encoded = try SubmitEncoder.encode(request, concatenationReference: concatenationReference & 0xFF)
        let addressLength = address.tpduOctets().count
        return encoded.parts.map { part in
            // The submit encoder prefixes an empty SMSC (one 0x00 octet) when none is given.
            let submit = Array(part.octets.dropFirst(part.octets.count - part.tpduLength))
            let hasHeader = submit[0] & 0x40 != 0
            var firstOctet: UInt8 = 0x04  // TP-MTI 00 SMS-DELIVER, TP-MMS set: no more messages
            if hasHeader { firstOctet |= 0x40 }
            let afterReference = submit.dropFirst(2)
            let addressAndCoding = afterReference.prefix(addressLength + 2)
            let userData = afterReference.dropFirst(addressLength + 2)
            return [firstOctet] + addressAndCoding + timeStamp.octets + userData
        }
    }
}
