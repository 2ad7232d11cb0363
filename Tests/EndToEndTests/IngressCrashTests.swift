import Foundation
import GatewayCore
import GatewayStore
import SMPPCodec
import Testing

/// "Accepted is never lost" from outside: ingressd is killed with SIGKILL while submits are in
/// flight, right after some were acknowledged. Every message_id a submit_sm_resp carried must be
/// in the store, queued, with its parts (its commit was durable before the answer was written);
/// submits not answered may or may not be there (upstream will resend them).
@Suite("ingressd crash", .serialized)
struct IngressCrashTests {
    @Test("kill -9 right after acknowledgements: every acknowledged message is in the store")
    func killedAfterAcknowledging() async throws {
        let box = try IngressSMPPBox(logLevel: "info")
        try await box.start()
        let connection = try BlockingTCPConnection(port: box.port)
        var decoder = SMPPFrameDecoder()
        // message_id by the sequence number of the submit_sm it answered (submit `index` is `index + 2`).
        var acknowledged: [UInt32: Int64] = [:]
        var killed = false
        try connection.write(PDU(.bindTransmitter(Bind(systemID: "esme", password: "s3cret")), sequenceNumber: 1).encoded())
        var submits: [UInt8] = []
        for index in 0..<400 {
            let submit = SubmitSM(source: SMEAddress(address: "ACME"),
                                  destination: SMEAddress(ton: .international, npi: .isdn, address: "31612\(String(format: "%06d", index))"),
                                  shortMessage: Array("Order \(index) shipped".utf8))
            submits += try PDU(.submitSM(submit), sequenceNumber: UInt32(index + 2)).encoded()
        }
        try connection.write(submits)
        reading: while true {
            let bytes = try connection.read()
            if bytes.isEmpty { break }  // the daemon is gone
            decoder.append(bytes)
            while let frame = try decoder.nextFrame() {
                let pdu = try PDU(decoding: frame)
                guard case .submitSMResp(let response?) = pdu.body, pdu.commandStatus == .ok else { continue }
                #expect(acknowledged.updateValue(Int64(response.messageID) ?? -1, forKey: pdu.sequenceNumber) == nil,
                        "one answer per submit_sm")
                if acknowledged.count >= 20, !killed, let process = box.process {
                    kill(process.processIdentifier, SIGKILL)
                    killed = true
                }
                if acknowledged.count == 400 { break reading }
            }
        }
        #expect(killed)
        #expect(Set(acknowledged.values).count == acknowledged.count, "each acknowledgement names its own message")
        // The store counted against what the ESME was told, message by message: each acknowledged
        // message_id is stored, queued, with one part, holding the submit it answered; what was
        // stored beyond those is submits the daemon took but died before answering, each once.
        let db = try GatewayDatabase(path: box.databasePath, now: Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)))
        let stored = Dictionary(uniqueKeysWithValues: try db.connection.query(
            "SELECT id, destination, text, state, (SELECT count(*) FROM message_parts WHERE message_id = messages.id) FROM messages") {
            ($0.int64(0), (destination: $0.text(1), text: $0.text(2), state: $0.text(3), parts: $0.int(4)))
        })
        for (sequence, id) in acknowledged.sorted(by: { $0.key < $1.key }) {
            let index = Int(sequence) - 2
            let message = stored[id]
            #expect(message?.state == "queued" && message?.parts == 1, "message \(id) was acknowledged: \(String(describing: message))")
            #expect(message?.destination == "+31612\(String(format: "%06d", index))" && message?.text == "Order \(index) shipped",
                    "message \(id) holds the submit it answered (#\(index)): \(String(describing: message))")
        }
        let destinations = stored.values.map(\.destination)
        #expect(Set(destinations).count == destinations.count, "no submit stored twice")
        #expect(destinations.allSatisfy { $0.hasPrefix("+31612") && Int($0.dropFirst(6)).map { (0..<400).contains($0) } == true },
                "nothing stored that was not submitted")
        print("crash test: \(acknowledged.count) acknowledged before the daemon died, all in the store; \(stored.count) stored")
    }
}
