import GatewayCore

/// The top-level sections of gateway.toml (docs/configuration.md), for telling which parts of a
/// reloaded file changed and whether a daemon can take them live.
public enum ConfigurationSection: String, Sendable, CaseIterable, Comparable {
    case box, store, runtime, gpio, simulator, watchdog, listeners
    case simDefaults = "sim_defaults"
    case modems
    case simGroups = "sim_groups"
    case sims, accounts, routing, queue, inbound, delivery

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The sections whose values differ between `old` and `new`, in file-documentation order.
    public static func changed(from old: GatewayConfiguration, to new: GatewayConfiguration) -> [ConfigurationSection] {
        allCases.filter { !$0.same(old, new) }
    }

    private func same(_ a: GatewayConfiguration, _ b: GatewayConfiguration) -> Bool {
        switch self {
        case .box: a.box == b.box
        case .store: a.store == b.store
        case .runtime: a.runtime == b.runtime
        case .gpio: a.gpio == b.gpio
        case .simulator: a.simulator == b.simulator
        case .watchdog: a.watchdog == b.watchdog
        case .listeners: a.listeners == b.listeners
        case .simDefaults: a.simDefaults == b.simDefaults
        case .modems: a.modems == b.modems
        case .simGroups: a.simGroups == b.simGroups
        case .sims: a.sims == b.sims
        case .accounts: a.accounts == b.accounts
        case .routing: a.routing == b.routing
        case .queue: a.queue == b.queue
        case .inbound: a.inbound == b.inbound
        case .delivery: a.delivery == b.delivery
        }
    }
}
