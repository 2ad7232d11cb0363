import ATCommands

/// One step of the init dialogue (3GPP TS 27.007, 27.005; docs/modemd.md: echo off, error verbosity,
/// SIM ready, PDU mode, new-message indications, storage, identity, registration, sweep).
enum InitStep: Sendable, Hashable {
    /// A set-up command; `required` ones end init in failure when refused.
    case command(ATCommandLine, required: Bool)
    /// `AT+CPIN?` until `READY`.
    case awaitSIM
    case model
    case imei
    case imsi
    case iccid
    /// `AT+CREG?` until registered (or the registration timeout).
    case awaitRegistration
    case signal
    case operatorName
    /// `AT+CMGL=4`: read what arrived while nobody listened.
    case sweep

    /// The steps for `settings`, in order.
    static func dialogue(for settings: SessionSettings) -> [InitStep] {
        [.command(ATCommand.echo(false).line, required: true),
         .command(ATCommand.reportErrors(1).line, required: false)]
            + settings.vendorInitCommands.map { .command($0, required: false) }
            + [.awaitSIM,
               .command(ATCommand.setMessageFormat(.pdu).line, required: true),
               .command(ATCommand.setNewMessageIndication(settings.newMessageIndication).line, required: true),
               .command(ATCommand.setPreferredStorage(settings.storages).line, required: true),
               .model, .imei, .imsi, .iccid,
               .awaitRegistration, .signal, .operatorName, .sweep]
    }
}

/// How far the init dialogue has come.
struct InitProgress: Sendable, Hashable {
    var steps: [InitStep]
    var index = 0
    /// When the current step began (for the SIM and registration timeouts).
    var stepStartedAt: Duration
    /// A pause before the current step's next try.
    var pausedUntil: Duration?
    var identity: ModemIdentity

    var current: InitStep? { index < steps.count ? steps[index] : nil }
}
