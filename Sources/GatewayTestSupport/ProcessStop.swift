import Foundation

/// Stops a child a test started: SIGTERM, up to `patience` for it to exit (a daemon's graceful
/// shutdown), then SIGKILL — so a test never hangs on a child that will not stop.
public func stopChild(_ process: Process, patience: Duration = .seconds(5)) {
    guard process.isRunning else { return }
    process.terminate()
    try? Eventually.waitBlocking(for: "pid \(process.processIdentifier) to exit", within: patience, every: .milliseconds(20)) {
        !process.isRunning
    }
    if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
