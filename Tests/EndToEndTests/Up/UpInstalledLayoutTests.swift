import Foundation
import GatewayTestSupport
import Testing

/// `smsgwctl up` looks for the daemons beside itself (`/proc/self/exe`), as in an installed
/// `usr/bin` (scripts/install). Here smsgwctl is copied alone into an empty directory: the demo
/// configuration simulates its modems, so the first child it misses is the simulator, which
/// scripts/install lays out only with `--with-simulator`, and the message says so.
@Suite struct UpInstalledLayoutTests {
    @Test func namesTheMissingSimulatorAndHowToInstallIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smsgw-up-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("smsgwctl")
        try FileManager.default.copyItem(atPath: BuiltProducts.path(of: "smsgwctl"), toPath: copy.path)

        let process = Process()
        process.executableURL = copy
        process.arguments = ["up", "--config", "etc/smsgw/demo.toml"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 2)
        #expect(text == "smsgwctl: \(directory.path)/smsgw-modemsim is missing: build it first (swift build), "
            + "or install it beside smsgwctl (scripts/install --with-simulator)\n")
        // Nothing was started or created: the check comes before the runtime directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["smsgwctl"])
    }
}
