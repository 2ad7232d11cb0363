import GatewayTestSupport
import Testing

/// `smsgwctl sms` as an operator runs it: full output compared.
@Suite struct SMSCommandTests {
    @Test func encodeGSM7WithReportAndValidity() throws {
        let run = try runProduct("smsgwctl", [
            "sms", "encode", "--to", "+41761234567", "--text", "Test", "--request-report", "--validity", "60", "--json",
        ])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        // 0x31 = SUBMIT | VPF relative | SRR; TP-VP 0x0B = 60 minutes; "Test" packed.
        #expect(run.standardOutput == """
        {
          "encoding" : "gsm7",
          "segmentCount" : 1,
          "segments" : [
            {
              "messageReference" : 0,
              "number" : 1,
              "pdu" : "0031000B911467214365F700000B04D4F29C0E",
              "text" : "Test",
              "tpduLength" : 18,
              "units" : 4
            }
          ],
          "unitCount" : 4
        }

        """)
    }

    @Test func encodeFlashUCS2AsText() throws {
        let run = try runProduct("smsgwctl", ["sms", "encode", "--to", "1234", "--text", "\u{416}!", "--flash"])
        #expect(run.status == 0)
        // DCS 0x18: UCS-2, class 0 (flash).
        #expect(run.standardOutput == """
        ucs2, 2 UCS-2 units, 1 part(s)
        AT+CMGS=13
        0001000481214300180404160021

        """)
    }

    @Test func decodeStatusReport() throws {
        let run = try runProduct("smsgwctl", ["sms", "decode", "079124603050020006E80C91666666666666909070618422809090706184628000", "--json"])
        #expect(run.status == 0)
        #expect(run.standardOutput == """
        {
          "dischargeTime" : "2009-09-07T16:48:26+02:00",
          "messageReference" : 232,
          "moreMessagesToSend" : false,
          "recipient" : {
            "number" : "+666666666666",
            "numberingPlan" : 1,
            "type" : "international"
          },
          "serviceCentre" : {
            "number" : "+420603052000",
            "numberingPlan" : 1,
            "type" : "international"
          },
          "serviceCentreTimeStamp" : "2009-09-07T16:48:22+02:00",
          "status" : {
            "code" : 0,
            "final" : true,
            "meaning" : "short message received by the SME",
            "outcome" : "delivered"
          },
          "type" : "status-report"
        }

        """)
    }

    @Test func decodeDeliver() throws {
        let run = try runProduct("smsgwctl", ["sms", "decode", "0791198948004544040C9119894882006200007050307040042206CF35689E9603"])
        #expect(run.status == 0)
        #expect(run.standardOutput == """
        deliver
        SMSC: +919884005444
        From: +919884280026
        Sent: 2007-05-03T07:04:40+05:30
        Encoding: gsm7
        Text: Ok sir

        """)
    }

    @Test func encodeTurkishWithTheLockingShift() throws {
        let run = try runProduct("smsgwctl", [
            "sms", "encode", "--to", "1234", "--text", "\u{15F}", "--encoding", "gsm7", "--national-languages", "tr,es", "--json",
        ])
        #expect(run.status == 0)
        // Header 03 25 01 01: locking shift (IEI 0x25), Turkish; ş is Turkish septet 0x1D.
        #expect(run.standardOutput == """
        {
          "encoding" : "gsm7",
          "lockingShift" : "tr",
          "segmentCount" : 1,
          "segments" : [
            {
              "messageReference" : 0,
              "number" : 1,
              "pdu" : "0041000481214300000603250101E800",
              "text" : "\u{15F}",
              "tpduLength" : 15,
              "units" : 1
            }
          ],
          "unitCount" : 1
        }

        """)
    }

    @Test func encodeSpanishSavesAPartAsText() throws {
        // 100 letters and 5 á (Spanish single shift, 2 septets each): 110 septets, one part;
        // UCS-2 would need 2 parts of 67 units.
        let text = String(repeating: "a", count: 100) + String(repeating: "\u{E1}", count: 5)
        let run = try runProduct("smsgwctl", ["sms", "encode", "--to", "1234", "--text", text, "--national-languages", "es"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("gsm7, 110 septets, 1 part(s) (locking shift default, single shift es)\nAT+CMGS="))
        let plain = try runProduct("smsgwctl", ["sms", "encode", "--to", "1234", "--text", text])
        #expect(plain.standardOutput.hasPrefix("ucs2, 105 UCS-2 units, 2 part(s)\n"))
    }

    @Test func decodeShowsTheTablesUsed() throws {
        // A DELIVER with a Spanish locking shift (void: default alphabet) and single shift.
        let run = try runProduct("smsgwctl", ["sms", "decode", "0044048121430000421192214300000B062501022401029D4D15"])
        #expect(run.status == 0)
        #expect(run.standardOutput == """
        deliver
        From: 1234
        Sent: 2024-11-29T12:34:00+00:00
        Encoding: gsm7
        Tables: locking shift default (es has none), single shift es
        Text: \u{E6}\u{DA}

        """)
    }

    @Test(arguments: [
        (["sms", "decode", "0791ZZ"], "smsgwctl: hex: 'Z' is not a hex digit at octet 2\n"),
        (["sms", "decode", "00FF"], "smsgwctl: first octet: unsupported value 0xFF at octet 1\n"),
        (["sms", "decode", "0791"], "smsgwctl: service centre address: truncated at octet 2\n"),
        (["sms", "encode", "--to", "Bank", "--text", "x"], "smsgwctl: destination address: 'B' is not allowed\n"),
        (["sms", "encode", "--to", "123", "--text", "\u{E1}", "--encoding", "gsm7"],
         "smsgwctl: text: U+E1 at character 0 is not in the GSM 7 bit alphabet (3GPP TS 23.038 §6.2.1)\n"),
        (["sms", "encode", "--to", "123", "--text", "x", "--validity", "0"], "smsgwctl: validity period: 0 is out of range\n"),
        (["sms", "encode", "--to", "123", "--text", "x", "--encoding", "latin1"],
         "smsgwctl: --encoding: 'latin1' is not one of auto, gsm7, ucs2\n"),
        (["sms", "encode", "--to", "123", "--text", "x", "--national-languages", "tr,de"],
         "smsgwctl: --national-languages: 'de' is not one of tr, es, pt\n"),
    ])
    func badInputExitsTwoWithOneLine(arguments: [String], message: String) throws {
        let run = try runProduct("smsgwctl", arguments)
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == message)
    }
}
