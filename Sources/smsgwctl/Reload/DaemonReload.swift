import GatewayIPC

/// What one daemon said to `smsgwctl reload`: its report, or that it is not running (no
/// socket, or nobody listening on it), or that it did not answer.
struct DaemonReload: Codable, Equatable {
    enum State: String, Codable {
        case accepted, refused
        case notRunning = "not running"
        case noAnswer = "no answer"
    }

    var daemon: String
    var state: State
    var report: ReloadReport?
    /// Why there is no report (not running, no answer).
    var error: String?

    init(_ report: ReloadReport) {
        daemon = report.daemon
        state = report.accepted ? .accepted : .refused
        self.report = report
    }

    init(daemon: String, state: State, error: String) {
        (self.daemon, self.state, self.error) = (daemon, state, error)
    }

    /// A refusal or no answer: the reload did not reach everything running.
    var failed: Bool { state == .refused || state == .noAnswer }

    /// One line: `ingressd: accepted; applied accounts; needs a restart: listeners`.
    var line: String {
        let name = daemon.padding(to: 10)
        switch state {
        case .notRunning: return "\(name)not running"
        case .noAnswer: return "\(name)no answer: \(error ?? "")"
        case .refused: return "\(name)refused: " + (report?.problems ?? []).joined(separator: "; ")
        case .accepted:
            guard let report else { return "\(name)accepted" }
            var parts = ["accepted"]
            parts.append(report.applied.isEmpty ? "nothing to apply live" : "applied " + report.applied.joined(separator: ", "))
            if !report.needsRestart.isEmpty { parts.append("needs a restart: " + report.needsRestart.joined(separator: ", ")) }
            return name + parts.joined(separator: "; ")
        }
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
