import GatewayCore
import GatewayIPC
import Logging
import ModemProfiles
import ModemSession
import ServiceLifecycle
import Synchronization
import SystemBridge

/// One modem's loop (a `Service`): opens its serial line, feeds the session bytes, requests and
/// time (a 100 ms tick), and performs the actions the session returns. All of the modem's state
/// lives in the loop; requests reach it through one ordered stream, so nothing is shared.
final class ModemRunner: Service, Sendable {
    let modem: ModemConfiguration
    let profile: ModemProfile
    let settings: SessionSettings
    let store: StoreRecorder
    let gpio: GPIOSettings
    let logger: Logger
    let events: EventPublisher
    let metrics: ModemMetrics
    private let inputs: AsyncStream<RunnerInput>
    private let continuation: AsyncStream<RunnerInput>.Continuation
    private let nextJobID = Atomic<UInt64>(1)
    /// Monotonic milliseconds of the loop's last turn, for health and the watchdog.
    let lastTurn = Atomic<Int64>(0)
    /// The daemon's heartbeat and this loop's lane in it: every turn beats (the only pets).
    let heartbeat: WorkLoopHeartbeat
    let lane: WorkLoopHeartbeat.Lane
    let readiness: ModemsReadyStatus

    init(modem: ModemConfiguration, settings: SessionSettings, store: StoreRecorder, gpio: GPIOSettings,
         logger: Logger, events: EventPublisher, heartbeat: WorkLoopHeartbeat, readiness: ModemsReadyStatus) {
        self.modem = modem
        self.heartbeat = heartbeat
        self.lane = heartbeat.register("modem \(modem.id)")
        self.readiness = readiness
        self.profile = ModemProfile.named(modem.profile)
        self.settings = settings
        self.store = store
        self.gpio = gpio
        var logger = logger
        logger[metadataKey: "modem"] = "\(modem.id)"
        self.logger = logger
        self.events = events
        metrics = ModemMetrics(modemID: modem.id)
        (inputs, continuation) = AsyncStream.makeStream(of: RunnerInput.self)
    }

    // MARK: Requests (from the control socket)

    func send(_ parts: [SendJob.Part]) async -> SendOutcome {
        let job = SendJob(id: nextJobID.add(1, ordering: .relaxed).oldValue, parts: parts)
        return await withCheckedContinuation { waiter in
            if case .terminated = continuation.yield(.send(job, waiter)) {
                waiter.resume(returning: RunnerLoop.notAttempted)
            }
        }
    }

    func switchSlot(_ slot: Int) async -> SlotSwitchResult {
        await withCheckedContinuation { waiter in
            if case .terminated = continuation.yield(.switchSlot(slot, waiter)) {
                waiter.resume(returning: SlotSwitchResult(succeeded: false, slot: slot, detail: "shutting down"))
            }
        }
    }

    /// Sends the USSD string `code` and waits up to `timeout` for the network's answer.
    func ussd(_ code: String, timeout: Duration) async -> USSDOutcome {
        await withCheckedContinuation { waiter in
            if case .terminated = continuation.yield(.ussd(code, timeout: timeout, waiter)) {
                waiter.resume(returning: .failed("shutting down"))
            }
        }
    }

    func powerCycle() { continuation.yield(.powerCycle) }

    func status() async -> ModemStatus? {
        await withCheckedContinuation { waiter in
            if case .terminated = continuation.yield(.status(waiter)) { waiter.resume(returning: nil) }
        }
    }

    // MARK: The loop

    func run() async throws {
        // However the loop ends, every request still in the stream gets its answer.
        do {
            try await runLoop()
        } catch {
            await drainInputs()
            throw error
        }
        await drainInputs()
    }

    private func runLoop() async throws {
        let modemID = try await store.registerModem(modem.id, device: modem.device)
        guard let port = await openPort() else { return }
        let reader = SerialReader(port: port, inputs: continuation)
        reader.start()
        defer { reader.stop() }
        var loop = RunnerLoop(runner: self, modemID: modemID, port: port)
        let ticks = continuation
        await withDiscardingTaskGroup { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(100))
                    ticks.yield(.tick)
                }
            }
            await loop.handle(.start)
            for await input in inputs.cancelOnGracefulShutdown() {
                lastTurn.store(MonotonicClock.milliseconds(), ordering: .relaxed)
                heartbeat.beat(lane)
                await loop.handle(input)
                readiness.set(modem.id, ready: loop.session.status.state == .ready)
            }
            readiness.set(modem.id, ready: false)
            group.cancelAll()
        }
        continuation.finish()
        await loop.shutDown()
    }

    /// Ends the input stream and answers the requests still buffered in it: never handed to
    /// the session, so never written to the modem (sends `notAttempted`).
    private func drainInputs() async {
        continuation.finish()
        for await input in inputs {
            switch input {
            case .send(_, let waiter): waiter.resume(returning: RunnerLoop.notAttempted)
            case .switchSlot(let slot, let waiter):
                waiter.resume(returning: SlotSwitchResult(succeeded: false, slot: slot, detail: "shutting down"))
            case .status(let waiter): waiter.resume(returning: nil)
            case .ussd(_, _, let waiter): waiter.resume(returning: .failed("shutting down"))
            case .bytes, .lineFailed, .tick, .powerCycle: break
            }
        }
    }

    /// Opens the serial line, trying again each second until it opens or the daemon stops.
    private func openPort() async -> SerialPort? {
        var reported = false
        while !Task.isCancelled {
            do {
                let port = try SerialPort(device: modem.device, baud: modem.baud)
                if reported { logger.notice("serial line open") }
                return port
            } catch {
                if !reported { logger.error("\(error); retrying every second") }
                reported = true
                heartbeat.beat(lane)  // retrying is this loop's work: a missing port is not a hung daemon
                try? await Task.sleep(for: .seconds(1))
            }
        }
        return nil
    }
}
