import Foundation
import GatewayCore
import GatewayStore
import Testing

/// An inbound SMS leaves the box as soon as modemd has stored it (docs/modemd.md, "Receiving";
/// docs/ipc.md, "Wake-ups"): modemd's store write wakes ingressd's upstream outbox
/// (`ingressd.wake`), which forwards it to the `[inbound]` default account's webhook at once.
/// The outbox's safety-net sweep is an hour here (`--outbox-sweep 3600`): a message that
/// arrives came by the wake-up, not by a timer. Each latency — the webhook's arrival at the
/// receiver less the message's `completed_at` in the store, both wall clock — is printed.
@Suite("Inbound messages go upstream on modemd's wake-up", .serialized)
struct InboundWakeTests {
    @Test func inboundLeavesOnTheWakeUp() async throws {
        let receiver = try WebhookReceiverBox(secret: WebhookUpstreamTests.secret)
        let box = try WebhookUpstreamTests.webhookBox(receiver)
        try await box.start()
        box.processes["ingressd"] = try box.launch("smsgw-ingressd", ["--config", box.configPath, "--outbox-sweep", "3600"],
                                                   log: "ingressd")
        try await box.waitFor("ingressd's control socket") { FileManager.default.fileExists(atPath: "\(box.runtime)/ingressd.sock") }

        // One at a time, each on its own modem, each after the last arrived: every one but
        // perhaps the first is stored long after the outbox's only sweep (at its start).
        var latencies: [Int64] = []
        for (index, modem) in ["m1", "m2", "m3", "m4"].enumerated() {
            let text = "reply \(index)"
            _ = try box.simulatorControl(#"{"command":"inbound","modem":"\#(modem)","from":"+3168765432\#(index)","text":"\#(text)"}"#)
            try await box.waitFor("the webhook of inbound message \(index)", within: .seconds(20)) {
                try receiver.requests().contains { $0.body.contains("\"text\":\"\(text)\"") }
            }
            let request = try #require(try receiver.requests().first { $0.body.contains("\"text\":\"\(text)\"") })
            #expect(request.verified && request.body.contains("message.inbound"))
            let completed = try #require(try box.database().connection.queryFirst(
                "SELECT completed_at FROM inbound_messages WHERE text = ?", text) { $0.int64(0) })
            latencies.append(Int64((request.received_at * 1000).rounded()) - completed)
        }
        print("inbound stored → webhook received (ms): \(latencies)")
        #expect(try box.count("SELECT count(*) FROM upstream_outbox WHERE kind = 'mo' AND state = 'done'") == 4)
        box.stop()
    }
}
