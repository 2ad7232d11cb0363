import GatewayDaemon
import GatewayIPC
import Logging

/// The connection to smsgw-modemd's control socket (docs/modemd.md): sends, its status, and
/// its events (a modem changed, a status report stored); `PeerLink` reconnects when it closes.
typealias ModemdLink = PeerLink<ModemdProtocol>

extension ModemdWatcher {
    /// Follows modemd for the dispatcher: a modem changed updates it, a status report stored
    /// wakes its report correlation, and every (re)subscription wakes it for the reports stored
    /// while nobody listened.
    static func following(_ link: ModemdLink, for dispatcher: Dispatcher, poll: Duration, logger: Logger) -> ModemdWatcher {
        ModemdWatcher(
            link: link, poll: poll, logger: logger,
            onStatus: { await dispatcher.modemsSeen($0) },
            onSubscribed: { await dispatcher.kick(reports: true) },
            onEvent: { event in
                switch event {
                case .statusReportStored: await dispatcher.kick(reports: true)
                case .modemChanged(let status): await dispatcher.modemChanged(status)
                }
            })
    }
}
