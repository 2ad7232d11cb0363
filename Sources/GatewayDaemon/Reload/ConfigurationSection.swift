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

    /// Sets this section of `target` to its value in `source` (a reload applying it live).
    public func copy(from source: GatewayConfiguration, into target: inout GatewayConfiguration) {
        switch self {
        case .box: target.box = source.box
        case .store: target.store = source.store
        case .runtime: target.runtime = source.runtime
        case .gpio: target.gpio = source.gpio
        case .simulator: target.simulator = source.simulator
        case .watchdog: target.watchdog = source.watchdog
        case .listeners: target.listeners = source.listeners
        case .simDefaults: target.simDefaults = source.simDefaults
        case .modems: target.modems = source.modems
        case .simGroups: target.simGroups = source.simGroups
        case .sims: target.sims = source.sims
        case .accounts: target.accounts = source.accounts
        case .routing: target.routing = source.routing
        case .queue: target.queue = source.queue
        case .inbound: target.inbound = source.inbound
        case .delivery: target.delivery = source.delivery
        }
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
