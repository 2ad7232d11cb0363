/// The named faults a simulated modem can be told to show (the control socket's commands),
/// each modelled on what failing modules do in the field.
enum Misbehaviour: Sendable, Hashable {
    /// Stops answering anything until power-cycled or cleared (a wedged module).
    case hang
    /// Hangs as `hang` does at the next `AT+CMGS`, before its `> ` prompt: a module wedged as a
    /// send starts. Everything before that send is answered, so the send itself meets the hang.
    case hangAtPrompt
    /// Takes the next message body after `AT+CMGS`'s `> ` prompt, then hangs as `hang` does:
    /// no `+CMGS:` (3GPP TS 27.005 §3.5.1), a module wedged in the middle of a send.
    case hangInSend
    /// Answers with line noise mixed into its responses (a bad serial line or baud mismatch).
    case garbage
    /// `AT+CMGS` fails with `+CMS ERROR: <code>` for this share of messages (0…1).
    case cmsError(code: Int, rate: Double)
    /// Loses the network: `+CREG: 0`, sends fail with `+CMS ERROR: 331` (no network service).
    case deregister
    /// The operator blocks the SIM after this many more sent messages: registration denied,
    /// sends fail with `+CMS ERROR: 21` (short message transfer rejected).
    case blockSIM(after: Int)
    /// Everything takes ten times as long.
    case slow
    /// The message store is full: inbound messages are lost, `AT+CPMS?` shows it full.
    case storageFull
    /// Status reports are never delivered.
    case dropStatusReports

    /// The name used on the control socket.
    var name: String {
        switch self {
        case .hang: "hang"
        case .hangAtPrompt: "hang-at-prompt"
        case .hangInSend: "hang-in-send"
        case .garbage: "garbage"
        case .cmsError: "cms-error"
        case .deregister: "deregister"
        case .blockSIM: "block-sim"
        case .slow: "slow"
        case .storageFull: "storage-full"
        case .dropStatusReports: "drop-status-reports"
        }
    }
}
