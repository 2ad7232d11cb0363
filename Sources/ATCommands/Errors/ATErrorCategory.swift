/// What the modem supervisor should do about a failed command: the classification of
/// +CMS ERROR (3GPP TS 27.005 §3.2.5) and +CME ERROR (3GPP TS 27.007 §9.2) codes.
public enum ATErrorCategory: String, Sendable, Hashable, CaseIterable {
    /// A passing condition (network timeout, congestion, SIM busy, memory full…): retry later,
    /// possibly on another SIM.
    case temporary
    /// This message or command will never succeed as it is (invalid number, barred, not
    /// supported, invalid PDU…): fail it, do not retry.
    case permanent
    /// The modem or its SIM needs attention (SIM not inserted, PIN/PUK required, SIM or
    /// phone failure): take the modem out of rotation and recover it.
    case deviceFault
}
