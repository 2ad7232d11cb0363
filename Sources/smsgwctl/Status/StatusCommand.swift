import ArgumentParser
import FoundationEssentials
import GatewayCore
import GatewayIPC

/// `smsgwctl status`: the box at a glance — modems with signal bars (smsgw-modemd), SIMs
/// (smsgw-simd), the queue (smsgw-queued) and each daemon's `health` answer (ingressd and, when it
/// runs, watchdogd too), and the last few rungs watchdogd climbed (`watchdog_escalations` in the
/// store: when, subject, step, reason and outcome), as one table or `--json`. A daemon that does not answer is shown DOWN; exit 1 then (or when one is unhealthy).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Modems, SIMs, queue and health of the running box.")

    @OptionGroup var daemon: DaemonSocketOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        var status = BoxStatus(health: [:], unreachable: [:])
        func note(_ name: String, _ error: any Error) { status.unreachable[name] = "\(error)" }
        do {
            if case .status(let modems) = try await daemon.call(.status, on: "modemd", protocol: ModemdProtocol.self) { status.modems = modems }
            if case .health(let health) = try await daemon.call(.health, on: "modemd", protocol: ModemdProtocol.self) {
                status.health["modemd"] = DaemonHealth(healthy: health.healthy, progress: health.progress,
                                                       detail: "\(health.ready)/\(health.modems) modems ready; \(health.detail)")
            }
        } catch { note("modemd", error) }
        do {
            if case .status(let queue) = try await daemon.call(.status, on: "queued", protocol: QueuedProtocol.self) { status.queue = queue }
            if case .health(let health) = try await daemon.call(.health, on: "queued", protocol: QueuedProtocol.self) {
                status.health["queued"] = DaemonHealth(healthy: health.healthy, progress: health.progress, detail: health.detail)
            }
        } catch { note("queued", error) }
        do {
            if case .status(let sims) = try await daemon.call(.status, on: "simd", protocol: SimdProtocol.self) { status.sims = sims }
            if case .health(let health) = try await daemon.call(.health, on: "simd", protocol: SimdProtocol.self) {
                status.health["simd"] = DaemonHealth(healthy: health.healthy, progress: health.progress, detail: health.detail)
            }
        } catch { note("simd", error) }
        do {
            if case .health(let health) = try await daemon.call(.health, on: "ingressd", protocol: IngressdProtocol.self) {
                status.health["ingressd"] = DaemonHealth(healthy: health.healthy, progress: health.accepted,
                                                         detail: "\(health.detail); outbox \(health.outboxPending) pending")
            }
        } catch { note("ingressd", error) }
        // smsgw-watchdogd runs on a box and under `up` when it is built; no socket: not running here.
        if let path = try? daemon.path(of: "watchdogd"), FileManager.default.fileExists(atPath: path) {
            do {
                if case .health(let health) = try await daemon.call(.health, on: "watchdogd", protocol: WatchdogdProtocol.self) {
                    status.health["watchdogd"] = DaemonHealth(healthy: health.healthy, progress: health.progress, detail: health.detail)
                }
            } catch { note("watchdogd", error) }
        }
        if let storePath = try? ConfigurationLoader.load(file: daemon.config).store.path {
            do { status.escalations = try EscalationHistory.read(storePath: storePath) } catch {
                status.escalationsError = "\(storePath): \(error)"
            }
        }
        if json { try printJSON(status) } else { StandardStreams.writeOutput(StatusTable.render(status)) }
        if !status.unreachable.isEmpty || status.health.values.contains(where: { !$0.healthy }) { throw ExitCode(1) }
    }
}
