#if canImport(Glibc)
import Glibc
#endif
import GatewayCore
import GatewayStore
import ModemSession

/// modemd's writes to the store (docs/store.md: modems, inbound messages and parts, status
/// reports), serialised through one connection.
actor StoreRecorder {
    private let database: GatewayDatabase

    init(path: String) throws {
        database = try GatewayDatabase(path: path, now: .wallClock)
    }

    func registerModem(_ id: String, device: String) throws -> Int64 {
        try database.upsertModem(name: id, device: device, now: .wallClock)
    }

    func setState(_ modemID: Int64, _ state: ModemState) throws {
        try database.setModemState(modemID, state: state, now: .wallClock)
    }

    /// Records the module's model and IMEI and the SIM it runs on; returns the SIM's id.
    func recordIdentity(_ modemID: Int64, _ identity: ModemIdentity, operatorName: String?, vendor: String) throws -> Int64? {
        try database.connection.run(
            "UPDATE modems SET vendor = ?, model = ?, imei = ?, updated_at = ? WHERE id = ?",
            vendor, identity.model, identity.imei, Timestamp.wallClock.millisecondsSince1970, modemID)
        guard let iccid = identity.iccid else { return nil }
        return try database.upsertSim(iccid: iccid, imsi: identity.imsi, operatorName: operatorName, modemID: modemID,
                                      slot: identity.slot, now: .wallClock)
    }

    /// Stores a received PDU; returns what to announce.
    func record(_ content: ReceivedContent, modemID: Int64, simID: Int64?) throws -> ModemdStoreOutcome {
        let now = Timestamp.wallClock
        switch content {
        case .message(let part):
            let result = try database.storeInboundPart(NewInboundPart(
                modemID: modemID, simID: simID, originator: part.originator,
                concatenation: part.concatenation.map { .init(reference: $0.reference, total: $0.total, sequence: $0.sequence) },
                pduHex: part.pduHex, text: part.text, serviceCentreTime: part.serviceCentreTime, receivedAt: now))
            return .inbound(id: result.inboundID, isNew: result.isNewPart, completed: result.completedText != nil)
        case .statusReport(let report):
            let id = try database.insertStatusReport(NewStatusReport(
                modemID: modemID, simID: simID, messageReference: report.messageReference, recipient: report.recipient,
                serviceCentreTime: report.serviceCentreTime, dischargeTime: report.dischargeTime, status: report.status,
                receivedAt: now))
            return .statusReport(id: id)
        }
    }

    /// Inbound messages whose missing parts did not come within `timeout` are marked
    /// `abandoned`: the parts that arrived stay stored, visible, and are never forwarded as whole.
    func abandonIncomplete(olderThan timeout: Duration) throws -> Int {
        let cutoff = (Timestamp.wallClock - timeout).millisecondsSince1970
        return try database.connection.run(
            "UPDATE inbound_messages SET state = 'abandoned' WHERE state = 'incomplete' AND first_received_at < ?", cutoff)
    }
}

enum ModemdStoreOutcome: Sendable {
    case inbound(id: Int64, isNew: Bool, completed: Bool)
    case statusReport(id: Int64)
}

extension Timestamp {
    /// Now, by the wall clock (CLOCK_REALTIME).
    static var wallClock: Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(millisecondsSince1970: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }
}
