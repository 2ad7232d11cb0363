/// The network's answer to a USSD request (`+CUSD: <m>,<str>,<dcs>`, 3GPP TS 27.007 §7.15).
public struct ModemdUSSDAnswer: Codable, Sendable, Hashable {
    public var modem: String
    /// `<m>`: 0 done, 1 the network waits for more (modemd ended the session), 2 ended by the network.
    public var status: Int
    /// `<str>` decoded to text (3GPP TS 23.038 §5 by `<dcs>`); nil when the answer had none.
    public var text: String?
    /// `<str>` as the module sent it.
    public var raw: String?
    public var dataCodingScheme: Int?

    public init(modem: String, status: Int, text: String?, raw: String?, dataCodingScheme: Int?) {
        self.modem = modem
        self.status = status
        self.text = text
        self.raw = raw
        self.dataCodingScheme = dataCodingScheme
    }
}
