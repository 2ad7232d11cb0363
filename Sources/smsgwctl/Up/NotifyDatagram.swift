/// One `sd_notify(3)` datagram as a service manager reads it: newline-separated `KEY=VALUE`
/// assignments (systemd's `sd_notify` protocol, `READY=1`, `STATUS=…`, `WATCHDOG=1`,
/// `STOPPING=1`, `WATCHDOG_USEC=…`). Unknown keys are kept out of the way, as systemd ignores them.
struct NotifyDatagram: Equatable, Sendable {
    var ready = false
    var stopping = false
    var watchdogPing = false
    /// `WATCHDOG=trigger`: the service asks to be treated as if its watchdog had expired.
    var watchdogTrigger = false
    var status: String?
    /// `WATCHDOG_USEC=`: the service changes its own watchdog interval.
    var watchdogMicroseconds: UInt64?

    /// Parses the bytes of one datagram; lines that are not `KEY=VALUE` are skipped.
    init(bytes: some Sequence<UInt8>) {
        let text = String(decoding: Array(bytes), as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals]
            let value = line[line.index(after: equals)...]
            switch key {
            case "READY": ready = value == "1"
            case "STOPPING": stopping = value == "1"
            case "WATCHDOG":
                if value == "1" { watchdogPing = true } else if value == "trigger" { watchdogTrigger = true }
            case "STATUS": status = String(value)
            case "WATCHDOG_USEC": watchdogMicroseconds = UInt64(value).flatMap { $0 > 0 ? $0 : nil }
            default: continue
            }
        }
    }
}
