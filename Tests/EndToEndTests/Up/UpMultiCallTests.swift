import Foundation
import GatewayTestSupport
import Testing

/// `smsgwctl up` from an installed usr/bin where every program is a symlink to the multi-call
/// `smsgw` (scripts/install): smsgwctl, itself a symlink, finds the daemons beside itself, and
/// every child it starts is that `smsgw`, called by the daemon's installed name.
@Suite struct UpMultiCallTests {
    @Test(.timeLimit(.minutes(2))) func aSymlinkedSmsgwctlRunsTheBoxFromSymlinks() throws {
        let layout = try InstalledLayout()
        let box = try UpBox(watchdogSeconds: 3, smsgwctl: layout.path("smsgwctl"))
        try box.start()
        for name in ["modemsim", "modemd", "queued", "ingressd", "simd", "watchdogd"] {
            let pid = try #require(box.pids(of: name).last, "no pid for \(name) in\n\(box.errors.suffix(3000))")
            let image = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
            #expect(image == layout.path("smsgw"), "\(name)")
            let commandLine = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))
            let argv0 = String(decoding: commandLine.prefix { $0 != 0 }, as: UTF8.self)
            #expect(argv0 == layout.path("smsgw-\(name)"), "\(name)")
        }
        let status = try runProgram(atPath: layout.path("smsgwctl"), ["status", "--config", box.configPath])
        #expect(status.status == 0)
        #expect(status.standardOutput.contains("8 ready modems"))
    }
}
