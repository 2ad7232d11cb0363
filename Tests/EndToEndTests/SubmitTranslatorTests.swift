import GatewayCore
import GatewayStore
import SMPPCodec
import SMSCodec
import Testing
@testable import IngressdDaemon

/// SubmitTranslator in-process (pure): data codings, UDH/SAR parts, times, source addresses.
@Suite struct SubmitTranslatorTests {
    static let account = UpstreamAccount(id: "platform", throughput: 100, maxBinds: 1, allowedClasses: [.transactional],
                                         defaultClass: .transactional, smpp: nil, http: nil)
    static let now = Timestamp(secondsSince1970: 1_772_366_400)  // 2026-03-01T12:00:00Z

    static func submit(_ message: [UInt8], dataCoding: UInt8 = 0, esmClass: UInt8 = 0, source: SMEAddress? = nil,
                       tlvs: TLVList = []) -> SubmitSM {
        SubmitSM(source: source ?? SMEAddress(ton: .alphanumeric, address: "Shop"),
                 destination: SMEAddress(ton: .international, npi: .isdn, address: "31612345678"),
                 shortMessage: message, dataCoding: dataCoding, esmClass: esmClass, tlvs: tlvs)
    }

    static func translate(_ submit: SubmitSM) -> Result<NewMessage, SubmitRefusal> {
        SubmitTranslator().message(from: submit, account: account, now: now, concatenationReference: 0x42)
    }

    /// The TP-DCS octet of a stored TPDU (after first octet, MR, 0B 91 + 6 address octets, PID).
    static func dcs(_ hex: String) -> String { String(Array(hex)[22..<24]) }

    @Test(arguments: [
        // IA5 text in the GSM alphabet: sent GSM-7 (TP-DCS 00).
        (UInt8(1), Array("Hello".utf8), "Hello", MessageEncoding.gsm7, "00"),
        // Latin-1 é (0xE9) is in the GSM alphabet: GSM-7.
        (3, [0x63, 0x61, 0x66, 0xE9], "café", .gsm7, "00"),
        // Latin-1 â (0xE2) is not: UCS-2 (TP-DCS 08).
        (3, [0xE2], "â", .ucs2, "08"),
        // 8-bit binary: TP-DCS 04, text kept as hex.
        (4, [0x01, 0xFF], "01FF", .binary, "04"),
        // data_coding 2 is binary too.
        (2, [0xCA, 0xFE], "CAFE", .binary, "04"),
        // 0xF1: GSM-7 with message class 1 (TP-DCS 0x11, general group with class).
        (0xF1, Array("Hi".utf8), "Hi", .gsm7, "11"),
        // 0xF4: 8-bit with class 0.
        (0xF4, [0x00], "00", .binary, "14"),
    ] as [(UInt8, [UInt8], String, MessageEncoding, String)])
    func dataCodings(coding: UInt8, octets: [UInt8], text: String, encoding: MessageEncoding, tpDCS: String) throws {
        let message = try Self.translate(Self.submit(octets, dataCoding: coding)).get()
        #expect(message.text == text && message.encoding == encoding)
        #expect(message.partsHex.count == 1 && Self.dcs(message.partsHex[0]) == tpDCS)
    }

    @Test(arguments: [
        // Odd UCS-2 length.
        (UInt8(8), [UInt8(0x00)], CommandStatus.invalidMessageLength),
        // IA5 is 7-bit.
        (1, [0x80], .invalidMessageLength),
        // Cyrillic (ISO-8859-5) is not supported: ESME_RSUBMITFAIL.
        (6, [0x41], .submitFailed),
        // Reserved.
        (0xC0, [0x41], .submitFailed),
    ] as [(UInt8, [UInt8], CommandStatus)])
    func refusedCodings(coding: UInt8, octets: [UInt8], status: CommandStatus) {
        #expect(Self.translate(Self.submit(octets, dataCoding: coding)).failure?.status == status)
    }

    /// 300 octets of binary: split here into 3 parts of at most 134 octets with reference 0x42.
    @Test func longBinaryIsSplit() throws {
        let message = try Self.translate(Self.submit([], dataCoding: 4, tlvs: TLVList([TLV(tag: .messagePayload, value: .octets(Array(repeating: 0xAB, count: 300)))]))).get()
        #expect(message.partsHex.count == 3)
        #expect(message.partsHex[0].contains("050003420301"))
        #expect(message.assembly == nil)
    }

    /// A UDH with an 8-bit concatenation IE and a port IE: the part keeps both IEs verbatim,
    /// TP-UDHI set (first octet 0x41), and is marked as part 2 of 3 of reference 0x17.
    @Test func udhPartIsKeptAsGiven() throws {
        let udh: [UInt8] = [0x09, 0x00, 0x03, 0x17, 0x03, 0x02, 0x04, 0x02, 0x10, 0x20]
        let message = try Self.translate(Self.submit(udh + Array("part two".utf8), esmClass: 0x40)).get()
        #expect(message.text == "part two")
        #expect(message.partsHex.count == 1 && message.partsHex[0].hasPrefix("41"))
        #expect(message.partsHex[0].contains("0900031703020402102"))
        #expect(message.assembly == MessageAssemblyPart(key: "udh8:23:3:Shop:+31612345678", total: 3, sequence: 2))
    }

    /// A UDH with only port addressing: a one-part message with that header, no assembly.
    @Test func udhWithoutConcatenationIsOnePart() throws {
        let message = try Self.translate(Self.submit([0x04, 0x04, 0x02, 0x10, 0x20, 0x01], dataCoding: 4, esmClass: 0x40)).get()
        #expect(message.assembly == nil && message.partsHex == [Self.partHex(dcs: "04", userData: "06" + "0404021020" + "01")])
    }

    static func partHex(dcs: String, userData: String) -> String {
        "4100" + "0B91" + "1316325476F8" + "00" + dcs + userData
    }

    /// SAR TLVs: the concatenation IE is built (8-bit, low octet of the 16-bit reference 0x1234).
    @Test func sarBuildsTheHeader() throws {
        var tlvs = TLVList()
        tlvs.segmentation = Segmentation(reference: 0x1234, total: 2, number: 1)
        let message = try Self.translate(Self.submit(Array("abc".utf8), tlvs: tlvs)).get()
        #expect(message.partsHex[0].hasPrefix("41") && message.partsHex[0].contains("0500033402"))
        #expect(message.assembly == MessageAssemblyPart(key: "sar:4660:2:Shop:+31612345678", total: 2, sequence: 1))
    }

    @Test(arguments: [
        // UDHI but the header overruns the message.
        (UInt8(0x40), [UInt8(0x05), 0x00, 0x03], CommandStatus.invalidESMClass),
        // A reply path is not offered.
        (0x80, Array("x".utf8), .invalidESMClass),
        // Message type "delivery acknowledgement" is not a submit.
        (0x08, Array("x".utf8), .invalidESMClass),
        // 154 septets beside a 6-octet header: 153 fit.
        (0x40, [0x05, 0x00, 0x03, 0x01, 0x02, 0x01] + Array(repeating: 0x41, count: 154), .invalidMessageLength),
    ] as [(UInt8, [UInt8], CommandStatus)])
    func refusedParts(esmClass: UInt8, octets: [UInt8], status: CommandStatus) {
        #expect(Self.translate(Self.submit(octets, esmClass: esmClass)).failure?.status == status)
    }

    /// 153 septets beside an 8-bit concatenation header: exactly full.
    @Test func fullPartFits() throws {
        let message = try Self.translate(Self.submit([0x05, 0x00, 0x03, 0x01, 0x02, 0x01] + Array(repeating: 0x41, count: 153), esmClass: 0x40)).get()
        // First octet, MR, address (2 + 6), PID, DCS, UDL, then 140 octets of user data.
        #expect(message.partsHex[0].count == 2 * (12 + 1 + 140))
    }

    @Test(arguments: [
        (SMEAddress(ton: .alphanumeric, address: "MyShop"), "MyShop"),
        (SMEAddress(ton: .international, address: "4915112345678"), "+4915112345678"),
        (SMEAddress(ton: .national, address: "0612345678"), "0612345678"),
        // TON unknown with a name: taken as alphanumeric.
        (SMEAddress(ton: .unknown, address: "Bank"), "Bank"),
    ])
    func sources(address: SMEAddress, stored: String) throws {
        #expect(try Self.translate(Self.submit(Array("x".utf8), source: address)).get().source == stored)
    }

    @Test(arguments: [
        // 12 characters: an alphanumeric address holds 11 septets.
        (SMEAddress(ton: .alphanumeric, address: "TwelveLetter"), CommandStatus.invalidSourceAddress),
        // € counts two septets (escape): 10 + 2 = 12.
        (SMEAddress(ton: .alphanumeric, address: "ABCDEFGHIJ€"), .invalidSourceAddress),
        (SMEAddress(ton: .international, address: "+49abc"), .invalidSourceAddress),
        (SMEAddress(ton: .alphanumeric, address: ""), .invalidSourceAddress),
        (SMEAddress(ton: TypeOfNumber(rawValue: 7), address: "123"), .invalidSourceTON),
    ])
    func refusedSources(address: SMEAddress, status: CommandStatus) {
        #expect(Self.translate(Self.submit(Array("x".utf8), source: address)).failure?.status == status)
    }

    /// Times: default 48 h; relative validity; schedule → scheduleAt and expiry counted from it;
    /// a past validity or one before the schedule refused; a long validity cut to 7 days.
    @Test func times() throws {
        var submit = Self.submit(Array("x".utf8))
        #expect(try Self.translate(submit).get().expiresAt == Self.now + .seconds(48 * 3600))
        submit.validityPeriod = try SMPPTime("000000010000000R")
        #expect(try Self.translate(submit).get().expiresAt == Self.now + .seconds(3600))
        submit.validityPeriod = try SMPPTime("000100000000000R")  // a month: cut to 7 days
        #expect(try Self.translate(submit).get().expiresAt == Self.now + .seconds(7 * 86_400))
        submit.scheduleDeliveryTime = try SMPPTime("000000020000000R")
        submit.validityPeriod = nil
        let scheduled = try Self.translate(submit).get()
        #expect(scheduled.scheduleAt == Self.now + .seconds(7200) && scheduled.expiresAt == Self.now + .seconds(50 * 3600))
        submit.validityPeriod = try SMPPTime("000000010000000R")  // ends before the schedule
        #expect(Self.translate(submit).failure?.status == .invalidValidityPeriod)
        submit.scheduleDeliveryTime = nil
        submit.validityPeriod = try SMPPTime("260301110000000+")  // an hour ago, absolute
        #expect(Self.translate(submit).failure?.status == .invalidValidityPeriod)
        submit.validityPeriod = nil
        submit.scheduleDeliveryTime = try SMPPTime("260230120000000+")  // 30 February
        #expect(Self.translate(submit).failure?.status == .invalidScheduledDeliveryTime)
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
