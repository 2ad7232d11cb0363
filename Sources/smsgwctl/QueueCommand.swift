import ArgumentParser
import GatewayCore
import GatewayIPC

/// `smsgwctl queue`: the queue's status from smsgw-queued's control socket (docs/queued.md),
/// as a table or `--json` (the default subcommand); pause/resume a modem or SIM; cancel a message.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Show the queue, pause or resume a modem or SIM, cancel a waiting message.",
        subcommands: [QueueStatusCommand.self, QueuePauseCommand.self, QueueResumeCommand.self, QueueCancelCommand.self],
        defaultSubcommand: QueueStatusCommand.self)
}

extension DaemonSocketOptions {
    /// One request to smsgw-queued.
    func call(_ request: QueuedProtocol.Request) async throws -> QueuedProtocol.Response {
        try await call(request, on: "queued", protocol: QueuedProtocol.self)
    }
}

struct QueueStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Depth by state and class, messages in flight per modem, oldest waiting age (the default).")

    @OptionGroup var daemon: DaemonSocketOptions

    @Flag(name: .long, help: "Print the status as JSON.")
    var json = false

    func run() async throws {
        guard case .status(let status) = try await daemon.call(.status) else {
            throw InputError("smsgw-queued did not answer with a status")
        }
        if json { try printJSON(status) } else { StandardStreams.writeOutput(Self.table(status)) }
    }

    /// The status as the operator reads it: one row per state, one column per class.
    static func table(_ status: QueueStatus) -> String {
        let classes = MessageClass.allCases.map(\.rawValue)
        var lines = ["modemd: \(status.modemdConnected ? "connected" : "NOT CONNECTED"), ready modems: "
            + (status.readyModems.isEmpty ? "none" : status.readyModems.sorted().joined(separator: " "))]
        let header = ["state"] + classes + ["total"]
        var rows: [[String]] = []
        for state in MessageState.allCases.map(\.rawValue) {
            guard let counts = status.depth[state] else { continue }
            rows.append([state] + classes.map { String(counts[$0] ?? 0) } + [String(counts.values.reduce(0, +))])
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            lines.append(row.enumerated().map { column, cell in
                column == 0 ? cell.padding(widths[column]) : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  "))
        }
        lines.append("in flight: " + (status.inFlight.isEmpty ? "none"
            : status.inFlight.sorted { $0.key < $1.key }.map { "\($0.key)=message \($0.value)" }.joined(separator: ", ")))
        lines.append("oldest waiting: " + (status.oldestWaitingMilliseconds.map { "\($0 / 1000).\($0 % 1000 / 100) s" } ?? "none"))
        if !status.pausedModems.isEmpty || !status.pausedSIMs.isEmpty {
            lines.append("paused: modems \(status.pausedModems.joined(separator: " ")) SIMs \(status.pausedSIMs.joined(separator: " "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
