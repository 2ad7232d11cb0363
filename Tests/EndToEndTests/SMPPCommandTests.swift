import GatewayTestSupport
import Foundation
import Testing

/// `smsgwctl smpp decode` and `smpp encode` as an operator or a script meets them: full
/// output compared, bad input refused with one line and exit status 2.
@Suite struct SMPPCommandTests {
    /// bind_transmitter of the demo account (README.md, "The demo box"): the fields of §4.1.1, no TLVs.
    static let bindHex = "0000001F00000002000000000000000164656D6F0064656D6F000034000000"
    static let bindJSON = """
        {
          "command" : "bind_transmitter",
          "command_id" : 2,
          "fields" : {
            "addr_npi" : 0,
            "addr_ton" : 0,
            "address_range" : "",
            "interface_version" : 52,
            "password" : "demo",
            "system_id" : "demo",
            "system_type" : ""
          },
          "sequence" : 1,
          "status" : {
            "code" : 0,
            "description" : "No Error",
            "name" : "ESME_ROK"
          },
          "tlvs" : [

          ]
        }

        """

    @Test func decodesBindToJSON() throws {
        let run = try runProduct("smsgwctl", ["smpp", "decode", Self.bindHex, "--json"])
        #expect(run.standardError == "")
        #expect(run.status == 0)
        #expect(run.standardOutput == Self.bindJSON)
    }

    /// A throttled submit_sm_resp without body, and a submit_sm with a TLV, as text.
    @Test func decodesToText() throws {
        let run = try runProduct("smsgwctl", ["smpp", "decode", "00000010 80000004 00000058 00000003"])
        #expect(run.status == 0)
        #expect(run.standardOutput == """
            command: submit_sm_resp (0x80000004)
            status: ESME_RTHROTTLED (0x00000058) Throttling error (ESME has exceeded allowed message limits)
            sequence: 3

            """)
        let submit = try runProduct("smsgwctl", ["smpp", "decode", """
            0000004C000000040000000000000002000500534D534757000101333136313233343536373800000000003030303030313030\
            303030303030305200010000000548656C6C6F020400020007
            """])
        #expect(submit.status == 0)
        #expect(submit.standardOutput == """
            command: submit_sm (0x00000004)
            status: ESME_ROK (0x00000000) No Error
            sequence: 2
            service_type: ""
            source_addr_ton: 5
            source_addr_npi: 0
            source_addr: "SMSGW"
            dest_addr_ton: 1
            dest_addr_npi: 1
            destination_addr: "31612345678"
            esm_class: 0
            protocol_id: 0
            priority_flag: 0
            schedule_delivery_time: (none)
            validity_period: 000001000000000R
            registered_delivery: 1
            replace_if_present_flag: 0
            data_coding: 0
            sm_default_msg_id: 0
            short_message: 48656C6C6F (5 octets)
            tlv user_message_reference (0x0204): 7

            """)
    }

    @Test func encodesWhatDecodePrints() throws {
        let fromArgument = try runProduct("smsgwctl", ["smpp", "encode", Self.bindJSON])
        #expect(fromArgument.status == 0)
        #expect(fromArgument.standardOutput == Self.bindHex + "\n")
        let fromStandardInput = try runProduct("smsgwctl", ["smpp", "encode"], input: Self.bindJSON)
        #expect(fromStandardInput.standardOutput == Self.bindHex + "\n")
    }

    @Test func encodesAShortHandWithDefaults() throws {
        let json = """
            {"command": "submit_multi", "sequence": 9, "fields": {"dest_address": [
              {"dest_flag": 1, "dest_addr_ton": 1, "dest_addr_npi": 1, "destination_addr": "4479"},
              {"dest_flag": 2, "dl_name": "staff"}], "short_message": "4869"},
             "tlvs": [{"name": "source_port", "value": 9200}, {"tag": 5121, "hex": "CAFE"}]}
            """
        let run = try runProduct("smsgwctl", ["smpp", "encode", json])
        #expect(run.standardError == "")
        // 16 header + 1 service_type + 3 source + 1 count + 8 SME entry + 7 list entry + 3 + 2 times
        // + 4 flags + 3 short_message + 6 source_port + 6 vendor TLV = 60 (0x3C).
        #expect(run.standardOutput == "0000003C 00000021 00000000 00000009 00 000000 02 01010134343739 00 02 737461666600"
                .replacingOccurrences(of: " ", with: "")
                + "000000" + "00" + "00" + "00000000" + "024869" + "020A000223F0" + "14010002CAFE\n")
    }

    @Test(arguments: [
        (["smpp", "decode", "0000"], "smsgwctl: not a valid SMPP 3.4 PDU: the PDU is shorter than its 16-octet header\n"),
        (["smpp", "decode", "00000010000000770000000000000005"], "smsgwctl: not a valid SMPP 3.4 PDU: command_id 0x77 sequence 5: command_id: not an SMPP 3.4 command\n"),
        (["smpp", "decode", "0G"], "smsgwctl: the PDU is not hexadecimal\n"),
        (["smpp", "encode", "{"], "smsgwctl: the input is not valid JSON\n"),
        (["smpp", "encode", "{\"command\": \"submit_xx\"}"], "smsgwctl: unknown command \"submit_xx\"\n"),
        (["smpp", "encode", "{\"command\": \"bind_transmitter\", \"fields\": {\"system_id\": \"0123456789abcdef\"}}"],
         "smsgwctl: cannot encode: system_id: longer than its maximum of 16 octets\n"),
        (["smpp", "encode", "{\"command\": \"enquire_link\", \"fields\": {\"system_id\": \"x\"}}"],
         "smsgwctl: enquire_link has no field system_id\n"),
    ])
    func badInputExitsTwoWithOneLine(arguments: [String], message: String) throws {
        let run = try runProduct("smsgwctl", arguments)
        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError == message)
    }
}
