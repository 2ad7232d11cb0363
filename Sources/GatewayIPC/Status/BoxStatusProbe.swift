#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gathers a `BoxStatus`: `status` and `health` of smsgw-modemd, -queued and -simd, `health`
/// of smsgw-ingressd, and of smsgw-watchdogd when its socket exists (it runs on a box and
/// under `smsgwctl up` when built). A daemon that does not answer is named in `unreachable`.
public enum BoxStatusProbe {
    /// `socket` names the control socket of a daemon (`modemd` → `<runtime>/modemd.sock`).
    public static func gather(socket: (String) throws -> String, timeout: Duration = .seconds(10)) async -> BoxStatus {
        var status = BoxStatus(health: [:], unreachable: [:])
        do {
            let path = try socket("modemd")
            if case .status(let modems) = try await call(.status, path, "modemd", ModemdProtocol.self, timeout) { status.modems = modems }
            if case .health(let health) = try await call(.health, path, "modemd", ModemdProtocol.self, timeout) {
                var daemon = health.daemon
                daemon.detail = "\(health.ready)/\(health.modems) modems ready; \(daemon.detail)"
                status.health["modemd"] = daemon
            }
        } catch { status.unreachable["modemd"] = "\(error)" }
        do {
            let path = try socket("queued")
            if case .status(let queue) = try await call(.status, path, "queued", QueuedProtocol.self, timeout) { status.queue = queue }
            if case .health(let health) = try await call(.health, path, "queued", QueuedProtocol.self, timeout) {
                status.health["queued"] = health
            }
        } catch { status.unreachable["queued"] = "\(error)" }
        do {
            let path = try socket("simd")
            if case .status(let sims) = try await call(.status, path, "simd", SimdProtocol.self, timeout) { status.sims = sims }
            if case .health(let health) = try await call(.health, path, "simd", SimdProtocol.self, timeout) {
                status.health["simd"] = health
            }
        } catch { status.unreachable["simd"] = "\(error)" }
        do {
            let path = try socket("ingressd")
            if case .health(let health) = try await call(.health, path, "ingressd", IngressdProtocol.self, timeout) {
                var daemon = health.daemon
                daemon.detail += "; outbox \(health.outboxPending) pending"
                status.health["ingressd"] = daemon
            }
        } catch { status.unreachable["ingressd"] = "\(error)" }
        if let path = try? socket("watchdogd"), access(path, F_OK) == 0 {
            do {
                if case .health(let health) = try await call(.health, path, "watchdogd", WatchdogdProtocol.self, timeout) {
                    status.health["watchdogd"] = health.daemon
                }
            } catch { status.unreachable["watchdogd"] = "\(error)" }
        }
        return status
    }

    /// Why a daemon did not answer, worded for an operator.
    public struct Unreachable: Error, CustomStringConvertible {
        public var description: String
    }

    /// One request on a connection of its own.
    public static func call<P: IPCProtocol>(_ request: P.Request, _ path: String, _ daemon: String, _: P.Type,
                                            _ timeout: Duration) async throws(Unreachable) -> P.Response {
        do {
            return try await IPCClient<P>.once(request, at: path, timeout: timeout)
        } catch .unreachable(let error) {
            throw Unreachable(description: "cannot reach smsgw-\(daemon) at \(path): \(error.message)")
        } catch {
            throw Unreachable(description: "smsgw-\(daemon) at \(path): \(error.error.message)")
        }
    }
}
