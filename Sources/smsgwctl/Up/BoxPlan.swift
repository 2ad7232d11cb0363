import GatewayCore

/// Which children make the box and in which order, from the configuration — the dependency
/// order of the units (`After=`/`Requires=` in rootfs): the simulator first when the modems are
/// simulated, then smsgw-modemd, smsgw-queued, smsgw-ingressd, smsgw-simd, and smsgw-watchdogd
/// last (it asks all the others for health). Stopping runs the list backwards.
enum BoxPlan {
    /// - Parameters:
    ///   - binDirectory: where the daemons' executables are (next to smsgwctl).
    ///   - hasWatchdogd: whether `smsgw-watchdogd` exists there.
    ///   - simulatorArguments: extra options for smsgw-modemsim (`--time-scale 0.1`).
    static func children(
        configuration: GatewayConfiguration, configPath: String, binDirectory: String, hasWatchdogd: Bool,
        simulatorArguments: [String] = [], watchdog: Duration?
    ) -> [ChildSpec] {
        var children: [ChildSpec] = []
        if usesSimulator(configuration) {
            children.append(ChildSpec(
                name: "modemsim", executable: "\(binDirectory)/smsgw-modemsim",
                arguments: ["--config", configPath] + simulatorArguments,
                readiness: .socketFile(simulatorSocket(configuration)), watchdog: nil))
        }
        var daemons = ["modemd", "queued", "ingressd", "simd"]
        if hasWatchdogd { daemons.append("watchdogd") }
        for daemon in daemons {
            children.append(ChildSpec(
                name: daemon, executable: "\(binDirectory)/smsgw-\(daemon)", arguments: ["--config", configPath],
                readiness: .notify, watchdog: watchdog))
        }
        return children
    }

    /// The simulator runs when the configuration says so: `simulator.enabled`
    /// (docs/configuration.md: "`smsgwctl up` also starts `smsgw-modemsim`").
    static func usesSimulator(_ configuration: GatewayConfiguration) -> Bool {
        configuration.simulator.enabled
    }

    /// smsgw-modemsim's control socket: `modemsim.sock` in the runtime directory.
    static func simulatorSocket(_ configuration: GatewayConfiguration) -> String {
        "\(configuration.runtime.directory)/modemsim.sock"
    }
}
