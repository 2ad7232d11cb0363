import GatewayCore
import Logging
import SMPPCodec

/// Keeps one session honest (SMPP 3.4 §4.11, §2.9): after `enquire_link_interval` of silence
/// we send enquire_link; a peer silent for `inactivity_timeout` is unbound and closed. On
/// graceful shutdown (SIGTERM) it waits for the peer's submits in flight to be answered, then
/// unbinds (§4.2) and closes; so too when a reload revoked the account's access (the operator
/// revoking it expects the session gone, not only the next bind refused). Runs beside the read
/// loop until cancelled.
struct SessionHealth: Sendable {
    let link: SessionLink
    let timers: SMPPSessionTimers
    let logger: Logger

    func run() async {
        let tick = max(.milliseconds(20), min(.seconds(1), min(timers.enquireLinkInterval, timers.inactivityTimeout) / 4))
        var lastProbe: Duration?
        while !Task.isCancelled {
            try? await Task.sleep(for: tick)
            if Task.isCancelled { return }
            if link.stopping.load(ordering: .relaxed) {
                await unbindAndClose(because: "shutting down")
                return
            }
            if link.revoked.load(ordering: .relaxed) {
                await unbindAndClose(because: "the reloaded configuration revoked the account's access")
                return
            }
            let silence = link.silence
            if silence >= timers.inactivityTimeout {
                logger.notice("SMPP peer silent for \(silence): unbinding and closing")
                if link.bound.load(ordering: .relaxed) { _ = await link.request(.unbind, timeout: .seconds(1)) }
                link.closeConnection()
                return
            }
            if silence >= timers.enquireLinkInterval, link.bound.load(ordering: .relaxed), lastProbe.map({ silence - $0 >= timers.enquireLinkInterval }) ?? true {
                lastProbe = silence
                // The answer (enquire_link_resp) counts as hearing from the peer; no need to wait.
                await link.send(.enquireLink)
            } else if silence < timers.enquireLinkInterval {
                lastProbe = nil
            }
        }
    }

    /// Waits (up to 10 s) for the peer's submits in flight to be answered, so none is lost or
    /// left unanswered, then unbinds (§4.2) and closes.
    private func unbindAndClose(because reason: String) async {
        let deadline = ContinuousClock.now + .seconds(10)
        while link.unanswered.load(ordering: .relaxed) > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if link.bound.load(ordering: .relaxed) {
            logger.notice("\(reason): unbinding the SMPP session")
            _ = await link.request(.unbind, timeout: .seconds(2))
        }
        link.closeConnection()
    }
}
