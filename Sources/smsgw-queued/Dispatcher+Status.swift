/// The `STATUS=` line systemd shows for queued (`sd_notify(3)`), from the loop's own state
/// (no query: it is built every turn and sent only when it changes).
extension Dispatcher {
    var statusText: String {
        guard modemdConnected else { return "waiting for smsgw-modemd" }
        let paused = pausedModems.isEmpty && pausedSIMs.isEmpty ? "" : "; paused: \(pausedModems.count) modem(s), \(pausedSIMs.count) SIM(s)"
        return "sending \(inFlight.count) on \(modems.count) ready modem(s)\(paused)"
    }
}
