import GatewayCore
import SMPPCodec

/// What every SMPP session shares for the way back upstream and its limits: the receivers
/// registry (deliver_sm), the accounts in force, the throughput limiter, the bind-failure guard
/// and the health timers.
struct SessionServices: Sendable {
    let accounts: AccountBook
    let receivers: ReceiverRegistry
    let throughput: ThroughputLimiter
    let bindGuard: BindFailureGuard
    let timers: SMPPSessionTimers

    /// Why a submit is refused before it is read further: the bind's window of unanswered
    /// submits is full (§2.6: ESME_RMSGQFUL) or the account is over its rate (ESME_RTHROTTLED).
    /// Every request counts in the window; only those that carry messages (submit_sm,
    /// submit_multi, data_sm) spend throughput.
    func refusal(account: UpstreamAccount, link: SessionLink, command: CommandID = .submitSM) async -> CommandStatus? {
        // A session whose access a reload revoked takes nothing more while it is unbound.
        if link.revoked.load(ordering: .relaxed) { return .incorrectBindStatus }
        if link.unanswered.load(ordering: .relaxed) >= account.window { return .messageQueueFull }
        let carriesMessages = command == .submitSM || command == .submitMulti || command == .dataSM
        if carriesMessages, await !throughput.admit(account: account.id) { return .throttled }
        return nil
    }

    /// The bound account as the configuration says now: a reload's new window, throughput,
    /// classes apply to the next request of a session bound before it.
    func current(_ account: UpstreamAccount) -> UpstreamAccount { accounts.refreshed(account) ?? account }

    /// A bind succeeded: a receiver or transceiver can now be sent deliver_sm. Its registry id.
    func bound(account: UpstreamAccount, kind: SMPPSession.BindKind, link: SessionLink) async -> Int? {
        link.bound.store(true, ordering: .relaxed)
        guard kind != .transmitter else { return nil }
        return await receivers.add(account: account.id, link: link)
    }

    func bindFailed(from address: String) async { await bindGuard.failed(address) }

    /// Slows down an address that keeps failing to bind (up to 5 s).
    func waitBeforeBindAnswer(from address: String) async {
        let delay = await bindGuard.delay(for: address)
        if delay > .zero { try? await Task.sleep(for: delay) }
    }
}
