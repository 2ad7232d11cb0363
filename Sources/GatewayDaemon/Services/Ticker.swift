import GatewayTime
import ServiceLifecycle

/// A service that calls `tick` at once and then every `interval` of `clock` until graceful
/// shutdown: the safety-net turns of a work loop (lost wake-ups, pacing gaps, retries due),
/// periodic sweeps, the idle turns that keep a loop's heartbeat beating. What a tick does is the
/// loop's business; the beat itself comes from the loop, never from here.
public struct Ticker: Service {
    public let interval: Duration
    private let clock: any DaemonClock
    private let tick: @Sendable () async -> Void

    public init(every interval: Duration, clock: any DaemonClock = SystemClock(), _ tick: @escaping @Sendable () async -> Void) {
        self.interval = interval
        self.clock = clock
        self.tick = tick
    }

    public func run() async throws {
        await repeatUntilShutdown(every: interval, clock: clock, tick)
    }
}
