#if canImport(Glibc)
import Glibc
#endif
import GatewayTime
import SystemBridge

/// The box's own clocks, what every daemon's `main` hands its loops (`DaemonClock`): the wall
/// clock is `CLOCK_REALTIME` (the store's times are wall-clock milliseconds), the monotonic one
/// SystemBridge's `MonotonicClock` (`CLOCK_MONOTONIC`), and a sleep is `Task.sleep`.
public struct SystemClock: DaemonClock {
    public init() {}

    public func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(millisecondsSince1970: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    public func monotonic() -> Duration { .nanoseconds(MonotonicClock.nanoseconds()) }

    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}

extension Timestamp {
    /// Now, by the system's wall clock (`SystemClock`), for the parts not handed a clock of
    /// their own.
    public static var wallClock: Timestamp { SystemClock().now() }
}
