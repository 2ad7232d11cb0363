import ArgumentParser
import SystemBridge

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the versions of smsgw and of the system libraries it uses."
    )

    func run() throws {
        StandardStreams.writeOutput("smsgw \(SmsgwVersion.current)\nlibgpiod \(GPIOLibrary.version)\n")
    }
}

enum SmsgwVersion {
    static let current = "0.1.0-dev"
}
