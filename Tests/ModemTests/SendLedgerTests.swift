import ModemProfiles
import SMSCodec
import Testing
@testable import ModemSimulator

/// The simulator's ledger (docs/modemsim.md `ledger`): every AT+CMGS body, what it was and what
/// became of it — the witness end-to-end tests count against the store.
@Suite("Simulated modem: the send ledger")
struct SendLedgerTests {
    static func submit(to number: String, text: String) throws -> (hex: String, length: Int) {
        let destination = try SMSAddress(parsing: number, field: .destination)
        let part = try #require(try SubmitEncoder.encode(SubmitRequest(destination: destination, text: text)).parts.first)
        return (part.hex, part.tpduLength)
    }

    static func send(_ pdu: (hex: String, length: Int), on harness: inout ModemHarness) {
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")
    }

    @Test("a body is pending until +CMGS is written, then sent, with its destination, text, SIM and TP-MR")
    func sentBody() throws {
        var harness = SendingTests.ready()
        Self.send(try Self.submit(to: "+31612345678", text: "first"), on: &harness)
        let pending = try #require(harness.modem.ledger.entries.first)
        #expect(pending.answer == .pending)
        #expect(pending.destination == "+31612345678" && pending.text == "first" && pending.reference == 0)
        #expect(pending.modem == harness.modem.id && pending.slot == 0 && pending.iccid == harness.modem.sims[0].iccid)
        _ = harness.settle()
        #expect(harness.modem.ledger.entries.map(\.answer) == [.sent])
        Self.send(try Self.submit(to: "+31612345679", text: "second"), on: &harness)
        _ = harness.settle()
        #expect(harness.modem.ledger.entries.map(\.destination) == ["+31612345678", "+31612345679"])
        #expect(harness.modem.ledger.entries.map(\.reference) == [0, 1])
    }

    @Test("a refused body (+CMS ERROR) is recorded as refused with its code; nothing went out")
    func refusedBody() throws {
        var harness = SendingTests.ready()
        _ = harness.handle(.misbehave(.cmsError(code: 500, rate: 1)))
        Self.send(try Self.submit(to: "+31612345678", text: "no"), on: &harness)
        _ = harness.settle()
        let entry = try #require(harness.modem.ledger.entries.first)
        #expect(entry.answer == .refused && entry.error == 500 && entry.reference == nil)
        #expect(!entry.answer.wentOut)
    }

    @Test("a power cut before the answer leaves the body cut; hang-in-send leaves it hung")
    func unansweredBodies() throws {
        var harness = SendingTests.ready()
        Self.send(try Self.submit(to: "+31612345678", text: "cut"), on: &harness)
        _ = harness.advance(by: .milliseconds(100))
        _ = harness.handle(.powerOff)
        #expect(harness.modem.ledger.entries.map(\.answer) == [.cut])

        var hanging = SendingTests.ready()
        _ = hanging.handle(.misbehave(.hangInSend))
        Self.send(try Self.submit(to: "+31612345678", text: "hung"), on: &hanging)
        _ = hanging.settle()
        #expect(hanging.modem.ledger.entries.map(\.answer) == [.hung])
        #expect(hanging.modem.ledger.entries.allSatisfy { $0.answer.wentOut })
    }

    @Test("a part of a long message carries its concatenation header")
    func concatenatedPart() throws {
        var harness = SendingTests.ready()
        let destination = try SMSAddress(parsing: "+31612345678", field: .destination)
        let parts = try SubmitEncoder.encode(SubmitRequest(destination: destination, text: String(repeating: "long ", count: 40))).parts
        #expect(parts.count == 2)
        for part in parts {
            Self.send((part.hex, part.tpduLength), on: &harness)
            _ = harness.settle()
        }
        let headers = harness.modem.ledger.entries.compactMap(\.concatenation)
        #expect(headers.map(\.sequence) == [1, 2] && headers.allSatisfy { $0.total == 2 })
    }
}
