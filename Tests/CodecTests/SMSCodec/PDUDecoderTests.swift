import GatewayTestSupport
import Testing
@testable import SMSCodec

/// Decoding of what modems hand over (3GPP TS 23.040 §9.2.2, 3GPP TS 27.005 §3.1), with real
/// +CMGR PDUs from many phones (gammu's tests/at-sms/NN.dump, GPL-2.0; Tests/THIRD-PARTY.md).
@Suite struct PDUDecoderTests {
    struct Received: Sendable, CustomTestStringConvertible {
        var why: String
        var pdu: String
        var address: String
        var text: String?
        var time: String?
        var testDescription: String { why }
    }

    static let delivers: [Received] = [
        Received(why: "03: +05:30 zone (22 quarter hours)", pdu: "0791198948004544040C9119894882006200007050307040042206CF35689E9603",
                 address: "+919884280026", text: "Ok sir", time: "2007-05-03T07:04:40+05:30"),
        Received(why: "08: '@' inside GSM-7 text is septet 0", pdu: "07912374151616F6040B912374786468F300002010701280334009D4E2940A6A01002D",
                 address: "+32478746863", text: "TEST -@@-", time: "2002-01-07T21:08:33+01:00"),
        Received(why: "09: a 1999 stamp, originator of type subscriber/national (C8)", pdu: "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37",
                 address: "27838890001", text: "hellohello", time: "1999-03-29T15:16:59+02:00"),
        Received(why: "10: accented letters and a GSM-7 '@' and '£'", pdu: "07912374151616F6040B912374786468F30000201003024550400B54C29E2E1F8300A0800B",
                 address: "+32478746863", text: "T\u{E8}\u{E4}trc @ \u{A3}.", time: "2002-01-30T20:54:05+01:00"),
        Received(why: "04: alphanumeric originator (TON 5, 6 semi-octets = 3 septets)", pdu: "07914487200030230406D04F59040000601191806243009F4F990E947DD741EEF71D840EDBCBA0FCBB2E0751CB783A28E8CED3D3ED3268068381AA4B10BD8CA7CF412650AC2904BDCD2072981E06D1DFA0FABC0CA2A3D373509B8E7681A4E576B92D2ECB41F43788FE86B7EA7010280603BDE5A0F65B5E0689CBE6B7BC0C8ADD6232980D447F83CE653A28FFAECB416679B90C0AB3D9EF7BD83D2E83DC653C1DD4A6A301",
                 address: "O2_", text: nil, time: "2006-11-19T08:26:34+00:00"),
        Received(why: "23: empty text (TP-UDL 0)", pdu: "0791449737019037040C9144970710112800008010101041240000",
                 address: "+447970011182", text: "", time: "2008-01-01T01:14:42+00:00"),
        Received(why: "39: 30 junk octets after the user data are ignored", pdu: "07914336120011F10404A14949000021807001253040356C76B81D268741F0B29C9C268741E4B20EB49AD16CB19BAD368BD96EA0B71B04BBBD603810284C078162315D2CE70289EBFAE1AC0CB2BFF52C10FC2D0799C3F6B71CC46687DB6550980D8AC962",
                 address: "9494", text: "llamada perdida de: +34617653167 on 07/08  at  11:19.", time: "2012-08-07T10:52:03+01:00"),
    ]

    @Test(arguments: delivers)
    func realDelivers(_ item: Received) throws {
        let pdu = try PDUDecoder.decode(hex: item.pdu)
        guard case let .deliver(deliver) = pdu.tpdu else { Issue.record("not a deliver"); return }
        #expect(deliver.originator.displayString == item.address)
        if let text = item.text { #expect(deliver.userData.text == text) }
        #expect(deliver.serviceCentreTimeStamp.iso8601 == item.time)
    }

    @Test func concatenatedDeliverFromAPhone() throws {
        // 22.dump: part 1 of 2, 8-bit reference 1; its text starts after 7 header septets.
        let pdu = try PDUDecoder.decode(hex: "0791246020099990400C91247042972767000070107031107440A005000301020182E8B71A040FDBD96516881E5E83DA65907D5C968741EEF49AFC06B9CBEFB53C4C66B34061771AE42EEBDDE1799AED4EB34161D0BA0E7F93D3F63A483D2FB74161771AE42ED7E7EE3A3BCC0285C720FABB5D07B5DF6390BB3C1FA3C3FA32FBAD4BB940D43219342F83C6E8FC9C1E6E83E0F2F0F86D0FD3416150FBAD77874169903B0CA2BF41")
        guard case let .deliver(deliver) = pdu.tpdu else { Issue.record("not a deliver"); return }
        #expect(deliver.userData.header?.elements == [.concatenation(reference: 1, total: 2, sequence: 1, sixteenBit: false)])
        #expect(deliver.userData.text?.hasPrefix("Ahoj pavle, tak me vcera") == true)
        #expect(deliver.userData.length == 160)
    }

    @Test func statusReportFromTheNetwork() throws {
        // 30.dump: delivered, TP-MR 232, stamps 4 s apart.
        let pdu = try PDUDecoder.decode(hex: "079124603050020006E80C91666666666666909070618422809090706184628000")
        guard case let .statusReport(report) = pdu.tpdu else { Issue.record("not a status report"); return }
        #expect(report.messageReference == 232)
        #expect(report.recipient.displayString == "+666666666666")
        #expect(report.status.outcome == .delivered)
        #expect(report.dischargeTime.iso8601 == "2009-09-07T16:48:26+02:00")
    }

    @Test func statusReportPaddedWithFF() throws {
        // 32.dump: 0xFF where TP-PI would be, then padding: no optional parameters.
        let hex = "079124602009999002AB098106845688F8907080517375809070805183018000" + String(repeating: "FF", count: 140)
        guard case let .statusReport(report) = try PDUDecoder.decode(hex: hex).tpdu else { Issue.record("not a report"); return }
        #expect(report.recipient.displayString == "604865888")
        #expect(report.userData == nil)
    }

    @Test(arguments: [
        (0x00, DeliveryStatus.Outcome.delivered, "short message received by the SME"),
        (0x02, .delivered, "short message replaced by the SC"),
        (0x21, .temporaryFailureRetrying, "SME busy"),
        (0x46, .permanentFailure, "SM validity period expired"),
        (0x58, .permanentFailure, "SC specific (permanent error)"),
        (0x62, .temporaryFailureFinal, "no response from SME"),
        (0x8F, .reserved, "reserved"),
    ] as [(UInt8, DeliveryStatus.Outcome, String)])
    func statusCodes(code: UInt8, outcome: DeliveryStatus.Outcome, meaning: String) throws {
        let hex = "0006E80C91666666666666909070618422809090706184628" + "0" + Hex.encode([code])
        guard case let .statusReport(report) = try PDUDecoder.decode(hex: hex).tpdu else { Issue.record("not a report"); return }
        #expect(report.status.outcome == outcome)
        #expect(report.status.meaning == meaning)
        #expect(report.status.isFinal == (outcome != .temporaryFailureRetrying))
    }

    @Test func negativeZoneAndWithoutSMSC() throws {
        // Zone octet 0x29: low nibble 9 = sign bit 8 | tens 1, high nibble units 2:
        // -(1 * 10 + 2) = -12 quarter hours = -03:00.
        let tpdu = "040B914151111111F100005111111111112904D4F29C0E"
        let pdu = try PDUDecoder.decode(hex: tpdu, includesServiceCentre: false)
        guard case let .deliver(deliver) = pdu.tpdu else { Issue.record("not a deliver"); return }
        #expect(pdu.serviceCentre == nil)
        #expect(deliver.serviceCentreTimeStamp.iso8601 == "2015-11-11T11:11:11-03:00")
        #expect(deliver.userData.text == "Test")
    }

    @Test func userDataHeaderElements() throws {
        // 16-bit concatenation, 16-bit ports (WAP push 2948 from 9200), an unknown element.
        let header = "0F" + "0804BEEF0302" + "05040B8423F0" + "7001AA"
        let tpdu = "440B914151111111F1000451111111111129" + Hex.encode([UInt8(header.count / 2 + 1)]) + header + "99"
        guard case let .deliver(deliver) = try PDUDecoder.decode(hex: tpdu, includesServiceCentre: false).tpdu else { return }
        #expect(deliver.userData.header?.elements == [
            .concatenation(reference: 0xBEEF, total: 3, sequence: 2, sixteenBit: true),
            .ports(destination: 2948, source: 9200, sixteenBit: true),
            .other(identifier: 0x70, data: [0xAA]),
        ])
        #expect(deliver.userData.body == [0x99])
        #expect(deliver.userData.text == nil)
    }

    @Test(arguments: [
        // gammu's at-sms-failing/: every one must be refused, by the field at fault.
        ("01: SUBMIT whose TP-DA claims 129 digits", "0791246030500200110481643000007030427132500047D6B0BEECCE83F4E17558EF4EAFEB2CD09C5DD78BC3207519447E8FC3737719D44EB7DF20B8FC6D7FEB5D2062795D5797DB65903E0C82BFC7E837BCEC4EBB00", SMSDecodingError.Field.destinationAddress),
        ("13: not hex at all", "0BD04259303784=96p331p71160016D02B5AEC86BBDD6E37D80DFF00F19C0AC8F7BA3E87BFD7F539FF", .hex),
        ("18: a 12-octet SMSC address", "0CD0ABD9CC86CBC16034180C1616000AD0D770BB5D0700F9FF080074006500730074", .serviceCentreAddress),
        ("25: reserved TP-MTI 11", "0BF0BBBBBBBBBBBBBBBBBBFBFFFFFFFFFFFFFFFF12", .firstOctet),
        ("33: empty SMSC then 0xFF", "00FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", .firstOctet),
        ("35: TP-UDL longer than the data", "07916307996905F0040B916307779872F4003901406041433180353058AC6CCBCD64B05BB80C200076000000000020006F0074007400000000006F00630000006900760061006C002000", .userData),
        ("38: SMSC length 196", "C474795E968388E9B27B4E07CDE965341D947683926879B90DA286E56933C89D1EA3E9207D5D0EB296E566FFB9EE3EBB40A8220C9602", .serviceCentreAddress),
        ("40: a WAP push body where the PDU should start", "0906346170706C69636174696F6E2F766E642E7761702E6D6D732D6D65737361676500B13139322E3136382E3233382E313900AF84B4818C8298", .originatingAddress),
        ("41: TP-UDL 93 septets, 77 octets present", "0041000b817777777777f700005d060504157800004de1135b851283d4e2afdd8bd576f3b2dc5e96f7dc617a788e2ebbd761173c2ca7e777f0b79cdecbe5663bf8bdc74e57cdcfbcf5b97387dbe59e1be00ed3c37374d9bd0ebbe06139", .userData),
        ("a digit semi-octet 0xB in a time stamp", "040B914151111111F10000511B111111112904D4F29C0E00", .serviceCentreTimeStamp),
        ("a concatenation element overrunning its header", "07911111111111F1440B914151111111F100045111111111112906050005010201", .userDataHeader),
    ] as [(String, String, SMSDecodingError.Field)])
    func malformedIsRefusedByField(why: String, hex: String, field: SMSDecodingError.Field) {
        let includesSMSC = !why.hasPrefix("a digit")
        #expect(performing: { try PDUDecoder.decode(hex: hex, includesServiceCentre: includesSMSC) },
                throws: { ($0 as? SMSDecodingError)?.field == field })
    }

    /// Fed one more octet at a time, every proper prefix must throw (never trap) and the
    /// whole must decode.
    @Test(arguments: [
        ("0791198948004544040C9119894882006200007050307040042206CF35689E9603", true),
        ("079124603050020006E80C91666666666666909070618422809090706184628000", true),
        ("0001000B911467214365F7000004D4F29C0E", true),
        ("07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37", true),
        ("040B914151111111F1000451111111111129110F0804BEEF030205040B8423F07001AA99", false),
    ])
    func everyTruncationThrows(hex: String, includesSMSC: Bool) throws {
        let octets = try Hex.decode(hex)
        for length in 0..<octets.count {
            #expect(throws: SMSDecodingError.self) {
                try PDUDecoder.decode(Array(octets.prefix(length)), includesServiceCentre: includesSMSC)
            }
        }
        _ = try PDUDecoder.decode(octets, includesServiceCentre: includesSMSC)
    }

    /// Random octets must give a value or a typed error, never a crash.
    @Test func randomOctetsNeverTrap() {
        var generator = SeededRandom(seed: 0x5EED)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 64)
            let octets = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = try? PDUDecoder.decode(octets)
            _ = try? PDUDecoder.decode(octets, includesServiceCentre: false)
        }
    }

    /// libgammu's SMS-DELIVER encodings decode to the text and number it was given.
    @Test(arguments: GammuEncodeVectors.delivers)
    func decodesLibgammuDelivers(_ vector: GammuEncodeVector) throws {
        guard case let .deliver(deliver) = try PDUDecoder.decode(hex: vector.pdu).tpdu else {
            Issue.record("not a deliver")
            return
        }
        #expect(deliver.userData.text == vector.text)
        #expect(deliver.originator.displayString == vector.number)
        #expect(deliver.serviceCentreTimeStamp.iso8601 == "2007-06-05T13:56:30+00:00")
    }
}

