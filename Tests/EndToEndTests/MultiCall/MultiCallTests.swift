import Foundation
import GatewayTestSupport
import Testing

/// The multi-call `smsgw` (Sources/Mains/smsgw): called by a program's installed name (a
/// symlink, as scripts/install lays out usr/bin) or as `smsgw PROGRAM`, it is that program;
/// any other name is refused with the list and exit status 2.
@Suite struct MultiCallTests {
    /// Each program's `--help` through a symlink named like it, and through `smsgw PROGRAM`,
    /// is the thin executable's own, byte for byte: the same command runs with the same
    /// arguments (argv[0] dropped).
    @Test(arguments: [
        ("smsgw-queued", "queued"), ("smsgw-modemd", "modemd"), ("smsgw-ingressd", "ingressd"),
        ("smsgw-simd", "simd"), ("smsgw-watchdogd", "watchdogd"), ("smsgw-modemsim", "modemsim"),
        ("smsgwctl", "ctl"),
    ])
    func symlinkAndSubcommandRunTheProgram(installed: String, short: String) throws {
        let layout = try InstalledLayout()
        let own = try runProduct(installed, ["--help"])
        #expect(own.status == 0)
        #expect(own.standardOutput.contains("USAGE: \(installed)"))

        let linked = try layout.run(installed, ["--help"])
        #expect(linked.status == 0)
        #expect(linked.standardOutput == own.standardOutput)

        let called = try layout.run("smsgw", [short, "--help"])
        #expect(called.status == 0)
        #expect(called.standardOutput == own.standardOutput)
        // The installed name works after `smsgw` too.
        let byName = try runProduct("smsgw", [installed, "--help"])
        #expect(byName.standardOutput == own.standardOutput)
    }

    /// Arguments reach the program unchanged, and so do its exit status and errors: smsgwctl's
    /// bad input is one line on standard error and exit status 2 either way.
    @Test func argumentsAndExitStatusPassThrough() throws {
        let layout = try InstalledLayout()
        let encode = ["sms", "encode", "--to", "+31612345678", "--text", "héllo"]
        let own = try runProduct("smsgwctl", encode)
        #expect(own.status == 0 && !own.standardOutput.isEmpty)
        #expect(try layout.run("smsgwctl", encode).standardOutput == own.standardOutput)
        #expect(try layout.run("smsgw", ["ctl"] + encode).standardOutput == own.standardOutput)

        let bad = try layout.run("smsgwctl", ["sms", "encode", "--to", "+31612345678"])
        #expect(bad.status == 2)
        #expect(bad.standardError == (try runProduct("smsgwctl", ["sms", "encode", "--to", "+31612345678"])).standardError)
    }

    /// A name that is no program (a symlink named otherwise, or `smsgw NAME`) prints the list
    /// on standard error and exits 2; `smsgw` alone or `--help` prints it on standard output.
    @Test(arguments: [
        ("smsgw-nope", [String]()),  // a symlink with an unknown smsgw- name
        ("smsgw", ["nope"]),  // an unknown program after smsgw
        ("smsgw", ["smsgw"]),  // smsgw is no program of its own
    ])
    func unknownNamesAreRefused(name: String, arguments: [String]) throws {
        let layout = try InstalledLayout()
        let run = try layout.run(name, arguments + ["--help"])
        let unknown = arguments.first ?? name
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.hasPrefix("smsgw: unknown program \"\(unknown)\"\nusage: smsgw PROGRAM"))
        for program in ["ctl", "modemd", "queued", "ingressd", "simd", "watchdogd", "modemsim"] {
            #expect(run.standardError.contains("\n  \(program) "))
        }
    }

    @Test(arguments: [[String](), ["--help"], ["help"]])
    func theListOnRequest(arguments: [String]) throws {
        let run = try runProduct("smsgw", arguments)
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        #expect(run.standardOutput.hasPrefix("usage: smsgw PROGRAM"))
        #expect(run.standardOutput.contains("\n  queued    smsgw-queued\n"))
        #expect(run.standardOutput.contains("\n  ctl       smsgwctl\n"))
    }
}

/// A usr/bin as scripts/install lays it out: `smsgw` and each program a relative symlink to it
/// (plus `smsgw-nope`, a name that is no program), in a temporary directory.
final class InstalledLayout {
    static let programs = ["smsgwctl", "smsgw-modemd", "smsgw-queued", "smsgw-ingressd", "smsgw-simd", "smsgw-watchdogd", "smsgw-modemsim"]
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smsgw-multicall-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // A hard link when the file system allows (the debug `smsgw` is large), else a copy.
        let built = BuiltProducts.path(of: "smsgw")
        let target = directory.appendingPathComponent("smsgw").path
        if link(built, target) != 0 { try FileManager.default.copyItem(atPath: built, toPath: target) }
        for name in Self.programs + ["smsgw-nope"] {
            try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(name).path, withDestinationPath: "smsgw")
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Runs `name` from this layout (by its path: argv[0] is that path).
    func run(_ name: String, _ arguments: [String]) throws -> ProgramRun {
        try runProgram(atPath: path(name), arguments)
    }
}
