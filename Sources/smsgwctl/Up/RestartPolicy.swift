/// When `smsgwctl up` restarts a child that failed, as systemd's `Restart=on-failure` with
/// `RestartSec=`, `RestartSteps=`/`RestartMaxDelaySec=` (a growing back-off) and
/// `StartLimitBurst=` in `StartLimitIntervalSec=` (systemd.service(5), systemd.unit(5)).
/// Pure: times are durations since `up` started, passed in.
struct RestartPolicy: Equatable, Sendable {
    /// The delay before the first restart; each further restart within `interval` doubles it.
    var firstDelay: Duration = .milliseconds(100)
    var maximumDelay: Duration = .seconds(5)
    /// At most this many starts within `interval`; one more and the child is given up.
    var burst = 5
    var interval: Duration = .seconds(60)

    /// What to do about a child that failed at `now`, given when it was started before.
    func decide(starts: [Duration], now: Duration) -> RestartDecision {
        let recent = starts.filter { now - $0 < interval }
        guard recent.count < burst else { return .giveUp(starts: recent.count) }
        var delay = firstDelay
        for _ in 1..<max(recent.count, 1) where delay < maximumDelay { delay *= 2 }
        return .restart(after: min(delay, maximumDelay))
    }
}

enum RestartDecision: Equatable, Sendable {
    case restart(after: Duration)
    /// The start limit is hit: `starts` starts within the interval (systemd's `start-limit-hit`).
    case giveUp(starts: Int)
}

/// How a child ended, from `waitpid(2)`'s status, and whether `Restart=on-failure` restarts it:
/// a non-zero exit or a signal other than the clean ones (SIGHUP, SIGINT, SIGTERM, SIGPIPE).
enum ChildExit: Equatable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)

    var isFailure: Bool {
        switch self {
        case .exited(let code): code != 0
        case .signalled(let signal): ![1, 2, 13, 15].contains(signal)
        }
    }

    var description: String {
        switch self {
        case .exited(let code): "exited with status \(code)"
        case .signalled(let signal): "killed by signal \(signal)\(Self.signalNames[signal].map { " (\($0))" } ?? "")"
        }
    }

    private static let signalNames: [Int32: String] = [
        1: "SIGHUP", 2: "SIGINT", 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM",
    ]
}
