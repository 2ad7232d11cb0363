import GatewayTestSupport
import Foundation
import GatewayIPC
import GatewayStore
import SMSCodec
import Testing

/// smsgw-modemd against smsgw-modemsim (4 modems on ptys, simulated GPIO) and a real SQLite
/// file, through its control socket. Each test runs its own box.
@Suite("smsgw-modemd end to end", .serialized)
struct ModemdEndToEndTests {
    static func parts(to number: String, text: String) throws -> [ModemdSendRequest.Part] {
        let request = SubmitRequest(destination: SMSAddress(typeOfNumber: .international, value: number), text: text,
                                    requestStatusReport: true)
        return try SubmitEncoder.encode(request, concatenationReference: 7).parts.map {
            ModemdSendRequest.Part(pdu: Hex.encode($0.octets), tpduLength: $0.tpduLength)
        }
    }

    @Test("100 messages through the socket all get a TP-MR; inbound single and 3-part reversed stored once; status reports stored")
    func sendAndReceive() async throws {
        let box = try ModemdBox()
        try await box.start()
        let parts = try Self.parts(to: "31612345678", text: "Your code is 123456")
        let client = try #require(box.client)
        let results = try await withThrowingTaskGroup(of: ModemdSendResult?.self) { group in
            for index in 0..<100 {
                group.addTask {
                    guard case .sent(let result) = try await client.call(.send(ModemdSendRequest(modem: "m\(index % 4 + 1)", parts: parts)))
                    else { return nil }
                    return result
                }
            }
            var results: [ModemdSendResult?] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 100)
        #expect(results.allSatisfy { $0?.outcome == .sent && $0?.references.count == 1 })

        // An injected +CMS ERROR comes back typed: 21 (short message transfer rejected) is permanent.
        _ = try box.simulatorControl(#"{"command":"cms-error","modem":"m4","code":21,"rate":1}"#)
        guard case .sent(let refused) = try await box.call(.send(ModemdSendRequest(modem: "m4", parts: parts))) else {
            Issue.record("no answer to the send on m4")
            return
        }
        #expect(refused.outcome == .failed)
        #expect(refused.errorCategory == "permanent")
        _ = try box.simulatorControl(#"{"command":"clear","modem":"m4"}"#)
        #expect(try await box.status()["m4"]?.state == "ready", "a refused message does not take the modem down")

        let long = String(repeating: "Concatenated inbound text, part by part. ", count: 9)
        _ = try box.simulatorControl(#"{"command":"inbound","modem":"m2","from":"+4915112345678","text":"hello modemd"}"#)
        _ = try box.simulatorControl(#"{"command":"inbound","modem":"m3","from":"+4915187654321","text":"\#(long)","order":"reversed"}"#)
        try await box.waitFor("both inbound messages complete", within: .seconds(20)) {
            let database = try box.database()
            let complete = try database.connection.query("SELECT count(*) FROM inbound_messages WHERE state = 'complete'") { $0.int(0) }
            return complete == [2]
        }
        let database = try box.database()
        let texts = try database.connection.query("SELECT text FROM inbound_messages ORDER BY originator") { $0.text(0) }
        #expect(texts == ["hello modemd", long])
        let partCount = try database.connection.query("SELECT count(*) FROM inbound_parts") { $0.int(0) }
        #expect(partCount.first ?? 0 >= 4, "one single part and the three (or more) of the long one")
        try await box.waitFor("status reports of the 100 sends", within: .seconds(20)) {
            try box.database().connection.query("SELECT count(*) FROM status_reports") { $0.int(0) }.first ?? 0 >= 100
        }
        await box.shutDown()
    }

    @Test("hang on m2: detected, ladder walked, power-cycled through the simulated GPIO, ready again; the others keep sending")
    func hangRecovery() async throws {
        let box = try ModemdBox()
        try await box.start()
        _ = try box.simulatorControl(#"{"command":"hang","modem":"m2"}"#)
        let hungAt = ContinuousClock.now
        let parts = try Self.parts(to: "31611111111", text: "still working")
        var sentMeanwhile = 0
        // Each look sends one message on every other modem, then reads m2's state.
        func look() async throws -> String? {
            for modem in ["m1", "m3", "m4"] {
                if case .sent(let result) = try await box.call(.send(ModemdSendRequest(modem: modem, parts: parts))),
                   result.outcome == .sent { sentMeanwhile += 1 }
            }
            return try await box.status()["m2"]?.state
        }
        try await box.waitFor("m2 seen hung", within: .seconds(60)) { try await look() != "ready" }
        let detected = ContinuousClock.now - hungAt
        try await box.waitFor("m2 ready again", within: .seconds(60)) { try await look() == "ready" }
        let ready = ContinuousClock.now - hungAt
        print("hang on m2: detected after \(detected), ready again after \(ready); \(sentMeanwhile) sends on the others meanwhile")
        #expect(detected < .seconds(30))
        #expect(ready < .seconds(60))
        #expect(sentMeanwhile > 0)
        let counters = try #require(try await box.status()["m2"]?.counters)
        #expect(counters["ladder_probes"] == 1)
        #expect(counters["ladder_soft_resets"] == 1)
        #expect(counters["ladder_power_cycles"] == 1)
        #expect(counters["recoveries"] == 1)
        #expect(box.modemdLog().contains("power off (GPIO gpiochip0 line 2)"))
        await box.shutDown()
    }

    @Test("a SIM switch lands on the right slot: GPIO select (m1) and AT command (m3)")
    func simSwitch() async throws {
        let box = try ModemdBox()
        try await box.start()
        for modem in ["m1", "m3"] {
            let before = try await box.status()[modem]?.iccid
            guard case .simSwitched(_, let slot, let iccid) = try await box.call(.switchSIM(modem: modem, slot: 1)) else {
                Issue.record("\(modem): no switch answer")
                continue
            }
            #expect(slot == 1)
            #expect(iccid != nil && iccid != before)
            let simulator = try box.simulatorControl(#"{"command":"status"}"#)
            let object = try JSONSerialization.jsonObject(with: Data(simulator.utf8)) as? [String: Any]
            let modems = object?["modems"] as? [[String: Any]] ?? []
            let simulated = modems.first { $0["id"] as? String == modem }
            #expect(simulated?["slot"] as? Int == 1, "\(modem) runs on slot 1 in the simulator")
            #expect(simulated?["iccid"] as? String == iccid)
        }
        await #expect(throws: IPCError.self) { try await box.call(.switchSIM(modem: "m4", slot: 5)) }
        await #expect(throws: IPCError.self) { try await box.call(.switchSIM(modem: "m9", slot: 0)) }
        await box.shutDown()
    }

    @Test("smsgwctl modems shows every modem from modemd's socket and sends through one of them")
    func smsgwctlModems() async throws {
        let box = try ModemdBox()
        try await box.start()
        let table = try runProduct("smsgwctl", ["modems", "--config", box.configPath])
        #expect(table.status == 0, "\(table.standardError)")
        let lines = table.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("MODEM  STATE") == true)
        #expect(lines.dropFirst().map { String($0.prefix(3)) } == ["m1 ", "m2 ", "m3 ", "m4 "])
        #expect(lines.dropFirst().allSatisfy { $0.contains(" ready ") })

        let sent = try runProduct("smsgwctl", [
            "modems", "send", "--socket", box.socketPath, "--modem", "m4", "--to", "+31612345678",
            "--text", String(repeating: "long text [€] ", count: 20),  // 20 × 17 septets: 3 parts of 153
        ])
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(sent.standardOutput.hasPrefix("sent: 3 part(s), TP-MR "))
        #expect(try await box.status()["m4"]?.counters["sends_succeeded"] == 1)

        let unknown = try runProduct("smsgwctl", ["modems", "send", "--socket", box.socketPath, "--modem", "m9", "--to", "+31612345678", "--text", "x"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("no modem \"m9\""))
        await box.shutDown()
    }
}
