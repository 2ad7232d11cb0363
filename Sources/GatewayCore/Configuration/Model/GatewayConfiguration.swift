/// The whole box's configuration: one typed model that every daemon loads from
/// `/etc/smsgw/gateway.toml` (see docs/configuration.md for every key). Lists keep the order
/// of the file; ids are unique within each list (the validator checks it).
public struct GatewayConfiguration: Sendable, Equatable {
    public var box: BoxSettings
    public var store: StoreSettings
    public var runtime: RuntimeSettings
    public var gpio: GPIOSettings
    public var simulator: SimulatorSettings
    public var watchdog: WatchdogSettings
    public var listeners: ListenerSettings
    public var simDefaults: SIMDefaults
    public var modems: [ModemConfiguration]
    public var simGroups: [SIMGroup]
    public var sims: [SIMConfiguration]
    public var accounts: [UpstreamAccount]
    public var routing: RoutingTable
    public var queue: QueueSettings
    /// `[inbound]`: where MO messages go (set after init, like the other later sections).
    public var inbound: InboundSettings = ConfigurationDefaults.inbound
    /// `[delivery]`: retries of the upstream outbox.
    public var delivery: DeliverySettings = ConfigurationDefaults.delivery

    public init(
        box: BoxSettings, store: StoreSettings, runtime: RuntimeSettings, gpio: GPIOSettings,
        simulator: SimulatorSettings, watchdog: WatchdogSettings, listeners: ListenerSettings,
        simDefaults: SIMDefaults, modems: [ModemConfiguration], simGroups: [SIMGroup],
        sims: [SIMConfiguration], accounts: [UpstreamAccount], routing: RoutingTable,
        queue: QueueSettings = ConfigurationDefaults.queue
    ) {
        self.box = box
        self.store = store
        self.runtime = runtime
        self.gpio = gpio
        self.simulator = simulator
        self.watchdog = watchdog
        self.listeners = listeners
        self.simDefaults = simDefaults
        self.modems = modems
        self.simGroups = simGroups
        self.sims = sims
        self.accounts = accounts
        self.routing = routing
        self.queue = queue
    }

    public func modem(id: String) -> ModemConfiguration? { modems.first { $0.id == id } }
    public func sims(inGroup group: String) -> [SIMConfiguration] { sims.filter { $0.groups.contains(group) } }
    public func account(id: String) -> UpstreamAccount? { accounts.first { $0.id == id } }
}
