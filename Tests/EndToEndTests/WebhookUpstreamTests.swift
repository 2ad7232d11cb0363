import Foundation
import GatewayCore
import GatewayStore
import Testing

/// The way back upstream over HTTP with every daemon running (simulator, modemd, queued,
/// ingressd): status reports become signed `message.status` webhooks, a message with a Kannel
/// dlr-url is called back there instead (GET, placeholders filled), and an SMS arriving at a
/// modem becomes a `message.inbound` webhook of the `[inbound]` default account. The receiver
/// checks each signature with the verifier printed in docs/webhooks.md.
@Suite("Webhooks upstream", .serialized)
struct WebhookUpstreamTests {
    static let secret = "whsec-0123456789abcdef"

    /// One group of SIMs, no SMPP or HTTP listener, and the account `acme` whose webhook is
    /// `receiver`'s and who gets the inbound messages.
    static func webhookBox(_ receiver: WebhookReceiverBox) throws -> QueuedBox {
        try QueuedBox(extra: QueuedEndToEndTests.oneGroup + """

            [listeners.smpp]
            enabled = false
            [listeners.http]
            enabled = false
            [inbound]
            default_account = "acme"
            [[accounts]]
            id = "acme"
            [accounts.http]
            api_keys = ["sha256:\(String(repeating: "ab", count: 32))"]
            [accounts.webhook]
            url = "\(receiver.base)/hook"
            secret = "\(Self.secret)"

            """)
    }

    @Test func reportsAndInboundReachTheWebhook() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        let box = try Self.webhookBox(receiver)
        try await box.start()
        box.processes["ingressd"] = try box.launch("smsgw-ingressd", ["--config", box.configPath], log: "ingressd")
        var messages = (0..<3).map { QueuedBox.message(to: "+3161234000\($0)", .transactional, report: true) }
        var kannel = QueuedBox.message(to: "+31612349999", .transactional, report: true)
        kannel.dlrURL = "\(receiver.base)/kannel?type=%d&id=%I&to=%P&from=%p"
        messages.append(kannel)
        let ids = try box.accept(messages)

        try await box.waitFor("three status webhooks and one Kannel callback", within: .seconds(60)) {
            let requests = try receiver.requests()
            return requests.filter { $0.path == "/hook" }.count >= 3 && requests.contains { $0.path.hasPrefix("/kannel") }
        }
        let hooks = try receiver.requests().filter { $0.path == "/hook" }
        #expect(hooks.count == 3, "one webhook per message, the dlr-url one excepted")
        #expect(hooks.allSatisfy { $0.verified && $0.method == "POST" }, "every signature verifies")
        for hook in hooks {
            let body = try #require(try JSONSerialization.jsonObject(with: Data(hook.body.utf8)) as? [String: Any])
            #expect(body["type"] as? String == "message.status" && body["state"] as? String == "delivered")
            #expect(ids.prefix(3).map(String.init).contains(body["message_id"] as? String ?? ""))
        }
        let callback = try #require(try receiver.requests().first { $0.path.hasPrefix("/kannel") })
        #expect(callback.method == "GET")
        #expect(callback.path == "/kannel?type=1&id=\(ids[3])&to=%2B31612349999&from=ACME", "Kannel's %d 1 = delivered")

        _ = try box.simulatorControl(#"{"command":"inbound","modem":"m2","from":"+31687654321","text":"STOP please"}"#)
        try await box.waitFor("the inbound webhook", within: .seconds(30)) {
            try receiver.requests().contains { $0.body.contains("message.inbound") }
        }
        let inbound = try #require(try receiver.requests().first { $0.body.contains("message.inbound") })
        let body = try #require(try JSONSerialization.jsonObject(with: Data(inbound.body.utf8)) as? [String: Any])
        #expect(inbound.verified)
        #expect(body["originator"] as? String == "+31687654321" && body["text"] as? String == "STOP please")
        #expect(try box.count("SELECT count(*) FROM upstream_outbox WHERE state = 'done'") == 5)
        box.stop()
    }
}
