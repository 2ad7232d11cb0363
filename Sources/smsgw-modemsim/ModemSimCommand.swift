import ArgumentParser
import GatewayCore
import ModemProfiles
import SystemBridge
import GatewayConfig

/// `smsgw-modemsim`: a bank of simulated modems on pseudo-terminals (docs/modemsim.md).
public struct ModemSimCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "smsgw-modemsim",
        abstract: "Simulate a bank of GSM/LTE modems on pseudo-terminals.",
        discussion: "Give either --config FILE (the box's modem list) or --ports N --dir DIR.")

    public init() {}

    @Option(name: .long, help: "A gateway configuration file: one modem per enabled [[modems]] entry.")
    var config: String?

    @Option(name: .long, help: "How many modems to simulate (with --dir).")
    var ports: Int?

    @Option(name: .long, help: "Where to link the modems' devices (m1, m2, …) and the control socket.")
    var dir: String?

    @Option(name: .long, help: "Vendor profile of --ports modems: \(ModemVendorProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
    var profile: String = ModemVendorProfile.simcomSIM800.rawValue

    @Option(name: .long, help: "SIM slots of each --ports modem.")
    var slots: Int = 2

    @Option(name: .long, help: "The control socket (default: DIR/modemsim.sock, or modemsim.sock in the runtime directory).")
    var control: String?

    @Flag(name: .long, help: "No delays at all (boot, sending, reports), for benchmarks.")
    var fast = false

    @Option(name: .long, help: "Multiply every realistic delay (boot, sending, reports) by this factor: 0.1 runs ten times faster, 0 is --fast.")
    var timeScale: Double?

    @Option(name: .long, help: "Seconds from +CMGS to its status report (before --fast or --time-scale scaling).")
    var reportDelay: Double = 5

    @Option(name: .long, help: "Share of status reports that say failed (0…1).")
    var failedShare: Double = 0.05

    @Option(name: .long, help: "Share of status reports that say expired (0…1).")
    var expiredShare: Double = 0.05

    public func validate() throws {
        guard (config == nil) != (ports == nil) else { throw ValidationError("give either --config FILE or --ports N --dir DIR") }
        if let ports {
            guard (1...256).contains(ports) else { throw ValidationError("--ports must be 1…256") }
            guard dir != nil else { throw ValidationError("--ports needs --dir DIR") }
            guard ModemVendorProfile(rawValue: profile) != nil else { throw ValidationError("unknown --profile \"\(profile)\"") }
            guard (1...16).contains(slots) else { throw ValidationError("--slots must be 1…16") }
        }
        guard (0...1).contains(failedShare), (0...1).contains(expiredShare), failedShare + expiredShare <= 1 else {
            throw ValidationError("--failed-share and --expired-share must be shares (0…1) adding up to at most 1")
        }
        if let timeScale {
            guard !fast else { throw ValidationError("give --fast or --time-scale, not both") }
            guard timeScale.isFinite, timeScale >= 0 else { throw ValidationError("--time-scale must be 0 or more") }
        }
        guard reportDelay >= 0 else { throw ValidationError("--report-delay must not be negative") }
    }

    public func run() throws {
        ParentDeath.bind()  // under `smsgwctl up`: die with it (`run` is on the main thread)
        let plan: BankPlan
        if let config {
            let configuration: GatewayConfiguration
            do { configuration = try ConfigurationLoader.load(file: config) } catch {
                throw ValidationError(error.description)
            }
            plan = .configuration(configuration, controlSocket: control)
        } else if let ports, let dir, let vendor = ModemVendorProfile(rawValue: profile) {
            plan = .ports(ports, directory: dir, profile: vendor, slots: slots, controlSocket: control)
        } else {
            throw ValidationError("give either --config FILE or --ports N --dir DIR")
        }
        ModemBank.installSignalHandlers()
        let bank = try ModemBank(plan: plan, settings: simulationSettings)
        for modem in plan.modems { print("\(modem.id) \(modem.profile.vendorProfile.rawValue) \(modem.device)") }
        print("control \(plan.controlSocket)")
        fflushStandardOutput()
        bank.run()
    }

    /// Timing and outcomes as the options ask: realistic, scaled by `--time-scale`, or none (`--fast`).
    var simulationSettings: SimulationSettings {
        var settings = fast ? SimulationSettings.fast : .realistic
        if let timeScale { settings.timeScale = timeScale }
        settings.reportDelay = .milliseconds(Int(reportDelay * 1000))
        settings.failedShare = failedShare
        settings.expiredShare = expiredShare
        return settings
    }
}
