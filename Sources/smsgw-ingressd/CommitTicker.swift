import ServiceLifecycle

/// Turns the idle group-commit loop once a second (`GroupCommitter.tick()`), so its heartbeat
/// beats while no submit arrives; the beat itself comes from the loop, never from here.
struct CommitTicker: Service {
    let committer: GroupCommitter

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await committer.tick()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
        }
    }
}
