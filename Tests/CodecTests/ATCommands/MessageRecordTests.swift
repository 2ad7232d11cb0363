import Testing
@testable import ATCommands

/// +CMGR / +CMGL / +CMT records (27.005 §3.4.1–§3.4.3). Header and PDU lines are copied from
/// gammu's tests/at-sms/ and tests/at-sms-txt*/ dumps (real phones, GPL-2.0), cited per vector
/// (Tests/THIRD-PARTY.md).
@Suite struct MessageRecordTests {
    struct PDUVector: Sendable, CustomTestStringConvertible {
        let why: String
        let header: String
        let pdu: String
        let index: Int?
        let status: MessageStatus?
        let length: Int
        let lengthMatches: Bool
        var testDescription: String { why }
    }

    static let pduVectors: [PDUVector] = [
        PDUVector(why: "at-sms/02.dump: the standard <stat>,,<length> with an empty alpha",
                  header: "+CMGR: 3,,29", pdu: "0791361907001003B17A0C913619397750320000AD11CD701E340FB3C3F23CC81D0689C3BF",
                  index: nil, status: .storedSent, length: 29, lengthMatches: true),
        PDUVector(why: "at-sms/07.dump: the alpha field left out entirely",
                  header: "+CMGR: 0,23", pdu: "0791534850020200040C9153486507895500006090608164138004D4F29C0E",
                  index: nil, status: .receivedUnread, length: 23, lengthMatches: true),
        PDUVector(why: "at-sms/10.dump: a length that disagrees with the PDU is reported, not refused",
                  header: "+CMGR: 0,23", pdu: "07912374151616F6040B912374786468F30000201003024550400B54C29E2E1F8300A0800B",
                  index: nil, status: .receivedUnread, length: 23, lengthMatches: false),
        PDUVector(why: "at-sms/38.dump: the length alone, no status",
                  header: "+CMGR: 24", pdu: "079124602009999006B4098106326906F2212041015554402120410155054000",
                  index: nil, status: nil, length: 24, lengthMatches: true),
        PDUVector(why: "at-sms/39.dump: status and alpha both empty",
                  header: "+CMGR: ,,92", pdu: "07914336120011F10404A14949000021807001253040356C76B81D268741F0B29C9C268741E4B20EB49AD16CB19BAD368BD96EA0B71B04BBBD603810284C078162315D2CE70289EBFAE1AC0CB2BFF52C10FC2D0799C3F6B71CC46687DB6550980D8AC962",
                  index: nil, status: nil, length: 92, lengthMatches: true),
        PDUVector(why: "+CMGL entry: index first (27.005 §3.4.2)",
                  header: "+CMGL: 5,1,,23", pdu: "0791534850020200040C9153486507895500006090608164138004D4F29C0E",
                  index: 5, status: .receivedRead, length: 23, lengthMatches: true),
        PDUVector(why: "lower-case hex is hex too",
                  header: "+CMGR: 0,23", pdu: "0791534850020200040c9153486507895500006090608164138004d4f29c0e",
                  index: nil, status: .receivedUnread, length: 23, lengthMatches: true),
    ]

    @Test(arguments: pduVectors)
    func parsesPDUModeRecords(vector: PDUVector) throws {
        let record = try MessageRecord(header: vector.header, body: vector.pdu)
        #expect(record.index == vector.index)
        #expect(record.status == vector.status)
        #expect(record.length == vector.length)
        #expect(record.lengthMatchesPDU == vector.lengthMatches)
        guard case .pdu(let octets) = record.body else {
            Issue.record("not a PDU body")
            return
        }
        #expect(octets.count * 2 == vector.pdu.count)
    }

    /// at-sms/07.dump: the hex decodes to exactly these octets (SMSC +3584…, SMS-DELIVER).
    @Test func pduOctetsAreDecoded() throws {
        let record = try MessageRecord(header: "+CMGR: 0,23", body: "0791534850020200040C9153486507895500006090608164138004D4F29C0E")
        #expect(record.body == .pdu([0x07, 0x91, 0x53, 0x48, 0x50, 0x02, 0x02, 0x00, 0x04, 0x0C, 0x91, 0x53, 0x48, 0x65, 0x07,
                                     0x89, 0x55, 0x00, 0x00, 0x60, 0x90, 0x60, 0x81, 0x64, 0x13, 0x80, 0x04, 0xD4, 0xF2, 0x9C, 0x0E]))
    }

    @Test func motorolaIndexFirstAndStrayQuote() throws {
        // at-sms/26.dump: `+CMGR: <index>,<stat>,,<length>`.
        let motorola = try MessageRecord(header: "+CMGR: 4,1,,151", body: "0791539111161616640C91")
        #expect(motorola.index == 4 && motorola.status == .receivedRead && motorola.length == 151)
        // at-sms/04.dump: the PDU line ends with a stray quote.
        #expect(try MessageRecord(header: "+CMGR: 1,,156", body: "07914487200030\"").body == .pdu([0x07, 0x91, 0x44, 0x87, 0x20, 0x00, 0x30]))
    }

    @Test func textModeRecords() throws {
        // at-sms-txt/timezone.dump.
        let record = try MessageRecord(header: "+CMGR: \"REC READ\",\"+31625044454\",,\"07/07/05,09:56:03+08\"", body: "Test message 2")
        #expect(record.status == .receivedRead)
        #expect(record.body == .text("Test message 2"))
        #expect(record.headerFields[1] == .quoted("+31625044454"))
        // at-sms-txt-detail/sample.dump: no space after the colon, AT+CSDH=1 detail fields.
        let detail = try MessageRecord(header: "+CMGR:\"REC READ\",\"+393488535999\",,\"07/04/05,18:02:28+08\",145,4,0,0,\"+393492000466\",145,93", body: "You have a missed called.")
        #expect(detail.headerFields.count == 11)
        // at-sms-txt-detail/unsent.dump.
        #expect(try MessageRecord(header: "+CMGR: \"STO UNSENT\",\"+10011\",,145,17,0,0,167,\"+8613800100500\",145,4", body: "Hello World").status == .storedUnsent)
    }

    @Test(arguments: [
        ("+CMGR: 0,23", "07915348500202000G"),  // not hex
        ("+CMGR: 0,23", "0791534"),  // odd length
        ("+CMGR: x,23", "0791534850020200"),  // status not a number
        ("+CMGR: 7,,23", "0791534850020200"),  // status out of range
        ("+CMGR: 1,2,3,4,5", "0791534850020200"),  // too many fields
        ("+CSQ: 1,2", "00"),  // not a record header
    ])
    func refusesMalformed(header: String, body: String) {
        #expect(throws: ATParseError.self) { try MessageRecord(header: header, body: body) }
    }

    @Test func listInTextModeTakesMultiLineTexts() throws {
        // at-sms-txt/motorola-long.dump shape: the text spans lines up to the next header.
        let records = try MessageList.parse([
            "+CMGL: 1,\"REC READ\",\"+6667776667744\",,\"09/08/18,19:11:45+00\"", "first line", "second line",
            "+CMGL: 2,\"REC UNREAD\",\"+1\",,\"09/08/18,19:11:46+00\"", "OK",
        ])
        #expect(records.map(\.index) == [1, 2])
        #expect(records.map(\.body) == [.text("first line\nsecond line"), .text("OK")])
    }

    @Test func listRefusesHeaderWithoutBody() {
        #expect(throws: ATParseError.self) { try MessageList.parse(["+CMGL: 1,1,,23"]) }
        #expect(throws: ATParseError.self) { try MessageList.parse(["stray", "+CMGL: 1,1,,23", "00"]) }
        #expect((try? MessageList.parse([])) == [])
    }
}
