#if canImport(Glibc)
import Glibc
#endif
import GatewayCore

extension Timestamp {
    /// Now, by the wall clock (CLOCK_REALTIME): the store's times are wall-clock milliseconds.
    static var wallClock: Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(millisecondsSince1970: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }
}

/// Monotonic milliseconds (CLOCK_MONOTONIC), for pacing and the watchdog.
enum Monotonic {
    static var milliseconds: Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}

extension Duration {
    /// Whole milliseconds (the policy's unit).
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
