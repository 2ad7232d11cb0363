import GatewayCore
import GatewayIPC
import GatewayStore
import GatewayTestSupport

/// smsgw-modemd as queued's and simd's loops see it (`IPCPeer`), in process: modems that are
/// ready on a slot, each slot's SIM known to the store (as modemd records them), sends answered
/// from a script (`sent` by default, one TP-MR per part), slot switches that take effect at
/// once and are announced to `observers` (modemd's `modemChanged` event), USSD answers. Its
/// ledger — every send it took, with the SIM on air then — is the witness of what went out.
actor FakeModemd: IPCPeer {
    typealias P = ModemdProtocol

    struct Send: Sendable {
        var modem: String
        var iccid: String
        var parts: Int
    }

    private var modems: [String: ModemdModemStatus] = [:]
    private var nextReference: [String: Int] = [:]
    private var switching: Set<String> = []
    /// Answers for the next sends, in order; when empty a send is `sent`.
    private var script: [ModemdSendResult] = []
    private var ussdText = "Your balance is 12.50 EUR."
    private var observers: [@Sendable (ModemdModemStatus) async -> Void] = []
    private(set) var ledger: [Send] = []
    private(set) var switches: [(modem: String, slot: Int)] = []
    private(set) var ussdCalls: [String] = []
    /// How long a send takes, on `clock` (moved on by it before the answer); zero by default.
    private var sendTakes: Duration = .zero
    private var clock: ManualClock?

    /// Modems `m1`…`m<count>`, ready on slot 0; every slot's SIM stored in `database` (modem,
    /// ICCID, slot) as modemd stores what it identified.
    init(modems count: Int, slots: Int, database: GatewayDatabase, now: Timestamp) throws {
        for number in 1...count {
            let name = "m\(number)"
            let modemID = try database.upsertModem(name: name, device: "/dev/null", now: now)
            for slot in 0..<slots {
                _ = try database.upsertSim(iccid: Self.iccid(modem: number, slot: slot), imsi: nil, operatorName: "SimNet",
                                           modemID: modemID, slot: slot, now: now)
            }
            modems[name] = ModemdModemStatus(
                id: name, state: ModemState.ready.rawValue, sending: false, queued: 0, signal: 20, registration: 1,
                operatorName: "SimNet", slot: 0, model: "SIM800", imei: nil, imsi: nil,
                iccid: Self.iccid(modem: number, slot: 0), lastError: nil, counters: [:])
        }
    }

    static func iccid(modem: Int, slot: Int) -> String { "89314400000\(String(format: "%03d", modem))\(String(format: "%02d", slot))00" }

    var isConnected: Bool { true }

    var statuses: [ModemdModemStatus] { modems.values.sorted { $0.id < $1.id } }

    func status(_ modem: String) -> ModemdModemStatus? { modems[modem] }

    /// `observer` hears every modem change (a switch, a state set by the test), as a subscriber
    /// of modemd's events would.
    func observe(_ observer: @escaping @Sendable (ModemdModemStatus) async -> Void) { observers.append(observer) }

    func answerNextSends(_ answers: [ModemdSendResult]) { script += answers }

    func setUSSDAnswer(_ text: String) { ussdText = text }

    /// Every send from now on takes `duration` of `clock`'s time (the clock moves by it).
    func setSendDuration(_ duration: Duration, on clock: ManualClock) {
        sendTakes = duration
        self.clock = clock
    }

    /// Changes a modem as modemd would report it (state, registration), and tells the observers.
    func change(_ modem: String, _ edit: (inout ModemdModemStatus) -> Void) async {
        guard var status = modems[modem] else { return }
        edit(&status)
        modems[modem] = status
        for observer in observers { await observer(status) }
    }

    func sends(onICCID iccid: String) -> Int { ledger.filter { $0.iccid == iccid }.count }

    func call(_ request: ModemdProtocol.Request, timeout: Duration) async -> Result<ModemdProtocol.Response, IPCError> {
        switch request {
        case .status:
            return .success(.status(statuses))
        case .send(let send):
            guard let status = modems[send.modem] else { return .failure(IPCError(.unknownModem, send.modem)) }
            if switching.contains(send.modem) || status.state != ModemState.ready.rawValue {
                // modemd refuses a send once a switch is under way: nothing was written.
                return .success(.sent(ModemdSendResult(outcome: .failed, references: [], partIndex: 0,
                                                        failureReason: .notAttempted, error: "switching SIM")))
            }
            clock?.advance(by: sendTakes)
            let answer = script.isEmpty ? nil : script.removeFirst()
            if answer == nil || answer?.outcome == .sent {
                ledger.append(Send(modem: send.modem, iccid: status.iccid ?? "", parts: send.parts.count))
            }
            if let answer { return .success(.sent(answer)) }
            var references: [Int] = []
            for _ in send.parts {
                let reference = nextReference[send.modem, default: 0]
                nextReference[send.modem] = (reference + 1) % 256
                references.append(reference)
            }
            return .success(.sent(ModemdSendResult(outcome: .sent, references: references)))
        case .switchSIM(let modem, let slot):
            guard var status = modems[modem], let number = Int(modem.dropFirst()) else {
                return .failure(IPCError(.unknownModem, modem))
            }
            switching.insert(modem)
            switches.append((modem, slot))
            // modemd answers once the modem runs on the new SIM: initialised and registered on it.
            status.slot = slot
            status.iccid = Self.iccid(modem: number, slot: slot)
            status.state = ModemState.ready.rawValue
            status.registration = 1
            modems[modem] = status
            for observer in observers { await observer(status) }
            switching.remove(modem)
            return .success(.simSwitched(modem: modem, slot: slot, iccid: status.iccid))
        case .ussd(let modem, _):
            ussdCalls.append(modem)
            return .success(.ussdAnswer(ModemdUSSDAnswer(modem: modem, status: 0, text: ussdText, raw: ussdText,
                                                         dataCodingScheme: 15)))
        case .health, .powerCycle, .reload:
            return .failure(IPCError(.refused, "not played by the fake modemd"))
        }
    }
}
