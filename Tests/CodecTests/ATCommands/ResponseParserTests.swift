import Testing
@testable import ATCommands

/// The one-line answers modemd reads (27.007, 27.005), with real variants from gammu's test
/// dumps (gammu tests/at-*/*.dump, GPL-2.0) and python-gsmmodem's fake modems
/// (test/fakemodems.py, LGPL-3.0); sources and commits in Tests/THIRD-PARTY.md.
@Suite struct ResponseParserTests {
    @Test func signalQuality() throws {
        let quality = try SignalQuality(line: "+CSQ: 21,99")
        #expect(quality == SignalQuality(rssi: 21, bitErrorRate: 99))
        #expect(quality.dBm == -71)  // -113 + 2·21
        #expect(try SignalQuality(line: "+CSQ:31, 0").dBm == -51)
        #expect(try SignalQuality(line: "+CSQ: 99,99").dBm == nil)  // not known
        #expect(throws: ATParseError.self) { try SignalQuality(line: "+CSQ: 21") }
        #expect(throws: ATParseError.self) { try SignalQuality(line: "+CSQ: 21,8") }  // ber 8 is undefined
        #expect(throws: ATParseError.self) { try SignalQuality(line: "+CSQ: -1,99") }
    }

    @Test func operatorSelection() throws {
        #expect(try OperatorSelection(line: "+COPS: 0,0,\"vodafone NL\",7") == OperatorSelection(mode: 0, format: 0, name: "vodafone NL", accessTechnology: 7))
        #expect(try OperatorSelection(line: "+COPS: 0,2,\"20404\"") == OperatorSelection(mode: 0, format: 2, name: "20404"))
        // Not registered: the mode alone.
        #expect(try OperatorSelection(line: "+COPS: 0") == OperatorSelection(mode: 0))
        #expect(throws: ATParseError.self) { try OperatorSelection(line: "+COPS: x") }
    }

    @Test(arguments: [
        ("+CPIN: READY", PINStatus.ready),
        ("+CPIN:READY", .ready),  // no space after the colon
        ("+CPIN: SIM PIN", .required("SIM PIN")),  // python-gsmmodem, every fake modem when locked
        ("+CPIN: SIM PUK2", .required("SIM PUK2")),
        ("+CPIN: NOT INSERTED", .notInserted),  // SIMCom with an empty slot
        ("+CPIN: NOT READY", .notReady),  // Quectel while the SIM starts
    ])
    func pinStatus(line: String, expected: PINStatus) throws {
        #expect(try PINStatus(line: line) == expected)
    }

    @Test func identities() throws {
        // python-gsmmodem fake modems answer AT+CIMI / AT+CGSN with bare digits.
        #expect(try EquipmentIdentity.imsi(line: "111111111111111") == "111111111111111")
        #expect(try EquipmentIdentity.imsi(line: "+CIMI: 204043200000000") == "204043200000000")
        #expect(throws: ATParseError.self) { try EquipmentIdentity.imsi(line: "OK") }
        #expect(throws: ATParseError.self) { try EquipmentIdentity.imsi(line: "2040432000000001") }  // 16 digits
        #expect(try EquipmentIdentity.imei(line: "111111111111111") == "111111111111111")
        #expect(try EquipmentIdentity.imei(line: "+CGSN: \"861234567890123\"") == "861234567890123")
        // The ICCID answers of different vendors, trailing F padding removed.
        for line in ["+CCID: 89314404000123456789", "+ICCID: 89314404000123456789", "^ICCID: 89314404000123456789",
                     "+QCCID: 89314404000123456789", "89314404000123456789", "+CCID: \"89314404000123456789\""] {
            #expect(try EquipmentIdentity.iccid(line: line) == "89314404000123456789")
        }
        #expect(try EquipmentIdentity.iccid(line: "+CCID: 8931440400012345678F") == "8931440400012345678")
        #expect(throws: ATParseError.self) { try EquipmentIdentity.iccid(line: "+CSQ: 89314404000123456789") }
        #expect(throws: ATParseError.self) { try EquipmentIdentity.iccid(line: "+CCID: 8931ABCD000123456789") }
        // A banner line before the value (Nokia's multi-line +CGMR shape) is skipped.
        #expect(try EquipmentIdentity.first(in: ["Manufacturer: X", "111111111111111"], EquipmentIdentity.imei) == "111111111111111")
    }

    @Test func preferredStorage() throws {
        // Read answer: three storages with used/total.
        #expect(try PreferredStorage(line: "+CPMS: \"SM\",5,50,\"SM\",5,50,\"SR\",0,20").usages == [
            .init(storage: .sim, used: 5, total: 50), .init(storage: .sim, used: 5, total: 50), .init(storage: .statusReports, used: 0, total: 20),
        ])
        // Set answer (python-gsmmodem Wavecom: AT+CPMS="SM","SM" → +CPMS: 14,50,14,50).
        let set = try PreferredStorage(line: "+CPMS: 14,50,14,50")
        #expect(set.usages == [.init(storage: nil, used: 14, total: 50), .init(storage: nil, used: 14, total: 50)])
        #expect(try PreferredStorage(line: "+CPMS: 50,50,1,50,1,50").usages[0].isFull)
        // Nokia N79 (python-gsmmodem) answers AT+CPMS? with empty fields only: refused.
        #expect(throws: ATParseError.self) { try PreferredStorage(line: "+CPMS: ,,,,,,,,") }
        #expect(throws: ATParseError.self) { try PreferredStorage(line: "+CPMS: 14,50,14") }
    }

    @Test func supportedStorages() throws {
        // gammu at-cpms/alcatel-s320.dump: spaces after the commas.
        let alcatel = try SupportedStorages(line: "+CPMS: (\"SM\", \"ME\", \"SM_P\", \"ME_P\", \"MT\"), (\"SM\", \"ME\", \"SM_P\", \"ME_P\", \"MT\"), (\"SM\", \"ME\", \"SM_P\", \"ME_P\", \"MT\")")
        #expect(alcatel.lists.count == 3)
        #expect(alcatel.lists[0] == ["SM", "ME", "SM_P", "ME_P", "MT"])
        // gammu at-cpms/brovi-e3372-325.dump.
        #expect(try SupportedStorages(line: "+CPMS: (\"SM\",\"ME\"),(\"SM\",\"ME\"),(\"SM\",\"ME\")").lists == [["SM", "ME"], ["SM", "ME"], ["SM", "ME"]])
        // gammu at-cpms-sm/iwow.dump: no parentheses.
        #expect(try SupportedStorages(line: "+CPMS: \"SM\",\"SM\",\"SM\"").lists == [["SM"], ["SM"], ["SM"]])
        // python-gsmmodem Wavecom: doubly parenthesised, two lists.
        #expect(try SupportedStorages(line: "+CPMS: ((\"SM\",\"BM\",\"SR\"),(\"SM\"))").lists == [["SM", "BM", "SR"], ["SM"]])
        // gammu at-cpms/samsung-j700.dump: empty.
        #expect(try SupportedStorages(line: "+CPMS: ").lists.isEmpty)
        // gammu at-cpms-sr/generic.dump: a missing opening quote makes the line garbled.
        #expect(throws: ATParseError.self) { try SupportedStorages(line: "+CPMS: (ME\", \"SR\"), (\"ME\", \"SR\"), (\"ME\")") }
    }

    @Test func submitResult() throws {
        #expect(try SubmitResult(line: "+CMGS: 7") == SubmitResult(messageReference: 7))
        #expect(try SubmitResult(line: "+CMGS: 255,\"07/07/05,09:56:03+08\"").messageReference == 255)
        #expect(try SubmitResult(line: "+CMSS: 3").messageReference == 3)
        #expect(throws: ATParseError.self) { try SubmitResult(line: "+CMGS: 256") }  // TP-MR is one octet
        #expect(throws: ATParseError.self) { try SubmitResult(line: "+CMGS:") }
    }

    @Test func ussd() throws {
        // gammu at-ussd/02-E160.dump: quoted packed-GSM hex with dcs 15.
        let e160 = try USSDResponse(line: "+CUSD: 0,\"49B41C74ACD3D16171D90D32FBE52072BA0C72CA5DB45CAC76C3CD6CB41B2D060389CB74F9FE4C07D55C371CA85897BF1B\",15")
        #expect(e160.status == 0 && e160.dataCodingScheme == 15 && e160.text?.hasPrefix("49B41C") == true)
        // gammu at-ussd/01-E160.dump: unquoted, no dcs.
        let bare = try USSDResponse(line: "+CUSD: 0, 49B41C74ACD3D16171D90D66666666666666666666B45CAC76C3CD6CB41B2D060389CB74F9FE4C07DD5CB91AA85897BF1B")
        #expect(bare.dataCodingScheme == nil && bare.text?.hasSuffix("97BF1B") == true)
        // gammu at-ussd/03-unknown.dump: plain text, further action required.
        let text = try USSDResponse(line: "+CUSD: 1,\"Kontostand: 3.00 EUR Bitte w{hlen Sie: 1 Konto aufladen 2 CallNow Transfer\"")
        #expect(text.expectsReply && text.text?.hasPrefix("Kontostand") == true)
        // gammu at-ussd/issue109-E3276.dump: UCS-2 hex, dcs 72.
        #expect(try USSDResponse(line: "+CUSD: 0,\"0414043B044F\",72").dataCodingScheme == 72)
        // Status only: the network ended the session.
        #expect(try USSDResponse(line: "+CUSD: 2") == USSDResponse(status: 2))
        #expect(throws: ATParseError.self) { try USSDResponse(line: "+CUSD: 9,\"x\"") }
    }

    @Test func serviceCentreAddress() throws {
        // gammu at-smsc/02.dump and 03.dump.
        #expect(try ServiceCentreAddress(line: "+CSCA: \"+79168999100\",145") == ServiceCentreAddress(address: "+79168999100", typeOfAddress: 145))
        #expect(try ServiceCentreAddress(line: "+CSCA: \"6281100000\",145").address == "6281100000")
        // gammu at-smsc/01.dump: UCS-2 hex, unquoted; 05.dump: quoted.
        #expect(try ServiceCentreAddress(line: "+CSCA: 002B00390037003200350034003100320030003000330032,145").address == "+97254120032")
        #expect(try ServiceCentreAddress(line: "+CSCA: \"002B003400340037003800300032003000390032003000330035\",145").address == "+447802092035")
        // An empty SMSC (fresh SIM) is an empty address, not an error.
        #expect(try ServiceCentreAddress(line: "+CSCA: \"\",129").address == "")
    }
}
