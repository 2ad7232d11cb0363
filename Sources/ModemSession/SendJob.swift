import ATCommands

/// One message to send on this modem: its parts as SMS-SUBMIT TPDUs (3GPP TS 23.040 §9.2.2.2),
/// each written with `AT+CMGS=<length>` in PDU mode (3GPP TS 27.005 §3.5.1).
public struct SendJob: Sendable, Hashable {
    /// One part: the hex PDU as written after the prompt, and the TPDU length for `AT+CMGS`.
    public struct Part: Sendable, Hashable {
        /// Uppercase hex: a zero SMSC length octet (`00`, "use the SIM's SMSC") or an SMSC
        /// address, then the TPDU.
        public var hex: String
        /// TPDU length in octets, SMSC excluded (27.005 §3.5.1 `<length>`).
        public var tpduLength: Int

        public init(hex: String, tpduLength: Int) {
            self.hex = hex
            self.tpduLength = tpduLength
        }
    }

    /// The caller's id, echoed in the outcome.
    public var id: UInt64
    public var parts: [Part]

    public init(id: UInt64, parts: [Part]) {
        self.id = id
        self.parts = parts
    }
}

/// How a send job ended.
public enum SendOutcome: Sendable, Hashable {
    /// Every part was accepted; the TP-MR of each, in part order (27.005 §3.5.1 `+CMGS: <mr>`).
    case sent(references: [Int])
    /// A part was refused, or the job was never started; the parts before it were sent.
    case failed(SendFailure)
    /// The modem stopped answering while part `partIndex` was being sent: it may or may not
    /// have gone out (docs/architecture.md, "Delivery semantics": marked unknown, resolved by a status report).
    case unknown(references: [Int], partIndex: Int)
}

/// Why a send job failed, with what to do about it.
public struct SendFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The modem answered the part with an error final result (`+CMS ERROR`, `ERROR`).
        case rejected(ATFinalResult)
        /// The modem is not ready (booting, initialising, recovering, failed).
        case notReady(String)
        /// Too many jobs already wait for this modem.
        case queueFull(Int)
        /// The job is malformed (no parts, a length out of range, a body that is not hex).
        case invalidJob(String)
        /// The job was accepted but its part `partIndex` was never written to the modem
        /// (`AT+CMGS` not issued): it waited in the queue when the modem stopped answering, was
        /// power-cycled, rebooted or modemd shut down. Safe to send again, on any SIM.
        case notAttempted(String)
    }

    /// Index of the part that failed (0 for a job never started).
    public var partIndex: Int
    /// TP-MRs of the parts sent before the failure.
    public var references: [Int]
    public var reason: Reason

    public init(partIndex: Int, references: [Int], reason: Reason) {
        self.partIndex = partIndex
        self.references = references
        self.reason = reason
    }

    /// Temporary (retry later, maybe on another SIM), permanent (never as written), or a
    /// device fault (the modem or its SIM needs attention): the CMS/CME table's verdict.
    public var category: ATErrorCategory {
        switch reason {
        case .rejected(.modemError(let error)): error.category
        // A plain ERROR: the modem refuses the command as written.
        case .rejected(.error): .permanent
        case .rejected: .temporary
        case .notReady, .queueFull, .notAttempted: .temporary
        case .invalidJob: .permanent
        }
    }

    public var description: String {
        switch reason {
        case .rejected(let result): "part \(partIndex + 1) refused: \(result.line) (\(category.rawValue))"
        case .notReady(let why): "modem not ready: \(why)"
        case .queueFull(let limit): "modem busy: \(limit) messages already wait"
        case .invalidJob(let why): "invalid message: \(why)"
        case .notAttempted(let why): "part \(partIndex + 1) not attempted: \(why)"
        }
    }
}
