import Foundation
import GatewayCore
import Testing
import Webhooks
@testable import IngressdDaemon

/// Webhooks and Kannel callbacks through the real libcurl client against a local Python
/// receiver that verifies signatures with the documented verifier (docs/webhooks.md).
@Suite("Webhook delivery over HTTP(S)", .serialized)
struct WebhookDeliveryTests {
    static let secret = "whsec-test-0123456789"
    static let event = WebhookEvent.status(MessageStatusEvent(
        messageID: 42, clientReference: "ref-1", state: .delivered, at: Timestamp(millisecondsSince1970: 1_700_000_000_123)))

    static func target(_ url: String, secret: String = secret, timeout: Duration = .seconds(5), caFile: String? = nil,
                       events: [WebhookEventKind] = [.dlr, .mo]) -> WebhookTarget {
        WebhookTarget(account: "acme", settings: WebhookSettings(url: url, secret: secret, events: events, timeout: timeout, caFile: caFile))
    }

    static func withChannel<T>(workers: Int = 2, _ body: (WebhookChannel) async throws -> T) async throws -> T {
        let client = HTTPCallClient(workers: workers, userAgent: ProductVersion.userAgent)
        let result = try await body(WebhookChannel(client: client))
        try await client.shutdown()
        return result
    }

    /// The receiver checks the signature with Python's hmac (the documented code) and gets the
    /// exact body, headers and User-Agent.
    @Test func signedDLRVerifiedByTheReceiver() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        let result = try await Self.withChannel { await $0.deliver(event: Self.event, to: Self.target(receiver.base + "/hook")) }
        #expect(result == .delivered)
        let request = try #require(try receiver.requests().first)
        #expect(request.method == "POST" && request.path == "/hook" && request.verified)
        #expect(request.body == Self.event.body)
        #expect(request.headers["user-agent"] == "smsgw/\(ProductVersion.current)")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["x-smsgw-event"] == "message.status")
        #expect(request.headers["expect"] == nil)
    }

    /// A signature made with another secret fails the documented verifier: 401 → reject.
    @Test func wrongSecretIsRefused() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        let result = try await Self.withChannel {
            await $0.deliver(event: Self.event, to: Self.target(receiver.base + "/hook", secret: "another-secret-0123"))
        }
        #expect(result == .reject("HTTP 401"))
        #expect(try receiver.requests().map(\.verified) == [false])
    }

    /// The outcome mapping against real answers: 5xx, 408, 429 retry; 404, 410, 3xx reject; 2xx delivered.
    @Test(arguments: [(200, ChannelResult.delivered), (202, .delivered), (500, .retry("HTTP 500")), (503, .retry("HTTP 503")),
                      (408, .retry("HTTP 408")), (429, .retry("HTTP 429")), (404, .reject("HTTP 404")),
                      (400, .reject("HTTP 400")), (302, .reject("HTTP 302"))])
    func statusCodes(status: Int, expected: ChannelResult) async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        let result = try await Self.withChannel {
            await $0.deliver(event: Self.event, to: Self.target(receiver.base + "/status/\(status)"))
        }
        #expect(result == expected)
    }

    /// An upstream slower than the configured timeout: a retry because curl timed out (error
    /// 28); had the client waited for the slow answer (200 after 4 s) it would be `delivered`.
    /// No wall-clock bound is asserted: timed tests fail on a loaded machine.
    @Test func timeoutIsARetry() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        let result = try await Self.withChannel {
            await $0.deliver(event: Self.event, to: Self.target(receiver.base + "/slow/4", timeout: .seconds(1)))
        }
        guard case .retry(let why) = result else { Issue.record("expected a retry, got \(result)"); return }
        #expect(why.contains("curl error 28"))
    }

    /// Nobody listening (port 1 is closed on the test machine): a retry; a URL that is not
    /// http(s): a rejection without a call.
    @Test func transportFailures() async throws {
        try await Self.withChannel { channel in
            let refused = await channel.deliver(event: Self.event, to: Self.target("http://127.0.0.1:1/hook"))
            guard case .retry(let why) = refused else { Issue.record("expected a retry, got \(refused)"); return }
            #expect(why.contains("curl error 7"))
            let invalid = await channel.deliverKannelCallback(template: "file:///etc/passwd", values: KannelCallbackValuesFixture.values)
            guard case .reject = invalid else { Issue.record("expected a rejection, got \(invalid)"); return }
        }
    }

    /// The scheme is case-insensitive (RFC 3986 §3.1), as the configuration check reads it.
    @Test func upperCaseScheme() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        let url = "HTTP://127.0.0.1:\(receiver.port)/hook"
        #expect(WebhookSettings.urlProblem(url) == nil)
        let result = try await Self.withChannel { await $0.deliver(event: Self.event, to: Self.target(url)) }
        #expect(result == .delivered)
    }

    /// An event kind the account did not ask for is not posted.
    @Test func unwantedKindIsRejectedWithoutACall() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        let result = try await Self.withChannel {
            await $0.deliver(event: Self.event, to: Self.target(receiver.base + "/hook", events: [.mo]))
        }
        #expect(result == .reject("account acme takes no dlr webhooks"))
        #expect(try receiver.requests().isEmpty)
    }

    /// One worker, three calls: one kept-alive connection (the same client port each time).
    @Test func connectionsAreKeptAlive() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        try await Self.withChannel(workers: 1) { channel in
            for _ in 0..<3 { #expect(await channel.deliver(event: Self.event, to: Self.target(receiver.base + "/hook")) == .delivered) }
        }
        let ports = try receiver.requests().map(\.client_port)
        #expect(ports.count == 3 && Set(ports).count == 1)
    }

    /// Calls block pool threads, never the cooperative pool: four 1 s calls on four workers take
    /// about 1 s together, and meanwhile other tasks keep running.
    @Test func blockingCallsLeaveTheCooperativePoolFree() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        let slow = Self.target(receiver.base + "/slow/1")
        try await Self.withChannel(workers: 4) { channel in
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: ChannelResult.self) { group in
                for _ in 0..<4 { group.addTask { await channel.deliver(event: Self.event, to: slow) } }
                // While the four calls wait on the receiver, this task's short sleeps keep waking on
                // time: these sleeps are what the test measures, not a wait for anything.
                var ticks = 0
                while ContinuousClock.now - started < .milliseconds(600) {
                    try await Task.sleep(for: .milliseconds(20))
                    ticks += 1
                }
                #expect(ticks >= 15)
                for try await result in group { #expect(result == .delivered) }
            }
            #expect(ContinuousClock.now - started < .milliseconds(2_500))
        }
    }

    /// A Kannel dlr-url is fetched with GET, placeholders expanded and encoded.
    @Test func kannelCallback() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret)
        let result = try await Self.withChannel {
            await $0.deliverKannelCallback(template: receiver.base + "/dlr?id=%I&type=%d&to=%P&reply=%A",
                                           values: KannelCallbackValuesFixture.values)
        }
        #expect(result == .delivered)
        let request = try #require(try receiver.requests().first)
        #expect(request.method == "GET" && request.path == "/dlr?id=42&type=1&to=%2B31612345678&reply=stat%3ADELIVRD")
    }

    /// https with a self-signed certificate: trusted through `ca_file`, refused (TLS failure →
    /// retry) against the system CA store. Verification is never off.
    @Test func httpsVerifiesTheServer() async throws {
        let receiver = try WebhookReceiverBox(secret: Self.secret, tls: true)
        try await Self.withChannel { channel in
            let trusted = await channel.deliver(event: Self.event,
                                                to: Self.target(receiver.base + "/hook", caFile: receiver.certificatePath))
            #expect(trusted == .delivered)
            let untrusted = await channel.deliver(event: Self.event, to: Self.target(receiver.base + "/hook"))
            guard case .retry(let why) = untrusted else { Issue.record("expected a retry, got \(untrusted)"); return }
            #expect(why.contains("curl error 60"))
        }
        #expect(try receiver.requests().map(\.verified) == [true])
    }
}

enum KannelCallbackValuesFixture {
    static let values = KannelCallbackValues(
        reportType: .delivered, smscReply: KannelReportType.delivered.smscReply, time: Timestamp(millisecondsSince1970: 1_700_000_000_000),
        sender: "Shop", receiver: "+31612345678", smscID: "sim-1", messageID: "42", text: "Hi", username: "demo", account: "acme")
}
