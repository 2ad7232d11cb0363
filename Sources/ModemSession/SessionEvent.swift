/// What the I/O layer tells a session. Every event carries the time it happened at.
public enum SessionEvent: Sendable, Hashable {
    /// Start the session: power the module on (or just probe it when there is no power line).
    case start
    /// Bytes read from the serial line.
    case received([UInt8])
    /// Time passed: the driver calls this at `nextDeadline` (or any time after).
    case tick
    /// Send a message's parts.
    case send(SendJob)
    /// Use SIM slot `slot` (0-based); `requestID` is echoed in `.slotSwitchFinished`.
    case switchSlot(Int, requestID: UInt64)
    /// Send the USSD string `code` (a balance check, 3GPP TS 27.007 §7.15) and wait up to
    /// `timeout` for the network's `+CUSD` answer; `requestID` is echoed in `.ussdFinished`.
    case ussd(String, timeout: Duration, requestID: UInt64)
    /// The operator asked for a power cycle now.
    case powerCycle
    /// Reading the serial line failed (an I/O error, a hang-up; the reader reports the first
    /// of a run of failures). The session keeps it as `status.lastError` and logs it, and does
    /// nothing else at once: a failed read alone does not prove the module gone. Nothing it
    /// writes meanwhile is answered, so the command in flight — or an idle modem's next health
    /// poll — times out and the recovery ladder runs as for a module that stopped answering
    /// (a send whose PDU was written is then `unknown`, any other `notAttempted`).
    case lineFailed(String)
    /// The daemon stops: answer every waiting send (see `SendOutcome`) and write nothing more.
    case stop
}
