import ModemSession

/// What reaches a modem's runner loop, in the order it happened.
enum RunnerInput: Sendable {
    case bytes([UInt8])
    case lineFailed(String)
    case tick
    case send(SendJob, CheckedContinuation<SendOutcome, Never>)
    case switchSlot(Int, CheckedContinuation<SlotSwitchResult, Never>)
    case ussd(String, timeout: Duration, CheckedContinuation<USSDOutcome, Never>)
    case powerCycle
    case status(CheckedContinuation<ModemStatus?, Never>)
}

/// How a SIM switch request ended.
struct SlotSwitchResult: Sendable {
    var succeeded: Bool
    var slot: Int
    var detail: String
    var iccid: String?
}
