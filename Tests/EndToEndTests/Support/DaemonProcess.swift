import Foundation
import GatewayTestSupport

/// Starting one built daemon for a test box: its standard error in a file, then a wait until
/// `ready` holds (a log line, a socket file), or the daemon ended, or `timeout` passed — each
/// named in the error with what the daemon logged.
enum DaemonProcess {
    static func start(_ product: String, _ arguments: [String], stderr path: String, timeout: Duration = .seconds(30),
                      ready: () -> Bool) async throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.path(of: product))
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if ready() { return process }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { process.terminate() }
        let log = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        throw IngressBoxError("\(product) did not start:\n\(log)")
    }
}
