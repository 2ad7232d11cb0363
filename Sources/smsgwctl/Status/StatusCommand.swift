import ArgumentParser
import GatewayIPC

/// `smsgwctl status`: the box at a glance (gathered by GatewayIPC's `BoxStatusProbe`, which the
/// web page shares) — modems with signal bars (smsgw-modemd), SIMs
/// (smsgw-simd), the queue (smsgw-queued) and each daemon's `health` answer (ingressd and, when it
/// runs, watchdogd too), as one table or
/// `--json`. A daemon that does not answer is shown DOWN; exit 1 then (or when one is unhealthy).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Modems, SIMs, queue and health of the running box.")

    @OptionGroup var daemon: DaemonSocketOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let status = await BoxStatusProbe.gather(socket: { try daemon.path(of: $0) })
        if json { try printJSON(status) } else { StandardStreams.writeOutput(StatusTable.render(status)) }
        if !status.unreachable.isEmpty || status.health.values.contains(where: { !$0.healthy }) { throw ExitCode(1) }
    }
}
