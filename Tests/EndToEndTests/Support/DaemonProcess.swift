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
        var log: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        do {
            try await Eventually.wait(for: "\(product) to be ready", within: timeout, context: { log }) { ready() || !process.isRunning }
        } catch {
            stopChild(process)
            throw error
        }
        guard process.isRunning else { throw IngressBoxError("\(product) did not start:\n\(log)") }
        return process
    }
}
