#if canImport(Glibc)
import Glibc
#endif
import GatewayCore
import GatewayDaemon
import GatewayStore
import ModemSession

/// modemd's writes to the store (docs/store.md: modems, inbound messages and parts, status
/// reports): every modem session's, through one connection with group commit (`GroupWriter`),
/// so a session waits for at most the commit in flight and its own, never for a line of other
/// modems' fsyncs; and on a thread of its own, never on the cooperative pool.
struct StoreRecorder: Sendable {
    private let writer: GroupWriter
    /// The reassembly window: how long parts of one message may take, and within which a part
    /// delivered again after its message finished is recognised and dropped.
    let reassemblyWindow: Duration

    init(path: String, reassemblyWindow: Duration) throws {
        writer = try GroupWriter(path: path, threadName: "modemd-store", now: .wallClock)
        self.reassemblyWindow = reassemblyWindow
    }

    func registerModem(_ id: String, device: String) async throws -> Int64 {
        try await writer.write { try $0.upsertModem(name: id, device: device, now: .wallClock) }
    }

    func setState(_ modemID: Int64, _ state: ModemState) async throws {
        try await writer.write { try $0.setModemState(modemID, state: state, now: .wallClock) }
    }

    /// Records the module's model and IMEI and the SIM it runs on; returns the SIM's id.
    func recordIdentity(_ modemID: Int64, _ identity: ModemIdentity, operatorName: String?, vendor: String) async throws
        -> Int64?
    {
        try await writer.write { database in
            try database.setModemIdentity(modemID, vendor: vendor, model: identity.model, imei: identity.imei, now: .wallClock)
            guard let iccid = identity.iccid else { return nil }
            return try database.upsertSim(iccid: iccid, imsi: identity.imsi, operatorName: operatorName, modemID: modemID,
                                          slot: identity.slot, now: .wallClock)
        }
    }

    /// Stores a received PDU; returns what to announce.
    func record(_ content: ReceivedContent, modemID: Int64, simID: Int64?) async throws -> ModemdStoreOutcome {
        let window = reassemblyWindow
        return try await writer.write { database in
            try Self.record(content, modemID: modemID, simID: simID, reassemblyWindow: window, in: database)
        }
    }

    private static func record(_ content: ReceivedContent, modemID: Int64, simID: Int64?, reassemblyWindow: Duration,
                               in database: GatewayDatabase) throws -> ModemdStoreOutcome {
        let now = Timestamp.wallClock
        switch content {
        case .message(let part):
            let result = try database.storeInboundPart(NewInboundPart(
                modemID: modemID, simID: simID, originator: part.originator,
                concatenation: part.concatenation.map { .init(reference: $0.reference, total: $0.total, sequence: $0.sequence) },
                pduHex: part.pduHex, text: part.text, serviceCentreTime: part.serviceCentreTime, receivedAt: now),
                repeatWindow: reassemblyWindow)
            if result.isRepeatOfFinished { return .repeatOfFinished(id: result.inboundID) }
            return .inbound(id: result.inboundID, isNew: result.isNewPart, completed: result.completedText != nil)
        case .statusReport(let report):
            let id = try database.insertStatusReport(NewStatusReport(
                modemID: modemID, simID: simID, messageReference: report.messageReference, recipient: report.recipient,
                serviceCentreTime: report.serviceCentreTime, dischargeTime: report.dischargeTime, status: report.status,
                receivedAt: now))
            return .statusReport(id: id)
        }
    }

    /// Inbound messages whose missing parts did not come within the reassembly window are
    /// abandoned: kept with the text that arrived (a marker per missing part), marked
    /// incomplete, and forwarded like complete ones. Returns their ids.
    func abandonIncomplete() async throws -> [Int64] {
        let window = reassemblyWindow
        return try await writer.write { database in
            let now = Timestamp.wallClock
            return try database.abandonIncompleteInbound(receivedBefore: now - window, now: now)
        }
    }
}

enum ModemdStoreOutcome: Sendable {
    case inbound(id: Int64, isNew: Bool, completed: Bool)
    /// A part of message `id`, which already completed (or was abandoned): dropped.
    case repeatOfFinished(id: Int64)
    case statusReport(id: Int64)
}
