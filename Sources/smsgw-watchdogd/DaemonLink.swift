import GatewayIPC
import Logging

/// A connection to one daemon's control socket: connects on first use and forgets a
/// connection that closed or timed out, so the next poll connects again (a restarted daemon
/// is a new socket).
actor DaemonLink<P: IPCProtocol> {
    let path: String
    private var client: IPCClient<P>?

    init(path: String) { self.path = path }

    func call(_ request: P.Request, timeout: Duration) async -> Result<P.Response, IPCError> {
        let client: IPCClient<P>
        if let existing = self.client {
            client = existing
        } else {
            do { client = try await IPCClient<P>.connect(to: path) } catch { return .failure(error) }
            self.client = client
        }
        do {
            return .success(try await client.call(request, timeout: timeout))
        } catch {
            if error.code == .connectionClosed || error.code == .timeout, self.client === client {
                self.client = nil
                await client.close()
            }
            return .failure(error)
        }
    }
}
