import Foundation

/// How tests start the programs of the box (daemons, the simulator, `smsgwctl up`, a peer):
/// one executable with its arguments, its standard output and error in `<logs>/<name>.out` and
/// `.err` (files, not pipes: a chatty child never blocks on a full pipe), and optionally a wait
/// until it is ready — each test box used to write its own copy of this.
public enum ChildLauncher {
    /// Starts `executable` and returns at once. `environment` is added to the test's own;
    /// `append` keeps what an earlier run of the same `name` logged (a restart after a kill).
    public static func launch(_ executable: String, _ arguments: [String], logs: String, name: String,
                              environment: [String: String] = [:], directory: URL? = nil, append: Bool = false,
                              errorIntoOutput: Bool = false) throws -> Process {
        let process = try prepare(executable, arguments, logs: logs, name: name, environment: environment,
                                  directory: directory, append: append, errorIntoOutput: errorIntoOutput)
        try process.run()
        return process
    }

    /// The child `launch` would start, set up but not yet running (for a box that starts it
    /// later with `run()`).
    public static func prepare(_ executable: String, _ arguments: [String], logs: String, name: String,
                               environment: [String: String] = [:], directory: URL? = nil, append: Bool = false,
                               errorIntoOutput: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        let streams = errorIntoOutput ? ["out"] : ["out", "err"]
        for stream in streams where !(append && FileManager.default.fileExists(atPath: "\(logs)/\(name).\(stream)")) {
            _ = FileManager.default.createFile(atPath: "\(logs)/\(name).\(stream)", contents: nil)
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(logs)/\(name).out"))
        out.seekToEndOfFile()
        process.standardOutput = out
        if errorIntoOutput {
            process.standardError = out
        } else {
            let err = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(logs)/\(name).err"))
            err.seekToEndOfFile()
            process.standardError = err
        }
        return process
    }

    /// Starts `executable` like `launch`, then waits until `ready` holds (a log line, a socket
    /// file), the child ended, or `timeout` passed. A child that ended or timed out is stopped
    /// and reported with what it logged on standard error.
    public static func start(_ executable: String, _ arguments: [String], logs: String, name: String,
                             environment: [String: String] = [:], directory: URL? = nil, append: Bool = false,
                             timeout: Duration = .seconds(30), ready: () throws -> Bool) async throws -> Process {
        let process = try launch(executable, arguments, logs: logs, name: name, environment: environment,
                                 directory: directory, append: append)
        do {
            try await Eventually.wait(for: "\(name) to be ready", within: timeout, context: { log(of: name, in: logs) }) {
                try ready() || !process.isRunning
            }
        } catch {
            stopChild(process)
            throw error
        }
        guard process.isRunning else { throw ChildDidNotStart(name: name, log: log(of: name, in: logs)) }
        return process
    }

    /// What the child `name` wrote to standard error so far (standard output where it was
    /// launched with both in one file).
    public static func log(of name: String, in logs: String) -> String {
        let err = "\(logs)/\(name).err"
        let path = FileManager.default.fileExists(atPath: err) ? err : "\(logs)/\(name).out"
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}

/// A child that exited before it was ready.
public struct ChildDidNotStart: Error, CustomStringConvertible {
    public var name: String
    public var log: String
    public var description: String { "\(name) did not start:\n\(log)" }
}
