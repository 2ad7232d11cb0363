import ArgumentParser
import GatewayIPC

/// `smsgwctl sims`: every SIM as smsgw-simd keeps it (docs/simd.md), and its manual controls.
struct SimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sims",
        abstract: "Show every SIM with its state and counters, or lock, unlock, release, rotate, set limits.",
        subcommands: [SimsStatusCommand.self, SimsLockCommand.self, SimsUnlockCommand.self, SimsReleaseCommand.self,
                      SimsRotateCommand.self, SimsLimitsCommand.self],
        defaultSubcommand: SimsStatusCommand.self
    )
}

extension DaemonSocketOptions {
    /// One request to smsgw-simd.
    func callSimd(_ request: SimdProtocol.Request) async throws -> SimdProtocol.Response {
        try await call(request, on: "simd", protocol: SimdProtocol.self, timeout: .seconds(10))
    }
}

struct SimsStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "One line per SIM (the default).")

    @OptionGroup var daemon: DaemonSocketOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        guard case .status(let status) = try await daemon.callSimd(.status) else {
            throw InputError("smsgw-simd answered status with something else")
        }
        if json {
            try printJSON(status)
            return
        }
        StandardStreams.writeOutput(SimsTable.render(status))
    }
}

/// The `sims` table: a row per SIM, hour/day/month as sent/limit, the amount of its latest
/// USSD balance answer ("-": none; `--json` has the whole text, its time and any error).
enum SimsTable {
    static func render(_ status: SimdStatus) -> String {
        let rows = [["SIM", "MODEM", "SLOT", "STATE", "HOUR", "DAY", "MONTH", "RECIPIENTS", "BALANCE", "ICCID", "REASON"]]
            + status.sims.map { sim in
                [sim.sim, sim.modem, "\(sim.slot)", sim.state, "\(sim.sentHour)/\(sim.perHour)", "\(sim.sentDay)/\(sim.perDay)",
                 "\(sim.sentMonth)/\(sim.perMonth)", "\(sim.uniqueRecipients)", balance(sim.balance), sim.iccid ?? "-", sim.reason]
            }
        let paused = status.pausedModems.isEmpty ? "none" : status.pausedModems.joined(separator: ", ")
        return TextTable.render(rows) + "paused by simd: \(paused)\n"
    }

    /// The amount found, "?" when the answer held no number, "-" before any answer.
    static func balance(_ balance: SimdBalance?) -> String {
        guard let balance, balance.text != nil else { return "-" }
        return balance.amount ?? "?"
    }
}

/// `lock`, `unlock`, `release`: one SIM by its configuration id; prints it after the change.
struct SimsLockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lock", abstract: "Keep a SIM off air until unlocked.")
    @OptionGroup var daemon: DaemonSocketOptions
    @Argument(help: "The SIM's id in the configuration.") var sim: String
    func run() async throws { try await SimsChange.run(.lock(sim: sim), daemon) }
}

struct SimsUnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Let a locked SIM go on air again.")
    @OptionGroup var daemon: DaemonSocketOptions
    @Argument(help: "The SIM's id in the configuration.") var sim: String
    func run() async throws { try await SimsChange.run(.unlock(sim: sim), daemon) }
}

struct SimsReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Take a SIM out of quarantine.")
    @OptionGroup var daemon: DaemonSocketOptions
    @Argument(help: "The SIM's id in the configuration.") var sim: String
    func run() async throws { try await SimsChange.run(.release(sim: sim), daemon) }
}

struct SimsLimitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "limits", abstract: "Set a SIM's limits over the configuration's.")
    @OptionGroup var daemon: DaemonSocketOptions
    @Argument(help: "The SIM's id in the configuration.") var sim: String
    @Option(help: "Messages per local hour.") var perHour: Int?
    @Option(help: "Messages per local day.") var perDay: Int?
    @Option(help: "Messages per local month.") var perMonth: Int?

    func validate() throws {
        if perHour == nil, perDay == nil, perMonth == nil { throw ValidationError("give --per-hour, --per-day or --per-month") }
    }

    func run() async throws {
        try await SimsChange.run(.setLimits(sim: sim, perHour: perHour, perDay: perDay, perMonth: perMonth), daemon)
    }
}

struct SimsRotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rotate", abstract: "Rotate a modem to its next SIM now.")
    @OptionGroup var daemon: DaemonSocketOptions
    @Argument(help: "The modem's id in the configuration.") var modem: String

    func run() async throws {
        guard case .rotating(let modem) = try await daemon.callSimd(.rotate(modem: modem)) else {
            throw InputError("smsgw-simd answered rotate with something else")
        }
        StandardStreams.writeOutput("rotating \(modem)\n")
    }
}

enum SimsChange {
    static func run(_ request: SimdProtocol.Request, _ daemon: DaemonSocketOptions) async throws {
        guard case .sim(let sim) = try await daemon.callSimd(request) else {
            throw InputError("smsgw-simd answered with something else")
        }
        StandardStreams.writeOutput("\(sim.sim): \(sim.state) (\(sim.reason)); limits \(sim.perHour)/\(sim.perDay)/\(sim.perMonth)\n")
    }
}
