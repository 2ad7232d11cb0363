import ArgumentParser
import GatewayCore
import GatewayConfig

/// `smsgwctl config check FILE`: exit 0 and a one-line summary, or exit 1 and every problem,
/// one per line as `FILE:LINE:COL: key.path: reason`.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a configuration file and report every problem in it.",
        discussion: "Exit status 0: valid (one summary line). 1: problems, one per line as FILE:LINE:COL: key: reason."
    )

    @Argument(help: "The configuration file, e.g. /etc/smsgw/gateway.toml.")
    var file: String

    func run() throws {
        do {
            let configuration = try ConfigurationLoader.load(file: file)
            StandardStreams.writeOutput("\(file): valid: \(Self.summary(of: configuration))\n")
        } catch {
            StandardStreams.writeOutput(error.problems.map { "\($0)\n" }.joined())
            throw ExitCode(1)
        }
    }

    static func summary(of configuration: GatewayConfiguration) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return [
            "box \"\(configuration.box.name)\"",
            count(configuration.modems.count, "modem"),
            count(configuration.sims.count, "SIM"),
            count(configuration.simGroups.count, "SIM group"),
            count(configuration.routing.routes.count, "route"),
            count(configuration.accounts.count, "account"),
        ].joined(separator: ", ")
    }
}
