import GatewayCore
import GatewayStore
import Webhooks

/// The dlr-url route (Kannel's sendsms `dlr-url`): a DLR whose message carries one is called
/// back there with a GET, its `%` placeholders filled from the message (docs/webhooks.md).
/// First in the route table: a platform that gave a URL per message expects it there.
struct KannelCallbackChannel: UpstreamChannel {
    let http: WebhookChannel
    let store: OutboxStore
    /// The accounts in force: each one's sendsms user (`%n`), when it has one.
    let accounts: AccountBook

    func route() -> UpstreamRoute {
        UpstreamRoute(name: "kannel-dlr-url", accepts: { $0.dlrURL != nil }, channel: self)
    }

    func deliver(_ item: UpstreamItem) async -> ChannelResult {
        guard case .dlr(let report, _) = item.content, let template = item.dlrURL else {
            return .reject("not a DLR with a dlr-url")
        }
        let source: KannelCallbackSource?
        do { source = try await store.kannelCallback(forMessage: report.messageID) } catch {
            return .retry("store: \(error)")
        }
        guard let source,
              let values = KannelCallbackValues(source, state: report.state, at: report.at, username: accounts.current.usernames[item.account])
        else { return .reject("no Kannel report type for message \(report.messageID) in state \(report.state.rawValue)") }
        return await http.deliverKannelCallback(template: template, values: values)
    }
}

/// The webhook route: an account with `[accounts.webhook]` that takes this kind of event gets it
/// as a signed JSON POST; an account without one, or not taking the kind, falls through to SMPP.
struct WebhookUpstreamChannel: UpstreamChannel {
    let http: WebhookChannel
    /// The accounts in force: their webhooks as the last reload left them.
    let accounts: AccountBook

    func route() -> UpstreamRoute {
        let accounts = accounts
        return UpstreamRoute(name: "webhook", accepts: { item in
            accounts.current.webhooks[item.account]?.wants(Self.event(of: item)) ?? false
        }, channel: self)
    }

    func deliver(_ item: UpstreamItem) async -> ChannelResult {
        guard let target = accounts.current.webhooks[item.account] else { return .reject("account \(item.account) has no webhook") }
        return await http.deliver(event: Self.event(of: item), to: target)
    }

    /// The webhook body of an outbox item: a status report's TP-ST, when a report failed the
    /// message, is the DLR's `error`.
    static func event(of item: UpstreamItem) -> WebhookEvent {
        switch item.content {
        case .dlr(let report, let facts):
            var event = MessageStatusEvent(report)
            if report.state != .delivered, let status = facts?.reportStatus {
                event.error = "status report TP-ST 0x\(String(status, radix: 16, uppercase: true))"
            }
            return .status(event)
        case .mo(let payload):
            return .inbound(InboundMessageEvent(inboundID: payload.inboundID, originator: payload.originator,
                                                text: payload.text, receivedAt: payload.receivedAt,
                                                isComplete: payload.complete))
        }
    }
}
