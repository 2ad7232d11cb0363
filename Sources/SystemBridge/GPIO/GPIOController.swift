/// What the daemons need of GPIO: drive lines they own as outputs (modem power, SIM select)
/// and read them back. Values are logical: `true` is "active", whatever the line's polarity.
/// Two implementations: `LibgpiodController` for the box, `SimulatedGPIOController` for the
/// simulated chip the modem simulator watches.
public protocol GPIOController: AnyObject {
    /// Takes `line` as an output driven to `value`.
    func requestOutput(_ line: GPIOLineAddress, initialValue: Bool) throws(GPIOError)
    /// Drives a requested line.
    func setValue(_ value: Bool, of line: GPIOLineAddress) throws(GPIOError)
    /// The line's current logical value.
    func value(of line: GPIOLineAddress) throws(GPIOError) -> Bool
    /// Gives the line back (it keeps its last level, as libgpiod lines do on real chips).
    func release(_ line: GPIOLineAddress)
}
