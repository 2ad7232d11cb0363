import GatewayTime
import ServiceLifecycle

/// Waits `duration` on `clock`, or less when graceful shutdown begins or the task is cancelled.
/// Returns whether the caller should go on (false once shutdown began or the task was cancelled).
@discardableResult
public func sleepUnlessShuttingDown(for duration: Duration, clock: any DaemonClock = SystemClock()) async -> Bool {
    try? await cancelWhenGracefulShutdown { try await clock.sleep(for: duration) }
    return !shutdownHasBegun
}

/// True once graceful shutdown has begun or the task was cancelled: a loop's cue to stop.
public var shutdownHasBegun: Bool { Task.isShuttingDownGracefully || Task.isCancelled }

/// Runs `body`, then again every `interval` of `clock` after it returns, until graceful shutdown
/// begins (the pause is cut short by it) or the task is cancelled.
public func repeatUntilShutdown(every interval: Duration, clock: any DaemonClock = SystemClock(),
                                _ body: () async -> Void) async {
    while !shutdownHasBegun {
        await body()
        await sleepUnlessShuttingDown(for: interval, clock: clock)
    }
}
