import GatewayCore
import Logging
import ModemProfiles
import ModemSession
import SystemBridge

#if canImport(Glibc)
import Glibc
#endif

/// The state a modem's loop owns: the session, its serial line and GPIO lines, and the
/// requests waiting for an answer. Performs the session's actions in order.
struct RunnerLoop {
    let runner: ModemRunner
    let modemID: Int64
    let port: SerialPort
    let origin = ContinuousClock.now
    var session: ModemSession
    let gpio: (any GPIOController)?
    let powerLine: GPIOLineAddress?
    let selectLines: [GPIOLineAddress]
    var simID: Int64?
    var pendingSends: [UInt64: CheckedContinuation<SendOutcome, Never>] = [:]
    var pendingSwitches: [UInt64: CheckedContinuation<SlotSwitchResult, Never>] = [:]
    var nextRequestID: UInt64 = 1
    var pendingUSSD: [UInt64: CheckedContinuation<USSDOutcome, Never>] = [:]

    init(runner: ModemRunner, modemID: Int64, port: SerialPort) {
        self.runner = runner
        self.modemID = modemID
        self.port = port
        session = ModemSession(settings: runner.settings)
        func address(_ line: GPIOLine) -> GPIOLineAddress { GPIOLineAddress(chip: line.chip, offset: line.offset, activeLow: line.activeLow) }
        powerLine = runner.modem.power.map(address)
        if case .gpio(let lines) = runner.modem.slotSelection { selectLines = lines.map(address) } else { selectLines = [] }
        if powerLine == nil, selectLines.isEmpty {
            gpio = nil
        } else {
            let controller: any GPIOController = switch runner.gpio.driver {
            case .simulated: SimulatedGPIOController(directory: runner.gpio.simulatedStatePath)
            case .libgpiod: LibgpiodController(consumer: "smsgw-modemd")
            }
            gpio = controller
            do {
                if let powerLine { try controller.requestOutput(powerLine, initialValue: true) }
                for line in selectLines { try controller.requestOutput(line, initialValue: false) }
            } catch {
                runner.logger.error("\(error)")
            }
        }
    }

    mutating func handle(_ event: SessionEvent) async {
        let actions = session.handle(event, now: ContinuousClock.now - origin)
        await perform(actions)
    }

    mutating func handle(_ input: RunnerInput) async {
        switch input {
        case .bytes(let bytes): await handle(.received(bytes))
        case .lineFailed(let reason): await handle(SessionEvent.lineFailed(reason))
        case .tick:
            if let deadline = session.nextDeadline, ContinuousClock.now - origin >= deadline { await handle(SessionEvent.tick) }
        case .send(let job, let waiter):
            pendingSends[job.id] = waiter
            await handle(.send(job))
        case .switchSlot(let slot, let waiter):
            let id = nextRequestID
            nextRequestID += 1
            pendingSwitches[id] = waiter
            await handle(.switchSlot(slot, requestID: id))
        case .ussd(let code, let timeout, let waiter):
            let id = nextRequestID
            nextRequestID += 1
            pendingUSSD[id] = waiter
            await handle(.ussd(code, timeout: timeout, requestID: id))
        case .powerCycle:
            await handle(SessionEvent.powerCycle)
        case .status(let waiter):
            waiter.resume(returning: session.status)
        }
    }

    /// Answers what still waits when the loop ends: the session answers its sends (the one
    /// whose `AT+CMGS` is out `unknown`, never `failed`, which would invite a second send; the
    /// queued ones `notAttempted`); anything it did not know of was never written.
    mutating func shutDown() async {
        await handle(SessionEvent.stop)
        for (_, waiter) in pendingSends { waiter.resume(returning: RunnerLoop.notAttempted) }
        pendingSends.removeAll()
        for (_, waiter) in pendingSwitches {
            waiter.resume(returning: SlotSwitchResult(succeeded: false, slot: session.status.slot, detail: "shutting down"))
        }
        pendingSwitches.removeAll()
        for (_, waiter) in pendingUSSD { waiter.resume(returning: .failed("shutting down")) }
        pendingUSSD.removeAll()
    }

    /// The answer to a send that never reached the session (modemd is stopping).
    static let notAttempted = SendOutcome.failed(
        SendFailure(partIndex: 0, references: [], reason: .notAttempted("modemd is shutting down")))
}
