import ArgumentParser

/// The operator's command line. Exit status: 0 done; 1 the thing checked has problems
/// (`config check`); 2 bad input, with one line on standard error saying what is wrong.
public struct Smsgwctl: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "smsgwctl",
        abstract: "The operator's tool for the smsgw SMS gateway box.",
        subcommands: [
            UpCommand.self, StatusCommand.self, SendCommand.self, LogsCommand.self,
            ConfigCommand.self, ReloadCommand.self, ModemsCommand.self, QueueCommand.self, SimsCommand.self, SMSCommand.self, SMPPCommand.self, VersionCommand.self,
        ]
    )

    public init() {}

    /// Runs this process's command line.
    public static func main() async {
        await main(nil)
    }

    /// Runs the command line `arguments` (without the program name; `nil`: this process's own),
    /// as `smsgwctl` or through the multi-call `smsgw` (`smsgw ctl status`).
    public static func main(_ arguments: [String]?) async {
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            failAndExit(error)
        }
    }

    /// Help, `--version` and explicit exit codes keep ArgumentParser's behaviour; any other
    /// failure is bad input: one line on standard error and exit status 2.
    private static func failAndExit(_ error: any Error) -> Never {
        if error is ExitCode || exitCode(for: error) == .success {
            exit(withError: error)
        }
        let message = message(for: error)
            .split(whereSeparator: \.isNewline)
            .map { $0.drop(while: \.isWhitespace) }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
        StandardStreams.writeError("smsgwctl: \(message)\n")
        exit(withError: ExitCode(2))
    }
}

/// Bad input a command found itself (not the argument parser): its description is the line
/// printed before exiting with status 2.
struct InputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
