/// What `smsgw-modemd` answers on its control socket (docs/modemd.md): per-modem status,
/// sending a message's PDUs, SIM switching, power cycling, and its health.
public enum ModemdProtocol: IPCProtocol {
    public enum Request: Codable, Sendable, Hashable {
        /// Every modem's state, radio, SIM, counters and last error.
        case status
        /// Whether the daemon is healthy, for smsgw-watchdogd.
        case health
        /// Send a message's parts on one modem; answered when every part has a TP-MR or one failed.
        case send(ModemdSendRequest)
        /// Switch `modem` to SIM slot `slot` (0-based) and initialise it again.
        case switchSIM(modem: String, slot: Int)
        /// Cut and restore `modem`'s power now.
        case powerCycle(modem: String)
        /// Send the USSD string `code` (a balance check such as `*100#`) on `modem`'s SIM on
        /// air and answer the network's reply (3GPP TS 27.007 §7.15), within 30 s.
        case ussd(modem: String, code: String)
        /// Read the configuration file again, as SIGHUP does, and say what was applied.
        case reload
    }

    public enum Response: Codable, Sendable, Hashable {
        case status([ModemdModemStatus])
        case health(ModemdHealth)
        case sent(ModemdSendResult)
        /// The modem runs on `slot` now, with this SIM.
        case simSwitched(modem: String, slot: Int, iccid: String?)
        /// The power cycle has begun (the modem comes back by itself; watch `status`).
        case powerCycleStarted(modem: String)
        /// The network's answer to `ussd`.
        case ussdAnswer(ModemdUSSDAnswer)
        case reload(ReloadReport)
    }

    public enum Event: Codable, Sendable, Hashable {
        /// A status report was stored.
        case statusReportStored(id: Int64)
        /// A modem's state changed (ready, hung, resetting…) or it identified its SIM (after a
        /// slot switch): its status as `status` would report it now. Subscribers (queued) react
        /// to it instead of polling.
        case modemChanged(ModemdModemStatus)
    }
}

extension IPCErrorCode {
    /// The request names a modem the configuration does not have.
    public static let unknownModem = IPCErrorCode("unknown_modem")
    /// The request is well formed but cannot be carried out as asked (a slot that does not exist…).
    public static let refused = IPCErrorCode("refused")
}
