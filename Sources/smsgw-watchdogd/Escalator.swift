#if canImport(Glibc)
import Glibc
#endif
import GatewayCore
import GatewayDaemon
import GatewayIPC
import GatewayStore
import Logging
import WatchdogPolicy

/// Carries out the policy's actions and records each (store and log): `recover` over queued's
/// socket, SIGTERM/SIGKILL to the daemon's pid (systemd's `Restart=` or `smsgwctl up` starts it
/// again; no D-Bus), `powerCycle` over modemd's socket, and the hardware watchdog's last rung.
/// A step someone else already took (`doneBy`: modemd's own power cycle) is only recorded.
struct Escalator: Sendable {
    let probes: HealthProbes
    let feeder: HardwareFeeder
    let store: WatchStore
    let logger: Logger

    func perform(_ action: EscalationAction) async {
        let outcome = if let doneBy = action.doneBy { doneBy } else { await carryOut(action) }
        let pid = action.pid.map { " pid \($0)" } ?? ""
        let line = "escalation \(action.step.rawValue) of \(action.subject)\(pid): \(action.reason) → \(outcome)"
        action.step == .recover || action.doneBy != nil ? logger.warning("\(line)") : logger.error("\(line)")
        let record = EscalationRecord(at: .wallClock, subject: action.subject, step: action.step.rawValue, pid: action.pid,
                                      reason: action.reason, outcome: outcome)
        do { try await store.record(record) } catch { logger.error("could not record the escalation: \(error)") }
    }

    private func carryOut(_ action: EscalationAction) async -> String {
        let outcome: String
        switch action.step {
        case .recover:
            switch await probes.queued.call(.recover, timeout: probes.timeout) {
            case .success(.recovered(let recovery)): outcome = "queued: \(recovery.summary)"
            case .success(let other): outcome = "queued answered \(other)"
            case .failure(let error): outcome = "recover failed: \(error.code.rawValue): \(error.message)"
            }
        case .terminate:
            outcome = Self.signal(action.pid, SIGTERM, expecting: action.subject)
        case .kill:
            outcome = Self.signal(action.pid, SIGKILL, expecting: action.subject)
        case .powerCycle:
            guard let modem = action.modem else { outcome = "no modem named"; break }
            switch await probes.modemd.call(.powerCycle(modem: modem), timeout: probes.timeout) {
            case .success(.powerCycleStarted(let modem)): outcome = "modemd: power cycle of \(modem) started"
            case .success(let other): outcome = "modemd answered \(other)"
            case .failure(let error): outcome = "power cycle failed: \(error.code.rawValue): \(error.message)"
            }
        case .stopFeeding:
            outcome = await feeder.stopFeeding(reason: action.reason)
        }
        return outcome
    }

    /// Signals `pid` when it still is one of ours: `/proc/<pid>/comm` names `smsgw-<daemon>`
    /// (a pid reused by another program is left alone).
    static func signal(_ pid: Int32?, _ signal: Int32, expecting subject: String) -> String {
        let name = signal == SIGKILL ? "SIGKILL" : "SIGTERM"
        guard let pid, pid > 1, pid != getpid() else { return "no pid known: left to the supervisor's restart" }
        let comm = command(of: pid)
        guard let comm else { return "pid \(pid) is gone" }
        // comm is cut at 15 characters ("smsgw-ingressd" fits).
        guard "smsgw-\(subject)".hasPrefix(comm) || comm.hasPrefix("smsgw-\(subject)") else {
            return "pid \(pid) is now \"\(comm)\", not smsgw-\(subject): not signalled"
        }
        return kill(pid, signal) == 0 ? "sent \(name) to \(pid)" : "\(name) to \(pid) failed: errno \(errno)"
    }

    static func command(of pid: Int32) -> String? {
        guard let file = fopen("/proc/\(pid)/comm", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
