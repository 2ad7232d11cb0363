// Wall and monotonic clocks come from GatewayDaemon (one `Timestamp.wallClock` for every daemon).

extension Duration {
    /// Whole milliseconds (the policy's unit).
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
