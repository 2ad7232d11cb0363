import GatewayCore

/// The values a Kannel dlr-url's % placeholders stand for (Kannel user guide, "Parameters
/// (escape codes)"), for one delivery report of one message.
public struct KannelCallbackValues: Sendable, Equatable {
    /// `%d`: the report type, a Kannel dlr-mask bit (``KannelReportType``).
    public var reportType: KannelReportType
    /// `%A`: the SMSC's reply text.
    public var smscReply: String
    /// `%T` (Unix seconds) and `%t` (`YYYY-MM-DD HH:MM`, UTC): when the report was made.
    public var time: Timestamp
    /// `%p` / `%q`: the sender of the message (the upstream's `from`).
    public var sender: String
    /// `%P` / `%Q`: the receiver of the message (the handset).
    public var receiver: String
    /// `%i`: the id of the connection that carried it (the SIM or modem, as the box names it).
    public var smscID: String
    /// `%I`: our message id; `%F`: the id the sender was given for it (the same for us unless
    /// upstream supplied its own).
    public var messageID: String
    public var foreignID: String
    /// `%a`, `%b`, `%k`, `%s`, `%S`, `%r`: the message text and its words.
    public var text: String
    /// `%n`: the sendsms user (the account's Kannel-style user, or its id).
    public var username: String
    /// `%o`: the account; `%B`: the billing identifier (none here: empty).
    public var account: String
    public var billing: String
    /// `%c`: 0 (GSM 7-bit), 1 (8-bit), 2 (UCS-2); `%C` the charset name of that coding.
    public var coding: Int

    public init(reportType: KannelReportType, smscReply: String, time: Timestamp, sender: String, receiver: String,
                smscID: String, messageID: String, foreignID: String? = nil, text: String, username: String,
                account: String, billing: String = "", coding: Int = 0) {
        self.reportType = reportType
        self.smscReply = smscReply
        self.time = time
        self.sender = sender
        self.receiver = receiver
        self.smscID = smscID
        self.messageID = messageID
        self.foreignID = foreignID ?? messageID
        self.text = text
        self.username = username
        self.account = account
        self.billing = billing
        self.coding = coding
    }
}

/// Kannel's DLR types, the bits of its dlr-mask (user guide, "sendsms": dlr-mask).
public enum KannelReportType: Int, Sendable, Equatable {
    case delivered = 1
    case undelivered = 2
    case queuedOnSMSC = 4
    case acceptedBySMSC = 8
    case rejectedBySMSC = 16

    /// The type reporting that a message became `state`, or nil when Kannel has none for it.
    public init?(state: MessageState) {
        switch state {
        case .delivered: self = .delivered
        case .failed, .expired, .cancelled: self = .undelivered
        case .sent: self = .acceptedBySMSC
        default: return nil
        }
    }

    /// The `%A` text Kannel's SMPP and AT drivers give for this type: the receipt's `stat:`
    /// word (SMPP 3.4 Appendix B) for final reports, `ACK/` and `NACK/` for the SMSC's answer.
    public var smscReply: String {
        switch self {
        case .delivered: "stat:DELIVRD"
        case .undelivered: "stat:UNDELIV"
        case .queuedOnSMSC: "stat:ENROUTE"
        case .acceptedBySMSC: "ACK/"
        case .rejectedBySMSC: "NACK/"
        }
    }
}

extension KannelCallbackValues {
    /// The values for a report that message `source` became `state` at `time`; nil when Kannel
    /// has no report type for that state. `%n` is the account's sendsms user when it has one.
    public init?(_ source: KannelCallbackSource, state: MessageState, at time: Timestamp, username: String? = nil) {
        guard let type = KannelReportType(state: state) else { return nil }
        let coding = switch source.encoding {
        case .gsm7: 0
        case .binary: 1
        case .ucs2: 2
        }
        self.init(reportType: type, smscReply: type.smscReply, time: time, sender: source.source, receiver: source.destination,
                  smscID: source.simICCID ?? "", messageID: String(source.messageID), foreignID: source.upstreamMessageID,
                  text: source.text, username: username ?? source.account, account: source.account, coding: coding)
    }
}
