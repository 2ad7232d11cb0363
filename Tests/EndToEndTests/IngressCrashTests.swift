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
        var acknowledged: [Int64] = []
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
                acknowledged.append(Int64(response.messageID) ?? -1)
                if acknowledged.count >= 20, !killed, let process = box.process {
                    kill(process.processIdentifier, SIGKILL)
                    killed = true
                }
                if acknowledged.count == 400 { break reading }
            }
        }
        #expect(killed)
        #expect(acknowledged.count >= 20)
        let db = try GatewayDatabase(path: box.databasePath, now: Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)))
        for id in acknowledged {
            #expect(try db.state(of: id) == .queued, "message \(id) was acknowledged")
            #expect(try db.connection.queryFirst("SELECT count(*) FROM message_parts WHERE message_id = ?", id) { $0.int(0) } == 1)
        }
        print("crash test: \(acknowledged.count) acknowledged before the daemon died, all in the store")
    }
}
