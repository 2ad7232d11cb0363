import GatewayDaemon
import GatewayIPC

/// Asks every daemon to reload the saved file (the `reload` request of each control socket,
/// docs/ipc.md; ingressd's own `ConfigurationReloader` in process) and collects the answers in
/// a fixed order. A daemon whose socket does not answer is "not running".
struct DaemonReloads: Sendable {
    let runtimeDirectory: String
    let ingressd: ConfigurationReloader
    var timeout: Duration = .seconds(10)

    func all() async -> [DaemonReloadAnswer] {
        async let modemd = ask("modemd", ModemdProtocol.self, .reload) { if case .reload(let report) = $0 { report } else { nil } }
        async let queued = ask("queued", QueuedProtocol.self, .reload) { if case .reload(let report) = $0 { report } else { nil } }
        async let simd = ask("simd", SimdProtocol.self, .reload) { if case .reload(let report) = $0 { report } else { nil } }
        async let watchdogd = ask("watchdogd", WatchdogdProtocol.self, .reload) { if case .reload(let report) = $0 { report } else { nil } }
        let own = DaemonReloadAnswer(report: await ingressd.reload())
        return [own, await modemd, await queued, await simd, await watchdogd]
    }

    private func ask<P: IPCProtocol>(_ daemon: String, _ kind: P.Type, _ request: P.Request,
                                     report: (P.Response) -> ReloadReport?) async -> DaemonReloadAnswer {
        do {
            let response = try await BoxStatusProbe.call(request, "\(runtimeDirectory)/\(daemon).sock", daemon, kind, timeout)
            guard let answer = report(response) else {
                return DaemonReloadAnswer(daemon: daemon, answer: .notRunning("answered reload with another response"))
            }
            return DaemonReloadAnswer(report: answer)
        } catch {
            return DaemonReloadAnswer(daemon: daemon, answer: .notRunning(error.description))
        }
    }
}

extension DaemonReloadAnswer {
    init(report: ReloadReport) {
        self.init(daemon: report.daemon, answer: report.accepted
            ? .accepted(applied: report.applied, needsRestart: report.needsRestart)
            : .refused(problems: report.problems))
    }
}
