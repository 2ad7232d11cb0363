import GatewayCore
import GatewayDaemon
import Logging

/// What ingressd does with a reload (docs/configuration.md, "Reloading"; `ReloadPolicy.ingressd`):
/// new `accounts` go into the one `AccountBook` every bind, request and upstream delivery reads
/// (credentials, enabled, window, classes, webhooks), the throughput limiter takes the new
/// rates, and the SMPP sessions of an account removed, disabled or given another system_id or
/// password are unbound and closed (after their submits in flight are answered); `delivery`
/// and `inbound` go to the outbox dispatcher for its next entries. Listeners stay as bound.
struct IngressReload: Sendable {
    let accounts: AccountBook
    let authenticator: BindAuthenticator
    let throughput: ThroughputLimiter
    let dispatcher: OutboxDispatcher
    /// The web page's login (`[listeners.admin]` user and password are live; the rest of
    /// `listeners` is restart-only, `ReloadPolicy.adminLoginOnly`).
    let admin: AdminAuth
    let logger: Logger

    func apply(_ configuration: GatewayConfiguration, _ sections: [ConfigurationSection]) async {
        if sections.contains(.accounts) {
            accounts.replace(with: configuration.accounts)
            await throughput.update(accounts: configuration.accounts)
            let revoked = await authenticator.revoke(under: accounts.current)
            for (account, sessions) in revoked.sorted(by: { $0.key < $1.key }) {
                logger.notice("reload: account \(account) lost its access: unbinding its \(sessions) SMPP session(s)")
            }
        }
        if sections.contains(.listeners) {
            await admin.take(configuration.listeners.admin)
            logger.notice("reload: the web page's login is now user \(configuration.listeners.admin.user) with the file's password")
        }
        if !Set(sections).isDisjoint(with: [.accounts, .delivery, .inbound]) {
            await dispatcher.reconfigure(accounts: configuration.accounts, delivery: configuration.delivery,
                                         inbound: configuration.inbound)
        }
    }
}
