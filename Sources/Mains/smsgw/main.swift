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

// The multi-call executable: one binary for the whole box, the program chosen by the name it
// was called by (Program.swift).
switch Invocation(commandLine: CommandLine.arguments) {
case .run(.ctl, let arguments): await Smsgwctl.main(arguments)
case .run(.modemd, let arguments): await ModemdCommand.main(arguments)
case .run(.queued, let arguments): await QueuedCommand.main(arguments)
case .run(.ingressd, let arguments): await IngressdCommand.main(arguments)
case .run(.simd, let arguments): await SimdCommand.main(arguments)
case .run(.watchdogd, let arguments): await WatchdogdCommand.main(arguments)
case .run(.modemsim, let arguments): ModemSimCommand.main(arguments)
case .list:
    fputs(programList, stdout)
case .unknown(let name):
    fputs("smsgw: unknown program \"\(name)\"\n" + programList, stderr)
    exit(2)
}
