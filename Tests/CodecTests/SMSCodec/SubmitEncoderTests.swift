import Testing
@testable import SMSCodec

/// SMS-SUBMIT encoding (3GPP TS 23.040 §9.2.2.2) for AT+CMGS in PDU mode.
@Suite struct SubmitEncoderTests {
    /// libgammu encoded these; our PDUs must be the same octets (a second oracle).
    @Test(arguments: GammuEncodeVectors.submits)
    func matchesLibgammu(_ vector: GammuEncodeVector) throws {
        let request = SubmitRequest(
            destination: try SMSAddress(parsing: vector.number, field: .destination),
            text: vector.text, encoding: vector.ucs2 ? .ucs2 : .gsm7,
            validityPeriod: .relative(0xFF),
            serviceCentre: try SMSAddress(parsing: vector.smsc, field: .serviceCentre)
        )
        let encoded = try SubmitEncoder.encode(request)
        #expect(encoded.parts.map(\.hex) == [vector.pdu])
    }

    @Test func plainMessageToTheSIMsSMSC() throws {
        // "00" SMSC, SUBMIT without VP, TP-MR 0, +41761234567 (odd digit count: F filler).
        let request = SubmitRequest(destination: try SMSAddress(parsing: "+41761234567", field: .destination), text: "Test")
        let part = try #require(try SubmitEncoder.encode(request).parts.first)
        #expect(part.hex == "0001000B911467214365F7000004D4F29C0E")
        #expect(part.tpduLength == 17)
    }

    @Test func flagsAndOptionsLandInTheirBits() throws {
        let request = SubmitRequest(
            destination: try SMSAddress(parsing: "0612345678", field: .destination), text: "Hi",
            messageClass: 0, validityPeriod: try ValidityPeriod.relative(minutes: 24 * 60),
            requestStatusReport: true, rejectDuplicates: true
        )
        let part = try #require(try SubmitEncoder.encode(request, messageReferences: [0x2A]).parts.first)
        // 0x35: SUBMIT | RD | VPF relative | SRR; MR 2A; national digits with type unknown (81);
        // DCS 0x10 (class 0, flash); VP 0xA7 (24 h).
        #expect(part.hex == "00352A0A816021436587001 0A702C834".filter { $0 != " " })
    }

    @Test func concatenatedGSM7PartsCarryHeaderAndFillBit() throws {
        let text = String(repeating: "a", count: 153) + "bcdefghi"
        let request = SubmitRequest(destination: try SMSAddress(parsing: "+4915123456789", field: .destination), text: text)
        let encoded = try SubmitEncoder.encode(request, messageReferences: [7, 8], concatenationReference: 0x42)
        #expect(encoded.parts.count == 2)
        let second = encoded.parts[1]
        // 0x41: SUBMIT | UDHI; 13 digits; UDL 7 + 8 = 15 septets; header 05 00 03 42 02 02;
        // then "bcdefghi" after one fill bit ('b' 0x62 << 1 = 0xC4 first).
        #expect(second.hex == "004108 0D91945121436587F9 0000 0F 050003420202 C46372D97C46A701".filter { $0 != " " })
        #expect(encoded.parts[0].tpduLength == 1 + 1 + 9 + 2 + 1 + 140)
        for (index, part) in encoded.parts.enumerated() {
            let pdu = try PDUDecoder.decode(part.octets)
            guard case let .submit(submit) = pdu.tpdu else { Issue.record("not a submit"); continue }
            #expect(submit.userData.header?.concatenation?.reference == 0x42)
            #expect(submit.userData.header?.concatenation?.sequence == UInt8(index + 1))
            #expect(submit.userData.text == part.text)
            #expect(submit.messageReference == UInt8(7 + index))
        }
    }

    @Test func sixteenBitReferenceAndUCS2RoundTrip() throws {
        let text = String(repeating: "\u{416}\u{1F600}", count: 30)
        let request = SubmitRequest(
            destination: try SMSAddress(parsing: "+79161234567", field: .destination), text: text,
            referenceSize: .sixteenBit
        )
        let encoded = try SubmitEncoder.encode(request, concatenationReference: 0xBEEF)
        #expect(encoded.plan.encoding == .ucs2)
        var joined = ""
        for part in encoded.parts {
            guard case let .submit(submit) = try PDUDecoder.decode(part.octets).tpdu else { continue }
            #expect(submit.userData.header?.elements.first == .concatenation(
                reference: 0xBEEF, total: UInt8(encoded.parts.count), sequence: submit.userData.header?.concatenation?.sequence ?? 0, sixteenBit: true
            ))
            #expect(submit.dataCoding.rawValue == 0x08)
            joined += submit.userData.text ?? ""
        }
        #expect(joined == text)
    }

    @Test(arguments: [
        // 5-minute steps up to 12 h, then 30 minutes, days, weeks (§9.2.3.12.1); rounded up.
        (1, 0, 5), (5, 0, 5), (6, 1, 10), (720, 143, 720), (721, 144, 750), (1440, 167, 1440),
        (1441, 168, 2880), (43200, 196, 43200), (43201, 197, 50400), (10_000_000, 255, 635_040),
    ])
    func relativeValidity(minutes: Int, octet: Int, lasts: Int) throws {
        let period = try ValidityPeriod.relative(minutes: minutes)
        #expect(period == .relative(UInt8(octet)))
        #expect(period.minutes == lasts)
    }

    @Test func badInputIsATypedError() {
        #expect(throws: SMSEncodingError(.validityPeriod, .outOfRange(0))) { try ValidityPeriod.relative(minutes: 0) }
        #expect(throws: SMSEncodingError(.destination, .invalidCharacter("x"))) {
            try SMSAddress(parsing: "+3161x", field: .destination)
        }
        #expect(throws: SMSEncodingError(.destination, .tooLong(length: 21, maximum: 20))) {
            try SMSAddress(parsing: String(repeating: "1", count: 21), field: .destination)
        }
        #expect(throws: SMSEncodingError(.destination, .tooLong(length: 12, maximum: 11))) {
            try SMSAddress(parsing: "ABCDEFGHIJKL", allowsAlphanumeric: true, field: .destination)
        }
        #expect(throws: SMSEncodingError(.destination, .invalidCharacter("B"))) {
            try SMSAddress(parsing: "Bank", field: .destination)
        }
    }

    @Test func alphanumericAddressPacksSeptets() throws {
        let address = try SMSAddress(parsing: "O2", allowsAlphanumeric: true, field: .destination)
        // Two septets = 14 bits = 4 semi-octets; type D0 (alphanumeric, NPI 0).
        #expect(address.tpduOctets() == [0x04, 0xD0, 0x4F, 0x19])
    }
}
