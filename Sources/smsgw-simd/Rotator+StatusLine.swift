/// The `STATUS=` line systemd shows for simd (`sd_notify(3)`), from the loop's own state: built
/// every turn, sent only when it changes.
extension Rotator {
    var statusText: String {
        guard let statuses = modemStatuses else { return "waiting for smsgw-modemd" }
        var parts = ["\(statuses.count) modem(s)"]
        if !switching.isEmpty { parts.append("\(switching.count) switching SIM") }
        if !idlePaused.isEmpty { parts.append("\(idlePaused.count) paused with no SIM allowed on air") }
        return parts.joined(separator: ", ")
    }
}
