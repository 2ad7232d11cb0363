/// Asking one daemon, over its control socket, to reload its configuration file (the `reload`
/// request every daemon's protocol answers, docs/ipc.md). `smsgwctl reload` and the web page
/// share it; each presents the answer its own way.
public enum ReloadCall {
    /// Why a daemon gave no `ReloadReport`.
    public enum Failure: Error, Sendable, Equatable {
        /// Nobody accepted the connection (the daemon is not running; a stale socket file).
        case notRunning(String)
        /// Connected, but no report came back (refused, timed out, cut, another answer).
        case noAnswer(String)
    }

    /// The daemons whose sockets answer `reload`, in start order (docs/box.md).
    public static let daemons = ["modemd", "queued", "ingressd", "simd", "watchdogd"]

    /// Asks `daemon` (one of `daemons`) at the socket `path`.
    public static func ask(_ daemon: String, socket path: String, timeout: Duration) async -> Result<ReloadReport, Failure> {
        switch daemon {
        case "modemd": await call(path, ModemdProtocol.self, .reload, timeout) { if case .reload(let report) = $0 { report } else { nil } }
        case "queued": await call(path, QueuedProtocol.self, .reload, timeout) { if case .reload(let report) = $0 { report } else { nil } }
        case "ingressd": await call(path, IngressdProtocol.self, .reload, timeout) { if case .reload(let report) = $0 { report } else { nil } }
        case "simd": await call(path, SimdProtocol.self, .reload, timeout) { if case .reload(let report) = $0 { report } else { nil } }
        case "watchdogd": await call(path, WatchdogdProtocol.self, .reload, timeout) { if case .reload(let report) = $0 { report } else { nil } }
        default: .failure(.noAnswer("no daemon \"\(daemon)\" answers reload (\(daemons.joined(separator: ", ")) do)"))
        }
    }

    private static func call<P: IPCProtocol>(_ path: String, _: P.Type, _ request: P.Request, _ timeout: Duration,
                                             report: (P.Response) -> ReloadReport?) async -> Result<ReloadReport, Failure> {
        do {
            let response = try await IPCClient<P>.once(request, at: path, timeout: timeout)
            guard let answer = report(response) else { return .failure(.noAnswer("answered reload with \(response)")) }
            return .success(answer)
        } catch .unreachable(let error) {
            return .failure(.notRunning(error.message))
        } catch {
            return .failure(.noAnswer(error.error.message))
        }
    }
}
