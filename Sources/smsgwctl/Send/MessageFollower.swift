/// What `smsgwctl send` prints while it follows a message, and when it stops: pure (answers
/// and times in, lines and a verdict out), so the follow loop's decisions are tested without a
/// box.
///
/// - every state change is printed, `unknown` with what it means (docs/architecture.md,
///   "Delivery semantics": the send was cut between AT+CMGS and its answer; it is resolved only by a
///   status report, and resent only where `queue.resend_unknown` says so);
/// - a message `unknown` for `unknownWait` is not followed on: it may never change again;
/// - the API not answering (ingressd restarting, a 503) is printed once when it starts and once
///   when it ends, never skipped silently.
struct MessageFollower {
    enum Verdict: Equatable {
        case following
        /// Stop; exit 0 when delivered, else 1.
        case finished(delivered: Bool)
    }

    let unknownWait: Duration
    let timeout: Duration
    private(set) var state: String
    private var unknownSince: Duration?
    private var outage: String?

    init(accepted state: String, unknownWait: Duration, timeout: Duration) {
        self.state = state
        self.unknownWait = unknownWait
        self.timeout = timeout
    }

    /// The API answered `state` at `now` (since the message was accepted).
    mutating func answered(_ state: String, at now: Duration) -> [String] {
        var lines: [String] = []
        if outage != nil {
            lines.append("+\(Self.seconds(now)) the API answers again")
            outage = nil
        }
        guard state != self.state else { return lines }
        self.state = state
        unknownSince = state == "unknown" ? now : nil
        lines.append("+\(Self.seconds(now)) \(state)" + (state == "unknown"
            ? " (the send was cut before the modem answered; only a status report can settle it; it is not resent unless queue.resend_unknown)"
            : ""))
        return lines
    }

    /// The API did not answer (`why`) at `now`: printed when an outage starts.
    mutating func failed(_ why: String, at now: Duration) -> [String] {
        guard outage == nil else { return [] }
        outage = why
        return ["+\(Self.seconds(now)) the API does not answer (\(why)); following on"]
    }

    /// Whether to go on at `now`, and the last line when it stops without a final state.
    func verdict(at now: Duration) -> (Verdict, String?) {
        if MessageFollow.isFinal(state) { return (.finished(delivered: state == "delivered"), nil) }
        if let unknownSince, now - unknownSince >= unknownWait {
            return (.finished(delivered: false),
                    "still unknown after \(Self.seconds(now - unknownSince)); stopped following (smsgwctl queue shows it)")
        }
        if now >= timeout {
            let down = outage.map { "; the API last said: \($0)" } ?? ""
            return (.finished(delivered: false), "still \(state) after \(Self.seconds(timeout))\(down); stopped following")
        }
        return (.following, nil)
    }

    static func seconds(_ duration: Duration) -> String { SupervisedChild.seconds(duration) }
}

enum MessageFollow {
    /// The states a message does not leave (docs/openapi.yaml MessageStatus.state).
    static func isFinal(_ state: String) -> Bool { ["delivered", "failed", "expired", "cancelled"].contains(state) }
}
