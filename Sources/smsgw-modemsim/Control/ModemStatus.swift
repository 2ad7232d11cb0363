/// A modem as `status` shows it.
struct ModemStatus: Encodable, Sendable {
    var id: String
    var profile: String
    var power: String
    var slot: Int
    var iccid: String
    var imsi: String
    var registration: Int
    var misbehaviours: [String]
    var sent: Int
    var failed: Int
    var stored: Int
    /// Seconds spent sending (`AT+CMGS` body to answer), and the first and latest send's
    /// start and the latest's answer, in seconds on the simulator's clock (from its start).
    var busySeconds: Double
    var firstSendAt: Double?
    var lastSendAt: Double?
    var lastSendFinishedAt: Double?

    init(_ modem: SimulatedModem) {
        id = modem.id
        profile = modem.profile.vendorProfile.rawValue
        power = switch modem.power {
        case .off: "off"
        case .booting: "booting"
        case .ready: "ready"
        }
        slot = modem.activeSlot
        iccid = modem.sims[modem.activeSlot].iccid
        imsi = modem.sims[modem.activeSlot].imsi
        registration = modem.registrationStatus
        misbehaviours = modem.misbehaviours.keys.sorted()
        sent = modem.sentCount
        failed = modem.failedCount
        stored = modem.storage.used
        let activity = modem.sendActivity
        busySeconds = activity.busy.seconds
        firstSendAt = activity.firstStart?.seconds
        lastSendAt = activity.lastStart?.seconds
        lastSendFinishedAt = activity.lastFinish?.seconds
    }
}

extension Duration {
    /// The duration in seconds, to the microsecond (for JSON).
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds / 1_000_000_000_000) / 1_000_000
    }
}
