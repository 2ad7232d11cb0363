import ServiceLifecycle

/// Waits `duration`, or less when graceful shutdown begins or the task is cancelled. Returns
/// whether the caller should go on (false once shutdown began or the task was cancelled).
@discardableResult
public func sleepUnlessShuttingDown(for duration: Duration) async -> Bool {
    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    return !shutdownHasBegun
}

/// True once graceful shutdown has begun or the task was cancelled: a loop's cue to stop.
public var shutdownHasBegun: Bool { Task.isShuttingDownGracefully || Task.isCancelled }

/// Runs `body`, then again every `interval` after it returns, until graceful shutdown begins
/// (the pause is cut short by it) or the task is cancelled.
public func repeatUntilShutdown(every interval: Duration, _ body: () async -> Void) async {
    while !shutdownHasBegun {
        await body()
        await sleepUnlessShuttingDown(for: interval)
    }
}
