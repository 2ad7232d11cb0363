import ArgumentParser
import GatewayCore
#if canImport(Glibc)
import Glibc
import GatewayConfig
#endif

/// `smsgwctl up`: the whole box in the foreground without systemd — the simulator when the
/// modems are simulated, then every daemon, each as its unit would run it (Supervisor).
struct UpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run the whole box here without systemd (Ctrl-C stops it).",
        discussion: """
            Starts smsgw-modemsim (when simulator.enabled), smsgw-modemd, smsgw-queued, smsgw-ingressd, \
            smsgw-simd and smsgw-watchdogd (when built) from the directory smsgwctl is in, each once the one \
            before is ready (sd_notify READY=1). A child that fails or stops petting its watchdog is restarted. \
            Output: each child's lines on standard error, prefixed with its name, and in <runtime>/logs/<name>.log.
            """)

    @Option(help: "The box's configuration.")
    var config = "etc/smsgw/demo.toml"

    @Option(help: "WatchdogSec of each daemon in seconds (WATCHDOG_USEC); 0 turns the watchdog off.")
    var watchdogSec: Double = 20

    @Option(help: "Seconds a child has to become ready (TimeoutStartSec).")
    var startTimeout: Double = 60

    @Option(help: "Seconds a child has to exit after SIGTERM before SIGKILL (TimeoutStopSec).")
    var stopTimeout: Double = 15

    @Option(help: "Starts of one child within a minute before up gives up and stops the box (StartLimitBurst).")
    var restartBurst = 5

    @Option(help: "The simulator's --time-scale (0.1 runs its modems ten times faster).")
    var simulatorTimeScale: Double?

    @Option(help: ArgumentHelp("One more option for smsgw-modemsim, verbatim (repeatable): --simulator-argument=--failed-share --simulator-argument=0.",
                               valueName: "argument"))
    var simulatorArgument: [String] = []

    @Option(help: "Once the box is ready, send this many sample messages through the HTTP API (demo-key) and follow them.")
    var demoTraffic = 0

    func validate() throws {
        guard watchdogSec >= 0, watchdogSec.isFinite else { throw ValidationError("--watchdog-sec must be 0 or more") }
        guard startTimeout > 0, stopTimeout > 0 else { throw ValidationError("timeouts must be more than 0 seconds") }
        guard restartBurst >= 1 else { throw ValidationError("--restart-burst must be 1 or more") }
        guard (0...20).contains(demoTraffic) else { throw ValidationError("--demo-traffic must be 0…20") }
    }

    func run() throws {
        let configuration: GatewayConfiguration
        do { configuration = try ConfigurationLoader.load(file: config) } catch {
            throw InputError("\(config): not a valid configuration (smsgwctl config check \(config))")
        }
        let self_ = try ExecutablePath.current()
        let binDirectory = String(self_[..<(self_.lastIndex(of: "/") ?? self_.startIndex)])
        let specs = BoxPlan.children(
            configuration: configuration, configPath: config, binDirectory: binDirectory,
            hasWatchdogd: access("\(binDirectory)/smsgw-watchdogd", X_OK) == 0,
            simulatorArguments: (simulatorTimeScale.map { ["--time-scale", "\($0)"] } ?? []) + simulatorArgument,
            watchdog: watchdogSec > 0 ? .milliseconds(Int64(watchdogSec * 1000)) : nil)
        for spec in specs where access(spec.executable, X_OK) != 0 {
            let install = spec.name == "modemsim" ? "scripts/install --with-simulator" : "scripts/install"
            throw InputError("\(spec.executable) is missing: build it first (swift build), or install it beside smsgwctl (\(install))")
        }
        let logDirectory = "\(configuration.runtime.directory)/logs"
        try Directories.create(logDirectory)
        let width = specs.map(\.name.count).max() ?? 0
        var children: [SupervisedChild] = []
        for spec in specs { children.append(try SupervisedChild(spec: spec, logDirectory: logDirectory, prefixWidth: width)) }

        let stop = StopSignal()
        let hangup = HangupSignal()
        let demo = DemoTraffic(executable: self_, config: config, count: demoTraffic)
        let supervisor = Supervisor(
            children: children, policy: RestartPolicy(burst: restartBurst),
            startTimeout: .milliseconds(Int64(startTimeout * 1000)), stopTimeout: .milliseconds(Int64(stopTimeout * 1000)),
            environment: Environment.current()
        ) { elapsed in
            StandardStreams.writeOutput(Endpoints.text(configuration, configPath: config, children: specs, readyAfter: elapsed, logDirectory: logDirectory))
            demo.start()
        }
        let status = supervisor.run(until: stop, hangup: hangup)
        demo.stop()
        throw ExitCode(status)
    }
}
