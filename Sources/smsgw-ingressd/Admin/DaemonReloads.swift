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
        async let modemd = ask("modemd")
        async let queued = ask("queued")
        async let simd = ask("simd")
        async let watchdogd = ask("watchdogd")
        let own = DaemonReloadAnswer(report: await ingressd.reload())
        return [own, await modemd, await queued, await simd, await watchdogd]
    }

    private func ask(_ daemon: String) async -> DaemonReloadAnswer {
        switch await ReloadCall.ask(daemon, socket: "\(runtimeDirectory)/\(daemon).sock", timeout: timeout) {
        case .success(let report): DaemonReloadAnswer(report: report)
        case .failure(.notRunning(let why)), .failure(.noAnswer(let why)): DaemonReloadAnswer(daemon: daemon, answer: .notRunning(why))
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
