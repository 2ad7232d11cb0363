/// One request on a connection of its own, for tools and pages that ask a daemon now and then
/// (`smsgwctl`, the web page): connect, call, close.
extension IPCClient {
    /// Why a one-off call got no answer.
    public enum OnceFailure: Error, Sendable {
        /// Nobody accepted the connection (no daemon, or a stale socket file).
        case unreachable(IPCError)
        /// Connected, but the call failed: refused by the daemon, timed out, or cut.
        case failed(IPCError)

        public var error: IPCError {
            switch self {
            case .unreachable(let error), .failed(let error): error
            }
        }
    }

    /// Sends `request` to the daemon listening at `path` and returns its answer; the connection
    /// is closed either way.
    public static func once(_ request: P.Request, at path: String, timeout: Duration) async throws(OnceFailure) -> P.Response {
        let client: IPCClient<P>
        do {
            client = try await IPCClient.connect(to: path, protocol: P.self)
        } catch {
            throw .unreachable(error)
        }
        let result: Result<P.Response, IPCError>
        do {
            result = .success(try await client.call(request, timeout: timeout))
        } catch {
            result = .failure(error)
        }
        await client.close()
        return try result.mapError { OnceFailure.failed($0) }.get()
    }
}
