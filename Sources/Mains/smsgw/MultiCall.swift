import IngressdDaemon
import ModemSimulator
import ModemdDaemon
import QueuedDaemon
import SimdDaemon
import SmsgwctlCommands
import WatchdogdDaemon

#if canImport(Glibc)
import Glibc
#endif

/// The multi-call executable: one binary for the whole box, the program chosen by the name it
/// was called by (Program.swift). Each program's own `main(arguments)` runs it as its thin
/// executable would, exit status and all.
@main
enum MultiCall {
    static func main() async {
        switch Invocation(commandLine: CommandLine.arguments) {
        case .run(.ctl, let arguments): await Smsgwctl.main(arguments)
        case .run(.modemd, let arguments): await ModemdCommand.main(arguments)
        case .run(.queued, let arguments): await QueuedCommand.main(arguments)
        case .run(.ingressd, let arguments): await IngressdCommand.main(arguments)
        case .run(.simd, let arguments): await SimdCommand.main(arguments)
        case .run(.watchdogd, let arguments): await WatchdogdCommand.main(arguments)
        case .run(.modemsim, let arguments): ModemSimCommand.main(arguments)
        case .list:
            write(programList, to: STDOUT_FILENO)
        case .unknown(let name):
            write("smsgw: unknown program \"\(name)\"\n" + programList, to: STDERR_FILENO)
            exit(2)
        }
    }

    /// All of `text` to the file descriptor `fd`.
    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
