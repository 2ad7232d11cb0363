#if canImport(Glibc)
import Glibc
#endif

/// Runs the box's children as systemd runs their units: starts them in order, each once the one
/// before is ready; restarts one that fails (`Restart=on-failure`, back-off, start limit) or stops
/// petting its watchdog; on SIGINT/SIGTERM stops them in reverse order (SIGTERM, then SIGKILL
/// after `stopTimeout`, like `TimeoutStopSec=`). One thread, one `poll(2)` loop over the notify
/// sockets and output pipes, ticking every 100 ms for timers and `waitpid`.
final class Supervisor {
    private let children: [SupervisedChild]
    private let policy: RestartPolicy
    private let startTimeout: Duration
    private let stopTimeout: Duration
    private let environment: [String]
    private let clock = ContinuousClock()
    private let began: ContinuousClock.Instant
    /// Called once, when every child is ready for the first time.
    private let onReady: (Duration) -> Void

    init(children: [SupervisedChild], policy: RestartPolicy, startTimeout: Duration, stopTimeout: Duration,
         environment: [String], onReady: @escaping (Duration) -> Void) {
        self.children = children
        self.policy = policy
        self.startTimeout = startTimeout
        self.stopTimeout = stopTimeout
        self.environment = environment
        self.onReady = onReady
        began = clock.now
    }

    private var now: Duration { clock.now - began }

    /// Runs until a stop signal (exit status 0) or a child hits its start limit (status 1).
    /// SIGHUP (`hangup`) is passed on to every running daemon child.
    func run(until stop: StopSignal, hangup: HangupSignal? = nil) -> Int32 {
        var failure: String?
        var announced = false
        while failure == nil, stop.signal == nil {
            waitForActivity()
            let now = self.now
            if hangup?.take() == true {
                StandardStreams.writeError("up: SIGHUP: the daemons reload the configuration\n")
                for child in children { child.hangUp() }
            }
            for child in children {
                _ = child.drain(now: now)
                if let exit = child.reap() { failure = handle(exit, of: child, now: now) ?? failure }
                checkTimers(child, now: now)
                if case .waitingRestart(let at) = child.phase, now >= at { start(child, now: now) }
            }
            // The first start-up: the next child starts once every earlier one is ready.
            if let next = children.first(where: { $0.starts.isEmpty }) {
                if children.prefix(while: { $0 !== next }).allSatisfy(\.wasReady) { start(next, now: now) }
            } else if !announced, children.allSatisfy(\.wasReady) {
                announced = true
                onReady(now)
            }
        }
        if let signal = stop.signal {
            StandardStreams.writeError("up: \(signal == SIGINT ? "SIGINT" : "SIGTERM"): stopping the box\n")
        }
        stopAll()
        if let failure {
            StandardStreams.writeError("up: \(failure)\n")
            return 1
        }
        StandardStreams.writeError("up: stopped\n")
        return 0
    }

    private func start(_ child: SupervisedChild, now: Duration) {
        do {
            try child.spawn(now: now, environment: environment)
        } catch {
            child.log.note(error.description)
            child.phase = .stopped
            child.starts.append(now)
            _ = handle(.exited(127), of: child, now: now)
        }
    }

    /// A child died: restart it (after its back-off) when it failed; a failure message when it
    /// failed too often (the box stops then). A clean exit is not restarted, as `on-failure`.
    private func handle(_ exit: ChildExit, of child: SupervisedChild, now: Duration) -> String? {
        let reason = child.killReason.map { "killed by up: \($0)" } ?? exit.description
        if case .stopping = child.phase {
            child.phase = .stopped
            child.log.note("stopped (\(exit))")
            return nil
        }
        guard exit.isFailure || child.killReason != nil else {
            child.phase = .stopped
            child.log.note("\(reason); not restarted (a clean exit)")
            return nil
        }
        switch policy.decide(starts: child.starts, now: now) {
        case .restart(let delay):
            child.phase = .waitingRestart(at: now + delay)
            child.log.note("\(reason); restarting in \(SupervisedChild.seconds(delay))")
            return nil
        case .giveUp(let count):
            child.phase = .stopped
            child.log.note("\(reason); \(count) starts within \(policy.interval): giving up")
            return "smsgw-\(child.spec.name) failed \(count) times within \(policy.interval) (see \(child.log.path)); stopping the box"
        }
    }

    private func checkTimers(_ child: SupervisedChild, now: Duration) {
        switch child.phase {
        case .starting(let since) where now - since > startTimeout:
            child.kill(reason: "not ready within \(startTimeout)")
        case .running:
            if let watchdog = child.watchdog, let ping = child.lastPing, now - ping > watchdog {
                child.kill(reason: "no watchdog ping for \(SupervisedChild.seconds(now - ping)) (WatchdogSec \(watchdog))")
            }
        case .stopping(let since) where now - since > stopTimeout:
            child.kill(reason: "still running \(stopTimeout) after SIGTERM")
        default:
            break
        }
    }

    /// Reverse order; each child gets SIGTERM and up to `stopTimeout` before SIGKILL.
    private func stopAll() {
        for child in children.reversed() {
            if case .waitingRestart = child.phase { child.phase = .stopped }
            guard child.isAlive else { continue }
            child.terminate(now: now)
            while child.isAlive {
                waitForActivity()
                let now = self.now
                for other in children { _ = other.drain(now: now) }
                if let exit = child.reap() { _ = handle(exit, of: child, now: now) }
                checkTimers(child, now: now)
            }
        }
    }

    /// Sleeps in poll(2) until a child sends or writes something, or 100 ms pass.
    private func waitForActivity() {
        var descriptors: [pollfd] = []
        for child in children {
            descriptors.append(pollfd(fd: child.notify.descriptor, events: Int16(POLLIN), revents: 0))
            if let process = child.process { descriptors.append(pollfd(fd: process.output, events: Int16(POLLIN), revents: 0)) }
        }
        _ = poll(&descriptors, nfds_t(descriptors.count), 100)
    }
}
