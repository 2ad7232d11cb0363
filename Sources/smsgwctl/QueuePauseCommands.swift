import ArgumentParser
import GatewayIPC

/// Which modem or SIM `pause`/`resume` names: exactly one of `--modem` and `--sim`.
struct QueueTarget: ParsableArguments {
    @Option(help: "A modem id from the configuration.")
    var modem: String?

    @Option(help: "A SIM by its ICCID.")
    var sim: String?

    func validate() throws {
        guard (modem == nil) != (sim == nil) else { throw ValidationError("name exactly one of --modem and --sim") }
    }

    /// The paused sets after the change, as one line each.
    static func report(_ response: QueuedProtocol.Response) throws -> String {
        guard case .paused(let modems, let sims) = response else { throw InputError("smsgw-queued answered \(response)") }
        return "paused modems: " + (modems.isEmpty ? "none" : modems.joined(separator: " "))
            + "\npaused SIMs: " + (sims.isEmpty ? "none" : sims.joined(separator: " ")) + "\n"
    }
}

struct QueuePauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Stop giving messages to a modem or SIM (what is in flight finishes).")

    @OptionGroup var target: QueueTarget
    @OptionGroup var daemon: DaemonSocketOptions

    func run() async throws {
        let request: QueuedProtocol.Request = target.modem.map { .pauseModem(modem: $0) } ?? .pauseSIM(iccid: target.sim ?? "")
        StandardStreams.writeOutput(try QueueTarget.report(try await daemon.call(request)))
    }
}

struct QueueResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Give messages to a paused modem or SIM again.")

    @OptionGroup var target: QueueTarget
    @OptionGroup var daemon: DaemonSocketOptions

    func run() async throws {
        let request: QueuedProtocol.Request = target.modem.map { .resumeModem(modem: $0) } ?? .resumeSIM(iccid: target.sim ?? "")
        StandardStreams.writeOutput(try QueueTarget.report(try await daemon.call(request)))
    }
}

/// Exit status 1 (and a line saying why) when the message was already handed to a modem or
/// final: nothing changed.
struct QueueCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a message that waits (queued or held); one already sending is not touched.")

    @Argument(help: "The message id.")
    var messageID: Int64

    @OptionGroup var daemon: DaemonSocketOptions

    func run() async throws {
        guard case .cancelled(let id, let done) = try await daemon.call(.cancel(messageID: messageID)) else {
            throw InputError("smsgw-queued did not answer the cancel")
        }
        if done {
            StandardStreams.writeOutput("message \(id) cancelled\n")
        } else {
            StandardStreams.writeOutput("message \(id) not cancelled: already sending or final\n")
            throw ExitCode(1)
        }
    }
}
