import GatewayCore

/// What ingress reads to send DLRs and MO messages upstream (docs/ingressd.md, "Upstream
/// delivery"): which account an inbound message replies to, the SIM it came in on, and the
/// facts of a delivery receipt (SMPP 3.4 Appendix B).
extension GatewayDatabase {
    enum UpstreamDeliverySQL {
        /// The recipient's messages newest first (index `messages_by_destination`), the first with
        /// a part sent from the SIM since the window began.
        static let replyAccount = """
            SELECT m.account FROM messages AS m INDEXED BY messages_by_destination
            WHERE m.destination = ? AND EXISTS (
                SELECT 1 FROM message_parts AS p WHERE p.message_id = m.id AND p.sim_id = ? AND p.sent_at >= ?)
            ORDER BY m.id DESC LIMIT 1
            """
        static let readyAfter = """
            SELECT id, modem_id, sim_id, originator, text, completed_at, state FROM inbound_messages
            WHERE state IN ('complete', 'abandoned') AND forward_state = 'pending' AND id > ? ORDER BY id LIMIT ?
            """
        static let simIdentity = "SELECT iccid, msisdn FROM sims WHERE id = ?"
        static let receipt = """
            SELECT m.created_at, m.text, m.source, m.destination, m.units, m.dlr_url,
                   (SELECT count(*) FROM message_parts p WHERE p.message_id = m.id AND p.state = 'delivered')
            FROM messages AS m WHERE m.id = ?
            """
        /// One part the ESME submitted on its own, by the id its submit was answered with.
        static let partReceipt = """
            SELECT coalesce(p.accepted_at, m.created_at), coalesce(p.text, ''), m.source, m.destination, m.dlr_url,
                   p.state = 'delivered'
            FROM message_parts AS p JOIN messages AS m ON m.id = p.message_id
            WHERE p.message_id = ? AND p.submit_id = ?
            """
        static let reportStatus = "SELECT status FROM status_reports WHERE id = ?"
    }

    /// The account whose MT to `originator` was last sent from SIM `simID` at or after `since`:
    /// an inbound message from that number on that SIM is a reply to it.
    public func replyAccount(originator: String, simID: Int64, since: Timestamp) throws -> String? {
        try connection.queryFirst(UpstreamDeliverySQL.replyAccount, originator, simID, since.millisecondsSince1970) { $0.text(0) }
    }

    /// Like `inboundReadyToForward`, from the first id above `afterID` (a sweep that leaves
    /// some messages pending — no account for them — walks on past them).
    public func inboundReadyToForward(afterID: Int64, limit: Int) throws -> [CompleteInbound] {
        try connection.query(UpstreamDeliverySQL.readyAfter, afterID, limit) { row in
            CompleteInbound(id: row.int64(0), modemID: row.int64(1), simID: row.optionalInt64(2),
                            originator: row.text(3), text: row.text(4),
                            completedAt: Timestamp(millisecondsSince1970: row.int64(5)),
                            isComplete: row.text(6) == "complete")
        }
    }

    /// A SIM's ICCID and MSISDN (when the SIM reported one).
    public func simIdentity(_ simID: Int64) throws -> (iccid: String, msisdn: String?)? {
        try connection.queryFirst(UpstreamDeliverySQL.simIdentity, simID) { ($0.text(0), $0.optionalText(1)) }
    }

    /// What a delivery receipt about `messageID` says besides its state; nil for an unknown message.
    /// With `submitID` (a part the ESME submitted on its own) it is that part's: its submit's
    /// time, its own text, one part. `statusReportID` 0 (or unknown) leaves `reportStatus` nil.
    public func receiptFacts(messageID: Int64, submitID: String? = nil, statusReportID: Int64) throws -> ReceiptFacts? {
        let found: ReceiptFacts? = if let submitID {
            try connection.queryFirst(UpstreamDeliverySQL.partReceipt, messageID, submitID) { row in
                ReceiptFacts(submittedAt: Timestamp(millisecondsSince1970: row.int64(0)), text: row.text(1), source: row.text(2),
                             destination: row.text(3), parts: 1, partsDelivered: row.bool(5) ? 1 : 0, reportStatus: nil,
                             dlrURL: row.optionalText(4))
            }
        } else {
            try connection.queryFirst(UpstreamDeliverySQL.receipt, messageID) { row in
                ReceiptFacts(submittedAt: Timestamp(millisecondsSince1970: row.int64(0)), text: row.text(1), source: row.text(2),
                             destination: row.text(3), parts: row.int(4), partsDelivered: row.int(6), reportStatus: nil,
                             dlrURL: row.optionalText(5))
            }
        }
        guard var facts = found else { return nil }
        if statusReportID > 0 {
            facts.reportStatus = try connection.queryFirst(UpstreamDeliverySQL.reportStatus, statusReportID) { $0.int(0) }
        }
        return facts
    }
}

/// The facts of an MT message a delivery receipt reports on.
public struct ReceiptFacts: Sendable, Hashable {
    public var submittedAt: Timestamp
    public var text: String
    public var source: String
    public var destination: String
    /// Parts (SMS) the message was sent as, and how many were reported delivered.
    public var parts: Int
    public var partsDelivered: Int
    /// TP-Status of the status report that settled it (3GPP TS 23.040 §9.2.3.15), if any.
    public var reportStatus: Int?
    /// The Kannel-style dlr-url the message was submitted with (a DLR then goes there).
    public var dlrURL: String?

    public init(submittedAt: Timestamp, text: String, source: String, destination: String, parts: Int,
                partsDelivered: Int, reportStatus: Int?, dlrURL: String?) {
        self.submittedAt = submittedAt
        self.text = text
        self.source = source
        self.destination = destination
        self.parts = parts
        self.partsDelivered = partsDelivered
        self.reportStatus = reportStatus
        self.dlrURL = dlrURL
    }
}
