import SMPPCodec

/// The SMPP way back upstream: deliver_sm (SMPP 3.4 §4.6) to one of the account's bound
/// receivers or transceivers, in turn. Delivered only on deliver_sm_resp ESME_ROK; an error
/// answer or none within `responseTimeout` → retry (the outbox keeps the entry).
struct SMPPDeliverChannel: UpstreamChannel {
    let receivers: ReceiverRegistry
    var responseTimeout: Duration = .seconds(10)

    /// The route: taken when the account has a receiver bound now.
    func route() -> UpstreamRoute {
        let receivers = receivers
        return UpstreamRoute(name: "smpp", accepts: { await receivers.hasReceiver(account: $0.account) }, channel: self)
    }

    func deliver(_ item: UpstreamItem) async -> ChannelResult {
        guard let link = await receivers.next(account: item.account) else { return .retry("no SMPP receiver bound") }
        let deliver: DeliverSM = switch item.content {
        case .dlr(let report, let facts): DeliverSMBuilder.receipt(report, facts: facts)
        case .mo(let mo): DeliverSMBuilder.mobileOriginated(mo)
        }
        guard let response = await link.request(.deliverSM(deliver), timeout: responseTimeout) else {
            return .retry("no deliver_sm_resp within \(responseTimeout)")
        }
        guard response.commandID == .deliverSMResp, response.commandStatus == .ok else {
            return .retry("deliver_sm answered by \(response.commandID) \(response.commandStatus)")
        }
        return .delivered
    }
}
