/// How a simulated bank behaves overall: timing and the outcomes of sent messages.
struct SimulationSettings: Sendable, Hashable {
    /// Multiplies every profile delay: 1 is realistic, 0 is `--fast` (answers at once).
    var timeScale: Double = 1
    /// From `+CMGS` to the status report (scaled).
    var reportDelay: Duration = .seconds(5)
    /// Shares of status-report outcomes; the rest of 1 is "delivered".
    var failedShare: Double = 0.05
    var expiredShare: Double = 0.05
    /// Share of long inbound messages whose parts arrive out of order.
    var shuffleShare: Double = 0.3

    static let realistic = SimulationSettings()
    static let fast = SimulationSettings(timeScale: 0)

    func scaled(_ duration: Duration) -> Duration { duration * timeScale }
}
