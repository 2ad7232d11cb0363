import GatewayCore
import GatewayStore

/// A way back upstream (docs/architecture.md, MT step 6 and MO): SMPP deliver_sm to a bound receiver, a
/// signed webhook, a Kannel dlr-url GET. The outbox dispatcher hands each claimed entry to the
/// first route that accepts it (`UpstreamRoute`) and records what the channel answered.
protocol UpstreamChannel: Sendable {
    func deliver(_ item: UpstreamItem) async -> ChannelResult
}

/// What a channel made of one item.
enum ChannelResult: Sendable, Equatable {
    /// Upstream took it (deliver_sm_resp ESME_ROK, HTTP 2xx): the entry is done.
    case delivered
    /// Not now (no answer, an error answer, unreachable): try again after the back-off.
    case retry(String)
    /// Upstream will never take it (the payload is refused as such): the entry is given up.
    case reject(String)
}

/// One outbox entry with its payload read: a DLR (with the facts of its receipt) or an MO.
struct UpstreamItem: Sendable {
    enum Content: Sendable {
        case dlr(DeliveryReportPayload, ReceiptFacts?)
        case mo(InboundPayload)
    }

    var entryID: Int64
    var account: String
    /// Attempts so far, this one included.
    var attempts: Int
    var content: Content

    /// The message's Kannel dlr-url, for a DLR that has one (routed to the dlr-url channel first).
    var dlrURL: String? {
        if case .dlr(_, let facts) = content { facts?.dlrURL } else { nil }
    }
}

/// One entry of the ordered route table: the first route whose `accepts` says yes gets the item
/// (jasmin's routing tables: ordered, first match wins). No route accepting → the item is held
/// (without spending an attempt) until a channel becomes available.
struct UpstreamRoute: Sendable {
    var name: String
    var accepts: @Sendable (UpstreamItem) async -> Bool
    var channel: any UpstreamChannel
}
