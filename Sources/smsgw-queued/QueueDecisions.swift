import GatewayCore
import QueueCore

/// QueueCore's decisions, set up once from the configuration (`[queue]`, `[[routes]]`,
/// `[[sim_groups]]`, `[[sims]]`, `box.time_zone`): the daemon asks, they answer; no decision
/// is made twice.
struct QueueDecisions: Sendable {
    let settings: QueueSettings
    let calendar: LocalCalendar
    let router: MessageRouter
    let selector: SIMSelector
    let pacing: SendPacing
    let retry: RetryPolicy
    let window: SendWindow
    private let strategies: [String: SIMGroup.Strategy]

    init(configuration: GatewayConfiguration, zone: ZoneRules) {
        settings = configuration.queue
        calendar = LocalCalendar(zone: zone)
        router = MessageRouter(configuration: configuration)
        selector = SIMSelector(calendar: calendar, stickyWindow: settings.stickyWindow)
        pacing = SendPacing(jitter: settings.sendJitter)
        retry = RetryPolicy(settings)
        window = SendWindow(calendar: calendar, quietHours: settings.quietHours)
        strategies = Dictionary(configuration.simGroups.map { ($0.id, $0.strategy) }, uniquingKeysWith: { first, _ in first })
    }

    /// The choice strategy of SIM group `group` (least-loaded unless the group says otherwise).
    func strategy(of group: String) -> SIMGroup.Strategy {
        strategies[group] ?? ConfigurationDefaults.simGroupStrategy
    }
}
