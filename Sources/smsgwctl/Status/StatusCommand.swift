import ArgumentParser
import GatewayCore
import GatewayIPC

/// `smsgwctl status`: the box at a glance (gathered by GatewayIPC's `BoxStatusProbe`, which the
/// web page shares) — modems with signal bars (smsgw-modemd), SIMs
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
        let configuration = daemon.loadConfiguration()
        var status = await BoxStatusProbe.gather(socket: { try daemon.path(of: $0, in: configuration) })
        if case .success(let configuration) = configuration {
            let storePath = configuration.store.path
            do { status.escalations = try EscalationHistory.read(storePath: storePath) } catch {
                status.escalationsError = "\(storePath): \(error)"
            }
        }
        if json { try printJSON(status) } else { StandardStreams.writeOutput(StatusTable.render(status)) }
        if !status.unreachable.isEmpty || status.health.values.contains(where: { !$0.healthy }) { throw ExitCode(1) }
    }
}
