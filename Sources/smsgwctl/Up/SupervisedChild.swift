#if canImport(Glibc)
import Glibc
#endif
import GatewayTime

/// One child under `up`: its unit-like spec, its notify socket and log, and where it is in its
/// life (systemd's unit states, reduced to what `up` needs). Times are durations since `up` started.
final class SupervisedChild {
    enum Phase: Equatable {
        /// Spawned at `since`, not ready yet (`activating`).
        case starting(since: Duration)
        /// Ready since `readyAt` (`active`).
        case running(readyAt: Duration)
        /// Dead, to be spawned again at `at` (`auto-restart`).
        case waitingRestart(at: Duration)
        /// Asked to stop at `since` (`deactivating`).
        case stopping(since: Duration)
        /// Not running and not coming back (`inactive` or `failed`).
        case stopped
    }

    let spec: ChildSpec
    let notify: NotifySocket
    let log: ChildLog
    var process: ChildProcess?
    var phase: Phase = .stopped
    /// Every spawn, for the start limit.
    var starts: [Duration] = []
    /// The last `WATCHDOG=1`; the watchdog is enforced once the child has pinged after READY.
    var lastPing: Duration?
    var watchdog: Duration?
    var status: String?
    /// Why `up` killed it (watchdog, start timeout), for the note when it dies.
    var killReason: String?
    /// Ready at least once (the first start of the box waits for it).
    var wasReady = false

    init(spec: ChildSpec, logDirectory: String, prefixWidth: Int) throws(UpError) {
        self.spec = spec
        notify = try NotifySocket(name: spec.name)
        log = try ChildLog(name: spec.name, directory: logDirectory, prefixWidth: prefixWidth)
        watchdog = spec.watchdog
    }

    var isAlive: Bool { process != nil }

    func spawn(now: Duration, environment: [String]) throws(UpError) {
        if case .socketFile(let path) = spec.readiness { unlink(path) }
        _ = notify.receiveAll()
        process = try ChildProcess.spawn(spec, notifySocket: notify.address, environment: environment)
        starts.append(now)
        phase = .starting(since: now)
        lastPing = nil
        watchdog = spec.watchdog
        killReason = nil
        log.note("started \(spec.executable) (pid \(process?.pid ?? 0))")
    }

    /// Reads what the child sent and wrote; true when it became ready just now.
    func drain(now: Duration) -> Bool {
        var becameReady = false
        for datagram in notify.receiveAll() {
            if let status = datagram.status { self.status = status }
            if let micros = datagram.watchdogMicroseconds { watchdog = .microseconds(micros) }
            if datagram.watchdogPing, case .running = phase { lastPing = now }
            if datagram.watchdogTrigger { kill(reason: "it triggered its watchdog") }
            if datagram.ready, case .starting(let since) = phase {
                phase = .running(readyAt: now)
                becameReady = true
                log.note("ready in \(Self.seconds(now - since))\(status.map { ": \($0)" } ?? "")")
            }
        }
        if case .starting(let since) = phase, case .socketFile(let path) = spec.readiness, access(path, F_OK) == 0 {
            phase = .running(readyAt: now)
            becameReady = true
            log.note("ready in \(Self.seconds(now - since)) (\(path) exists)")
        }
        if becameReady { wasReady = true }
        drainOutput()
        return becameReady
    }

    /// The child's exit, if it has exited (reaped, its output drained and its pipe closed).
    func reap() -> ChildExit? {
        guard let process else { return nil }
        var status: Int32 = 0
        guard waitpid(process.pid, &status, WNOHANG) == process.pid else { return nil }
        drainOutput()
        log.flush()
        close(process.output)
        self.process = nil
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// SIGKILL now, remembering why (the note when it is reaped says it).
    func kill(reason: String) {
        guard let process, killReason == nil else { return }
        killReason = reason
        log.note("killing pid \(process.pid): \(reason)")
        Glibc.kill(process.pid, SIGKILL)
    }

    /// Passes SIGHUP on (reload the configuration) to a daemon that is ready (it traps SIGHUP
    /// before READY=1; one still starting reads the file anyway); the simulator, which has no
    /// `ExecReload=` in a box's units, is left alone.
    func hangUp() {
        guard let process, spec.readiness == .notify, case .running = phase else { return }
        log.note("SIGHUP to pid \(process.pid): reload")
        Glibc.kill(process.pid, SIGHUP)
    }

    func terminate(now: Duration) {
        guard let process else { phase = .stopped; return }
        phase = .stopping(since: now)
        Glibc.kill(process.pid, SIGTERM)
    }

    private func drainOutput() {
        guard let process else { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(process.output, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            log.output(buffer[..<count])
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.milliseconds
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - String(milliseconds % 1000).count))\(milliseconds % 1000) s"
    }
}
