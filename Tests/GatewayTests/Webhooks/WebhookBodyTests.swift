import GatewayCore
import GatewayStore
import Testing
@testable import Webhooks

@Suite("Webhook bodies, signatures and times")
struct WebhookBodyTests {
    static let at = Timestamp(millisecondsSince1970: 1_700_000_000_123)

    /// The documented DLR body (docs/webhooks.md), byte for byte: keys sorted, nulls written.
    @Test func statusBody() {
        let event = WebhookEvent.status(MessageStatusEvent(messageID: 42, clientReference: "ref-1", state: .delivered, at: Self.at))
        #expect(event.body == #"{"at":"2023-11-14T22:13:20.123Z","client_reference":"ref-1","error":null,"#
            + #""event_id":"status-42-delivered","message_id":"42","state":"delivered","type":"message.status","#
            + #""upstream_message_id":null,"version":1}"#)
        #expect(event.kind == .dlr)
    }

    /// The store's outbox payload becomes the same event (no error text in it).
    @Test func statusFromTheOutboxPayload() {
        let payload = DeliveryReportPayload(messageID: 9, upstreamMessageID: "up-9", clientReference: nil, state: .failed,
                                            at: Self.at, statusReportID: 3)
        #expect(MessageStatusEvent(payload) == MessageStatusEvent(messageID: 9, upstreamMessageID: "up-9", state: .failed, at: Self.at))
    }

    /// A DLR about one part an ESME submitted on its own (SMPP, UDH or SAR) names that submit's
    /// id in `message_id` and `event_id`: one event per id it was given, none dropped as a repeat.
    @Test func statusOfASubmittedPart() throws {
        let payload = DeliveryReportPayload(messageID: 42, upstreamMessageID: nil, clientReference: nil, state: .delivered,
                                            at: Self.at, statusReportID: 3, submitID: "42-2")
        let event = WebhookEvent.status(MessageStatusEvent(payload))
        #expect(event.body == #"{"at":"2023-11-14T22:13:20.123Z","client_reference":null,"error":null,"#
            + #""event_id":"status-42-2-delivered","message_id":"42-2","state":"delivered","type":"message.status","#
            + #""upstream_message_id":null,"version":1}"#)
        #expect(try DeliveryReportPayload(json: Array(payload.json.utf8)) == payload, "the outbox payload reads back")
    }

    /// MO body with text needing every JSON escape: quote, backslash, newline, a control
    /// character, and non-ASCII (written as UTF-8, not escaped).
    @Test func inboundBodyEscapes() {
        let event = WebhookEvent.inbound(InboundMessageEvent(inboundID: 7, originator: "+31612345678",
                                                              text: "Ja \"ok\" \\ 1\n2\u{1}€", receivedAt: Self.at, isComplete: false))
        #expect(event.body == #"{"complete":false,"event_id":"inbound-7","inbound_id":"7","originator":"+31612345678","#
            + #""received_at":"2023-11-14T22:13:20.123Z","text":"Ja \"ok\" \\ 1\n2\u0001€","type":"message.inbound","version":1}"#)
        #expect(event.kind == .mo)
    }

    /// The signature of the documented body, computed by Python's hmac (docs/webhooks.md secret).
    @Test func signatureMatchesPythonHMAC() {
        let event = WebhookEvent.status(MessageStatusEvent(messageID: 42, clientReference: "ref-1", state: .delivered, at: Self.at))
        let headers = WebhookSignature.headers(for: event, body: event.body, secret: "whsec-test-0123456789", at: Self.at)
        #expect(headers == [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("X-Smsgw-Event", "message.status"),
            HTTPHeader("X-Smsgw-Timestamp", "1700000000"),
            HTTPHeader("X-Smsgw-Signature", "sha256=811281ba01905e4496df90df774a004fec1b18d5afd0548acda366b612f317f7"),
        ])
    }

    /// A target posts only the events it asked for, with its timeout and CA file.
    @Test func targetRequest() {
        let settings = WebhookSettings(url: "https://up.example/h", secret: "0123456789abcdef", events: [.mo],
                                       timeout: .seconds(3), caFile: "/ca.pem")
        let target = WebhookTarget(account: "a", settings: settings)
        let inbound = WebhookEvent.inbound(InboundMessageEvent(inboundID: 1, originator: "x", text: "", receivedAt: Self.at, isComplete: true))
        let status = WebhookEvent.status(MessageStatusEvent(messageID: 1, state: .sent, at: Self.at))
        #expect(target.wants(inbound) && !target.wants(status))
        let request = target.request(for: inbound, at: Self.at)
        #expect(request.method == .post && request.url == "https://up.example/h" && request.caFile == "/ca.pem")
        #expect(request.totalTimeout == .seconds(3) && request.connectTimeout == .seconds(3))
        #expect(request.body == Array(inbound.body.utf8))
    }

    /// Only enabled accounts with a webhook table get a target.
    @Test func targetsOfAccounts() {
        let settings = WebhookSettings(url: "http://up/h", secret: "0123456789abcdef")
        func account(_ id: String, enabled: Bool = true, webhook: WebhookSettings?) -> UpstreamAccount {
            UpstreamAccount(id: id, enabled: enabled, throughput: 1, maxBinds: 1, allowedClasses: [.otp], defaultClass: .otp,
                            smpp: nil, http: HTTPCredentials(apiKeys: []), webhook: webhook)
        }
        let targets = WebhookTarget.targets(of: [account("a", webhook: settings), account("b", webhook: nil),
                                                 account("c", enabled: false, webhook: settings)])
        #expect(targets == ["a": WebhookTarget(account: "a", settings: settings)])
    }

    struct TimeVector: Sendable, CustomTestStringConvertible {
        var why: String
        var milliseconds: Int64
        var text: String
        var testDescription: String { why }
    }

    @Test(arguments: [
        // The epoch itself: every field zero-padded.
        TimeVector(why: "epoch", milliseconds: 0, text: "1970-01-01T00:00:00.000Z"),
        // A leap day in a century year divisible by 400.
        TimeVector(why: "2000-02-29", milliseconds: 951_782_400_999, text: "2000-02-29T00:00:00.999Z"),
        // The last millisecond of a year.
        TimeVector(why: "year end", milliseconds: 1_704_067_199_999, text: "2023-12-31T23:59:59.999Z"),
        // Before 1970: floor division, not truncation, for the day and the time of day.
        TimeVector(why: "before the epoch", milliseconds: -1, text: "1969-12-31T23:59:59.999Z"),
    ])
    func rfc3339(_ vector: TimeVector) {
        #expect(RFC3339.format(Timestamp(millisecondsSince1970: vector.milliseconds)) == vector.text)
    }
}
