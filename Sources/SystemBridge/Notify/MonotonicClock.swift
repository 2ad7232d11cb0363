#if canImport(Glibc)
import Glibc
#endif

/// `CLOCK_MONOTONIC`: the time base of heartbeats, turn ages, pacing and timeouts (it never
/// jumps with the wall clock). The one place the daemons read it.
public enum MonotonicClock {
    @Sendable public static func nanoseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    @Sendable public static func milliseconds() -> Int64 {
        nanoseconds() / 1_000_000
    }
}
