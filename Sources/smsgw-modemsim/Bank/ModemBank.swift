import GatewayCore
import Glibc
import ModemProfiles
import SystemBridge

/// The simulator's I/O edge: one pseudo-terminal per modem, the control socket and the
/// simulated GPIO chip, served by one poll(2) loop that hands bytes, time and power changes to
/// each modem's state machine and writes back what it answers.
final class ModemBank {
    private var stations: [String: Int] = [:]
    private var modems: [SimulatedModem] = []
    private var terminals: [PseudoTerminal] = []
    private var plans: [BankPlan.Modem] = []
    private var powered: [Bool] = []
    private let gpioDirectory: String?
    private let control: ControlServer
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastGPIOPoll: Duration = .zero
    private var stopRequested = false

    /// GPIO is polled at 20 Hz.
    static let gpioPollInterval: Duration = .milliseconds(50)

    init(plan: BankPlan, settings: SimulationSettings) throws(BankError) {
        start = clock.now
        gpioDirectory = plan.gpioDirectory
        for (index, modemPlan) in plan.modems.enumerated() {
            let terminal: PseudoTerminal
            do {
                try BankPlan.makeParentDirectory(of: modemPlan.device)
                terminal = try PseudoTerminal(linkAt: modemPlan.device)
            } catch {
                throw BankError("modem \(modemPlan.id): \(error)")
            }
            let sims = (0..<max(modemPlan.slots, 1)).map { SimulatedSIM.derived(modemIndex: index, slot: $0) }
            let imeiBody = modemPlan.profile.imeiTypeAllocationCode + SimulatedSIM.padded(index + 1, 6)
            let imei = imeiBody + String(SimulatedSIM.luhnCheckDigit(imeiBody))
            let modem = SimulatedModem(id: modemPlan.id, profile: modemPlan.profile, settings: settings, sims: sims, imei: imei)
            stations[modemPlan.id] = index
            modems.append(modem)
            terminals.append(terminal)
            plans.append(modemPlan)
            powered.append(false)
        }
        do {
            try BankPlan.makeParentDirectory(of: plan.controlSocket)
            control = try ControlServer(path: plan.controlSocket)
        } catch {
            throw BankError("control socket \(plan.controlSocket): \(error)")
        }
    }

    private var now: Duration { clock.now - start }

    /// Serves until SIGINT or SIGTERM.
    func run() {
        pollGPIO(force: true)
        while !stopRequested, !ModemBank.signalled {
            for index in modems.indices { write(modems[index].advance(to: now), to: index) }
            var descriptors = terminals.map { pollfd(fd: $0.master, events: Int16(POLLIN), revents: 0) }
            descriptors += control.descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let timeout = waitTime()
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready > 0 {
                for index in terminals.indices where descriptors[index].revents & Int16(POLLIN) != 0 {
                    let bytes = terminals[index].readAvailable()
                    if !bytes.isEmpty { write(modems[index].handle(.received(bytes), at: now), to: index) }
                }
                let readable = Set(descriptors[terminals.count...].filter { $0.revents != 0 }.map { $0.fd })
                for request in control.service(readable: readable) {
                    control.reply(apply(request.request), to: request.client)
                }
            }
            pollGPIO(force: false)
        }
    }

    /// Milliseconds until the next timer or GPIO poll.
    private func waitTime() -> Int32 {
        var wait = gpioDirectory == nil ? Duration.milliseconds(200) : ModemBank.gpioPollInterval
        for modem in modems {
            if let deadline = modem.nextDeadline { wait = min(wait, max(deadline - now, .zero)) }
        }
        let milliseconds = wait.milliseconds
        return Int32(min(max(milliseconds, 0), 1000)) + (wait > .zero ? 1 : 0)
    }

    private func write(_ bytes: [UInt8], to index: Int) {
        guard !bytes.isEmpty else { return }
        terminals[index].write(bytes)
    }

    /// Reads the power and select lines: a modem without a power line, or whose line has
    /// never been driven, is powered.
    private func pollGPIO(force: Bool) {
        guard force || now - lastGPIOPoll >= ModemBank.gpioPollInterval else { return }
        lastGPIOPoll = now
        for index in modems.indices {
            let plan = plans[index]
            var on = true
            if let line = plan.power, let directory = gpioDirectory,
                let level = SimulatedGPIOController.level(of: line, in: directory) {
                on = level != line.activeLow
            }
            if on != powered[index] || force {
                powered[index] = on
                write(modems[index].handle(on ? .powerOn : .powerOff, at: now), to: index)
            }
            if let directory = gpioDirectory, !plan.selectLines.isEmpty {
                var slot = 0
                for (bit, line) in plan.selectLines.enumerated() {
                    let level = SimulatedGPIOController.level(of: line, in: directory) ?? line.activeLow
                    if level != line.activeLow { slot |= 1 << bit }
                }
                write(modems[index].handle(.selectSlot(slot), at: now), to: index)
            }
        }
    }

    /// Carries out one control request.
    private func apply(_ request: ControlRequest) -> ControlReply {
        if request.command == "status" {
            return .status(modems.map(ModemStatus.init))
        }
        if request.command == "ledger" {
            // Every modem's bodies, in the order they arrived on the bank's clock.
            return .ledger(modems.flatMap(\.ledger.entries).sorted { $0.at < $1.at })
        }
        if request.command == "stop" {
            stopRequested = true
            return .ok
        }
        guard let id = request.modem else { return .failure("\(request.command): \"modem\" is required") }
        guard let index = stations[id] else { return .failure("no modem \"\(id)\"") }
        let event: SimulatedModem.Event
        switch request.event() {
        case .success(let made): event = made
        case .failure(let error): return .failure(error.message)
        }
        write(modems[index].handle(event, at: now), to: index)
        return .ok
    }

    // Written only by the SIGINT/SIGTERM handler (a single aligned store of a Bool) and read by
    // the one loop thread, which at worst sees it one turn late.
    nonisolated(unsafe) static var signalled = false

    /// SIGINT and SIGTERM end the loop after its current turn.
    static func installSignalHandlers() {
        // A parent may start us with these signals blocked (Foundation's Process does, from a
        // test runner's thread); unblock them or SIGTERM would never end the loop.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGINT)
        sigaddset(&stopping, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &stopping, nil)
        signal(SIGINT) { _ in ModemBank.signalled = true }
        signal(SIGTERM) { _ in ModemBank.signalled = true }
        signal(SIGPIPE, SIG_IGN)
    }
}

/// Why the bank could not start.
struct BankError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension BankPlan {
    /// Creates the directory a device link or socket goes in.
    static func makeParentDirectory(of path: String) throws(BankError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let parent = String(path[..<slash])
        guard !parent.isEmpty else { return }
        var current = parent.hasPrefix("/") ? "" : "."
        for component in parent.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0, errno != EEXIST { throw BankError("cannot create \(current)") }
        }
    }
}
