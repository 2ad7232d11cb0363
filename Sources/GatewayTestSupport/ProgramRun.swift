import Foundation

/// What a finished child process left: its exit status and everything it wrote.
public struct ProgramRun: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

/// The executables `swift build` put beside the test bundle (same configuration and scratch
/// path), found through `/proc/self/exe` so tests run whatever `--scratch-path` built them.
public enum BuiltProducts {
    public static var directory: URL {
        // The test runner is …/debug/smsgwPackageTests.xctest; the products sit next to it.
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    public static func path(of product: String) -> String {
        directory.appendingPathComponent(product).path
    }
}

/// Runs a built product with `arguments` (and optional standard input) and waits for it.
/// Output goes to temporary files rather than pipes, so a chatty child never blocks on a
/// full pipe while the test waits for it.
public func runProduct(_ product: String, _ arguments: [String], input: String = "") throws -> ProgramRun {
    try runProgram(atPath: BuiltProducts.path(of: product), arguments, input: input)
}

/// Runs the executable at `path` (argv[0] is `path`) like `runProduct`.
public func runProgram(atPath path: String, _ arguments: [String], input: String = "") throws -> ProgramRun {
    let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("smsgw-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let paths = ["in", "out", "err"].map { scratch.appendingPathComponent($0) }
    try Data(input.utf8).write(to: paths[0])
    try Data().write(to: paths[1])
    try Data().write(to: paths[2])

    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardInput = try FileHandle(forReadingFrom: paths[0])
    process.standardOutput = try FileHandle(forWritingTo: paths[1])
    process.standardError = try FileHandle(forWritingTo: paths[2])
    try process.run()
    process.waitUntilExit()
    return ProgramRun(
        status: process.terminationStatus,
        standardOutput: try String(contentsOf: paths[1], encoding: .utf8),
        standardError: try String(contentsOf: paths[2], encoding: .utf8)
    )
}
