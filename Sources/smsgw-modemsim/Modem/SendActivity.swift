/// How long a modem spent sending: the time between the `AT+CMGS` body (Ctrl-Z) and its
/// final answer (3GPP TS 27.005 §3.5.1), summed, with the first and last send's times on the
/// bank's clock. The control socket's `status` shows it, so a test can compute each modem's
/// utilisation from what the module itself saw.
struct SendActivity: Sendable, Hashable {
    /// The sending time of every `AT+CMGS` answered or still running.
    private(set) var busy: Duration = .zero
    /// When the first `AT+CMGS` body arrived; nil before any.
    private(set) var firstStart: Duration?
    /// When the latest `AT+CMGS` body arrived.
    private(set) var lastStart: Duration?
    /// When the latest `AT+CMGS` is (or was) answered.
    private(set) var lastFinish: Duration?

    /// A send starts at `start` and will be answered at `finish`.
    mutating func begin(at start: Duration, finishing finish: Duration) {
        if firstStart == nil { firstStart = start }
        lastStart = start
        lastFinish = finish
        busy += finish - start
    }

    /// The module lost power at `now`: the running send ends there, never answered.
    mutating func cut(at now: Duration) {
        guard let finish = lastFinish, finish > now else { return }
        busy -= finish - now
        lastFinish = now
    }
}
