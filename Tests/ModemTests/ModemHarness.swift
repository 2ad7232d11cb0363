import ModemProfiles
@testable import ModemSimulator

/// Drives one simulated modem with a manual clock: what a driver writes goes in, what the
/// modem answers comes back as text; time moves only when a test says so.
struct ModemHarness {
    var modem: SimulatedModem
    var now: Duration = .zero

    init(profile: ModemProfile = .simcomSIM800, settings: SimulationSettings = .realistic, slots: Int = 2, boot: Bool = true) {
        let sims = (0..<slots).map { SimulatedSIM.derived(modemIndex: 0, slot: $0) }
        modem = SimulatedModem(id: "m1", profile: profile, settings: settings, sims: sims, imei: "868811030000013")
        if boot {
            _ = modem.handle(.powerOn, at: now)
            _ = advance(by: profile.bootDuration * max(settings.timeScale, 0))
        }
    }

    /// Writes `text` as the driver would and returns what the modem answers at once.
    mutating func send(_ line: String) -> String {
        text(modem.handle(.received(Array(line.utf8)), at: now))
    }

    /// Writes bytes one at a time, as a slow serial line delivers them.
    mutating func drip(_ text: String) -> String {
        var output: [UInt8] = []
        for byte in text.utf8 { output += modem.handle(.received([byte]), at: now) }
        return self.text(output)
    }

    mutating func handle(_ event: SimulatedModem.Event) -> String {
        text(modem.handle(event, at: now))
    }

    /// Moves the clock on and returns what the timers due by then made the modem write.
    mutating func advance(by duration: Duration) -> String {
        now += duration
        return text(modem.advance(to: now))
    }

    /// Runs every pending timer.
    mutating func settle() -> String {
        var output = ""
        while let deadline = modem.nextDeadline {
            now = max(now, deadline)
            output += text(modem.advance(to: now))
        }
        return output
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

extension String {
    /// The non-empty lines of an answer, without their `<CR><LF>` framing.
    var lines: [String] {
        split(whereSeparator: \.isNewline).map(String.init)
    }
}
