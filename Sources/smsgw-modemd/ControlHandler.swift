import GatewayIPC
import GatewayCore
import GatewayDaemon
import Glibc
import ModemSession
import SMSCodec
import SystemBridge

/// Answers the control socket's requests (docs/modemd.md) by asking the modems' runners.
struct ControlHandler: Sendable {
    let runners: [String: ModemRunner]
    let order: [String]
    let reloader: ConfigurationReloader

    init(runners: [ModemRunner], reloader: ConfigurationReloader) {
        self.reloader = reloader
        self.runners = Dictionary(uniqueKeysWithValues: runners.map { ($0.modem.id, $0) })
        order = runners.map(\.modem.id)
    }

    func handle(_ request: ModemdProtocol.Request) async throws -> ModemdProtocol.Response {
        switch request {
        case .status:
            var modems: [ModemdModemStatus] = []
            for id in order {
                guard let runner = runners[id], let status = await runner.status() else { continue }
                modems.append(ModemdModemStatus(id: id, status))
            }
            return .status(modems)
        case .health:
            return .health(await health())
        case .reload:
            return .reload(await reloader.reload())
        case .send(let request):
            let runner = try runner(request.modem)
            let parts = request.parts.map { SendJob.Part(hex: $0.pdu.uppercased(), tpduLength: $0.tpduLength) }
            return .sent(ModemdSendResult(await runner.send(parts)))
        case .switchSIM(let modem, let slot):
            let result = try await runner(modem).switchSlot(slot)
            guard result.succeeded else { throw IPCError(.refused, "\(modem): SIM switch to slot \(slot) failed: \(result.detail)") }
            return .simSwitched(modem: modem, slot: result.slot, iccid: result.iccid)
        case .powerCycle(let modem):
            try runner(modem).powerCycle()
            return .powerCycleStarted(modem: modem)
        case .ussd(let modem, let code):
            guard USSDCode.isValid(code) else {
                throw IPCError(.refused, "\(modem): USSD code \"\(code)\" is not 1 to 32 of 0-9 * # +")
            }
            switch try await runner(modem).ussd(code, timeout: Self.ussdTimeout) {
            case .answered(let answer):
                return .ussdAnswer(ModemdUSSDAnswer(
                    modem: modem, status: answer.status, text: answer.text.map { USSDString.decode($0, dcs: answer.dataCodingScheme) },
                    raw: answer.text, dataCodingScheme: answer.dataCodingScheme))
            case .failed(let detail):
                throw IPCError(.refused, "\(modem): USSD \(code) failed: \(detail)")
            }
        }
    }

    /// How long the network may take to answer a USSD request (callers wait a little longer).
    static let ussdTimeout: Duration = .seconds(30)

    private func runner(_ id: String) throws(IPCError) -> ModemRunner {
        guard let runner = runners[id] else {
            throw IPCError(.unknownModem, "no modem \"\(id)\" (configured: \(order.joined(separator: ", ")))")
        }
        return runner
    }

    /// Healthy while every modem's loop turns (a tick every 100 ms; 5 s of silence is a stall).
    private func health() async -> ModemdHealth {
        let now = MonotonicClock.milliseconds()
        var stalled: [String] = []
        var ready = 0
        var progress = 0
        for id in order {
            guard let runner = runners[id] else { continue }
            if now - runner.lastTurn.load(ordering: .relaxed) > 5000 { stalled.append(id) }
            if let status = await runner.status() {
                if status.state == .ready { ready += 1 }
                progress += status.counters.values.reduce(0, +)
            }
        }
        let daemon = DaemonHealth(
            healthy: stalled.isEmpty, progress: progress,
            detail: stalled.isEmpty ? "all modem loops turn" : "stalled: \(stalled.joined(separator: ", "))", pid: getpid())
        return ModemdHealth(daemon: daemon, modems: order.count, ready: ready)
    }
}

extension ModemdModemStatus {
    init(id: String, _ status: ModemStatus) {
        self.init(
            id: id, state: status.state.rawValue, sending: status.isSending, queued: status.queuedSends,
            signal: status.signal?.rssi, registration: status.registration?.rawValue, operatorName: status.operatorName,
            slot: status.slot, model: status.identity.model, imei: status.identity.imei, imsi: status.identity.imsi,
            iccid: status.identity.iccid, lastError: status.lastError,
            counters: Dictionary(uniqueKeysWithValues: status.counters.map { ($0.key.rawValue, $0.value) }))
    }
}

extension ModemdSendResult {
    init(_ outcome: SendOutcome) {
        switch outcome {
        case .sent(let references):
            self.init(outcome: .sent, references: references)
        case .failed(let failure):
            self.init(outcome: .failed, references: failure.references, partIndex: failure.partIndex,
                      errorCategory: failure.category.rawValue, failureReason: FailureReason(failure.reason),
                      error: failure.description)
        case .unknown(let references, let partIndex):
            self.init(outcome: .unknown, references: references, partIndex: partIndex,
                      error: "the modem stopped answering while part \(partIndex + 1) was being sent")
        }
    }
}

extension ModemdSendResult.FailureReason {
    init(_ reason: SendFailure.Reason) {
        switch reason {
        case .rejected: self = .rejected
        case .notReady: self = .notReady
        case .queueFull: self = .queueFull
        case .invalidJob: self = .invalidJob
        case .notAttempted: self = .notAttempted
        }
    }
}
