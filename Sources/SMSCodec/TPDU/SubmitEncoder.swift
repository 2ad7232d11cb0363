/// Builds SMS-SUBMIT TPDUs (3GPP TS 23.040 §9.2.2.2) for AT+CMGS in PDU mode.
public enum SubmitEncoder {
    /// Plans `request.text` and encodes every part. `messageReferences` gives TP-MR per part
    /// (empty: 0 in every part, for a modem that assigns TP-MR itself); the concatenation
    /// `reference` is shared by the parts of one message (at most 255 with 8-bit references).
    public static func encode(
        _ request: SubmitRequest, messageReferences: [UInt8] = [], concatenationReference reference: UInt16 = 0
    ) throws(SMSEncodingError) -> EncodedSubmit {
        let plan = try SMSPlanner.plan(
            request.text, encoding: request.encoding, referenceSize: request.referenceSize,
            nationalLanguages: request.nationalLanguages
        )
        guard messageReferences.isEmpty || messageReferences.count == plan.segments.count else {
            throw SMSEncodingError(.messageReference, .outOfRange(messageReferences.count))
        }
        if let messageClass = request.messageClass, !(0...3).contains(messageClass) {
            throw SMSEncodingError(.text, .outOfRange(messageClass))
        }
        if request.referenceSize == .eightBit, plan.isConcatenated, reference > 0xFF {
            throw SMSEncodingError(.messageReference, .outOfRange(Int(reference)))
        }
        let prefix = request.serviceCentre?.serviceCentreOctets() ?? [0x00]
        let total = UInt8(plan.segments.count)
        let parts = plan.segments.enumerated().map { index, segment in
            let messageReference = messageReferences.isEmpty ? 0 : messageReferences[index]
            // Concatenation first, then the national language shifts, in every part
            // (3GPP TS 23.040 §9.2.3.24.15/16).
            var elements: [InformationElement] = []
            if plan.isConcatenated {
                elements.append(.concatenation(
                    reference: reference, total: total, sequence: UInt8(index + 1),
                    sixteenBit: request.referenceSize == .sixteenBit
                ))
            }
            elements += plan.shiftElements
            let header = elements.isEmpty ? nil : UserDataHeader(elements: elements)
            let tpdu = tpduOctets(request, plan.encoding, segment, header, messageReference)
            return SubmitPart(
                text: segment.text, unitCount: segment.unitCount, messageReference: messageReference,
                octets: prefix + tpdu, tpduLength: tpdu.count
            )
        }
        return EncodedSubmit(plan: plan, parts: parts)
    }

    private static func tpduOctets(
        _ request: SubmitRequest, _ encoding: SMSTextEncoding, _ segment: PlannedSegment,
        _ header: UserDataHeader?, _ messageReference: UInt8
    ) -> [UInt8] {
        var firstOctet: UInt8 = 0x01  // TP-MTI: SMS-SUBMIT
        if request.rejectDuplicates { firstOctet |= 0x04 }
        if let validity = request.validityPeriod { firstOctet |= validity.formatBits }
        if request.requestStatusReport { firstOctet |= 0x20 }
        if header != nil { firstOctet |= 0x40 }
        var octets: [UInt8] = [firstOctet, messageReference]
        octets += request.destination.tpduOctets()
        octets.append(request.protocolIdentifier)
        octets.append(DataCodingScheme(encoding: encoding, messageClass: request.messageClass).rawValue)
        octets += request.validityPeriod?.octets ?? []
        let headerOctets = header?.octets ?? []
        switch encoding {
        case .gsm7:
            let headerSeptets = SeptetPacking.headerSeptets(forHeaderOctets: headerOctets.count)
            var userData = SeptetPacking.pack(segment.payload, fillBits: headerSeptets * 7 - headerOctets.count * 8)
            if headerOctets.isEmpty {
                octets.append(UInt8(segment.payload.count))
            } else {
                // The packed text, shifted past the header and its fill bits.
                userData = headerOctets + userData
                octets.append(UInt8(headerSeptets + segment.payload.count))
            }
            octets += userData
        case .ucs2, .eightBit:
            octets.append(UInt8(headerOctets.count + segment.payload.count))
            octets += headerOctets + segment.payload
        }
        return octets
    }
}
