/// A module's own command to use another SIM slot (dual-SIM modules): `AT+QDSIM=<n>` on
/// Quectel (EC25 AT manual §"AT+QDSIM"), `AT+SWITCHSIM=<n>` on SIMCom SIM7600, `AT+CSDS=<n>`
/// on SIM800 DS variants, `AT^SIMSWITCH=<n>` on Huawei.
public struct SlotSwitchCommand: Sendable, Hashable {
    /// Upper-cased name with its prefix: `+QDSIM`.
    public var name: String
    /// The number the first slot has in the command (0 or 1).
    public var firstSlotNumber: Int

    public init(name: String, firstSlotNumber: Int = 0) {
        self.name = name.uppercased()
        self.firstSlotNumber = firstSlotNumber
    }

    /// The command line selecting slot index `slot` (0-based), e.g. `AT+QDSIM=1`.
    public func commandText(slot: Int) -> String { "AT\(name)=\(slot + firstSlotNumber)" }

    /// The slot index a command argument names, nil when out of `0 ..< slots`.
    public func slot(argument: Int, slots: Int) -> Int? {
        let slot = argument - firstSlotNumber
        return (0..<slots).contains(slot) ? slot : nil
    }

    /// The read answer (`+QDSIM: 0`) for slot index `slot`.
    public func readAnswer(slot: Int) -> String { "\(name): \(slot + firstSlotNumber)" }
}
