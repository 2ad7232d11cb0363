/// `[store]`: the SQLite database every daemon shares (WAL, synchronous=FULL).
public struct StoreSettings: Sendable, Equatable {
    public var path: String

    public init(path: String) { self.path = path }
}

/// `[runtime]`: where the daemons' Unix sockets live (`/run/smsgw` on the box).
public struct RuntimeSettings: Sendable, Equatable {
    public var directory: String

    public init(directory: String) { self.directory = directory }
}

/// `[simulator]`: whether `smsgwctl up` also starts `smsgw-modemsim`, which creates a pseudo-
/// terminal at each modem's `device` path (the demo box).
public struct SimulatorSettings: Sendable, Equatable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }
}
