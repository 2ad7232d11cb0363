/// One SMS-SUBMIT whose user data header and body are given rather than planned: parts split
/// upstream (an SMPP peer's UDH kept as it is) and 8-bit data (3GPP TS 23.040 §9.2.2.2).
extension SubmitEncoder {
    /// The body of one part, in the unit its TP-DCS alphabet counts.
    public enum GivenBody: Sendable, Hashable {
        /// Unpacked GSM 7 bit septets (an escape counts as two), packed here after the header
        /// and its fill bits (3GPP TS 23.040 §9.2.3.24).
        case septets([UInt8])
        /// UCS-2 or 8-bit octets, copied after the header.
        case octets([UInt8])
    }

    /// Encodes one part: `options` gives the destination, TP-SRR, TP-PID and TP-VP (its
    /// `text` is what the part is shown as); `dataCodingScheme` is written as given.
    /// A body that does not fit beside the header (160 septets or 140 octets of user data,
    /// §9.2.3.16) is `.text` `.tooLong`.
    public static func encodePart(
        _ options: SubmitRequest, header: UserDataHeader?, body: GivenBody, dataCodingScheme: DataCodingScheme
    ) throws(SMSEncodingError) -> SubmitPart {
        let headerOctets = header?.octets ?? []
        var firstOctet: UInt8 = 0x01  // TP-MTI: SMS-SUBMIT
        if options.rejectDuplicates { firstOctet |= 0x04 }
        if let validity = options.validityPeriod { firstOctet |= validity.formatBits }
        if options.requestStatusReport { firstOctet |= 0x20 }
        if header != nil { firstOctet |= 0x40 }
        var octets: [UInt8] = [firstOctet, 0]
        octets += options.destination.tpduOctets()
        octets.append(options.protocolIdentifier)
        octets.append(dataCodingScheme.rawValue)
        octets += options.validityPeriod?.octets ?? []
        let unitCount: Int
        switch body {
        case .septets(let septets):
            let headerSeptets = SeptetPacking.headerSeptets(forHeaderOctets: headerOctets.count)
            let capacity = SMSPlanner.capacity(encoding: .gsm7, headerOctets: headerOctets.count)
            guard septets.count <= capacity else {
                throw SMSEncodingError(.text, .tooLong(length: septets.count, maximum: capacity))
            }
            octets.append(UInt8(headerSeptets + septets.count))
            octets += headerOctets + SeptetPacking.pack(septets, fillBits: headerSeptets * 7 - headerOctets.count * 8)
            unitCount = septets.count
        case .octets(let data):
            let capacity = SMSPlanner.userDataOctets - headerOctets.count
            guard data.count <= capacity else {
                throw SMSEncodingError(.text, .tooLong(length: data.count, maximum: capacity))
            }
            octets.append(UInt8(headerOctets.count + data.count))
            octets += headerOctets + data
            unitCount = data.count
        }
        let prefix = options.serviceCentre?.serviceCentreOctets() ?? [0x00]
        return SubmitPart(text: options.text, unitCount: unitCount, messageReference: 0,
                          octets: prefix + octets, tpduLength: octets.count)
    }

    /// 8-bit data as one part, or as concatenated parts of 134 octets (140 less a header
    /// with an 8-bit reference, §9.2.3.24.1) when it does not fit in one. `elements` (port
    /// addressing, say) go into every part after the concatenation element.
    public static func encodeBinary(
        _ options: SubmitRequest, data: [UInt8], elements: [InformationElement] = [],
        dataCodingScheme: DataCodingScheme = DataCodingScheme(rawValue: 0x04), concatenationReference: UInt8 = 0
    ) throws(SMSEncodingError) -> [SubmitPart] {
        guard !data.isEmpty else { throw SMSEncodingError(.text, .empty) }
        let plainHeader = elements.isEmpty ? nil : UserDataHeader(elements: elements)
        let plainCapacity = SMSPlanner.userDataOctets - (plainHeader?.octets.count ?? 0)
        if data.count <= plainCapacity {
            return [try encodePart(options, header: plainHeader, body: .octets(data), dataCodingScheme: dataCodingScheme)]
        }
        let concatenatedHeader = UserDataHeader(elements: [.concatenation(reference: 0, total: 1, sequence: 1, sixteenBit: false)] + elements)
        let size = SMSPlanner.userDataOctets - concatenatedHeader.octets.count
        let total = (data.count + size - 1) / size
        guard total <= 255 else { throw SMSEncodingError(.text, .tooManySegments(total)) }
        var parts: [SubmitPart] = []
        for index in 0..<total {
            let chunk = Array(data[(index * size)..<min(data.count, (index + 1) * size)])
            let header = UserDataHeader(elements: [.concatenation(
                reference: UInt16(concatenationReference), total: UInt8(total), sequence: UInt8(index + 1), sixteenBit: false)] + elements)
            parts.append(try encodePart(options, header: header, body: .octets(chunk), dataCodingScheme: dataCodingScheme))
        }
        return parts
    }
}
