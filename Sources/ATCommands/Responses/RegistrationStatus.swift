/// `<stat>` of +CREG / +CGREG / +CEREG (3GPP TS 27.007 §7.2, §10.1.19, §10.1.22).
public enum RegistrationStatus: Int, Sendable, Hashable, CaseIterable {
    case notRegistered = 0
    case home = 1
    case searching = 2
    case denied = 3
    case unknown = 4
    case roaming = 5
    case smsOnlyHome = 6
    case smsOnlyRoaming = 7
    case emergencyOnly = 8
    case csfbNotPreferredHome = 9
    case csfbNotPreferredRoaming = 10

    /// True when the modem can send SMS: registered at home or roaming (any variant).
    public var isRegistered: Bool {
        switch self {
        case .home, .roaming, .smsOnlyHome, .smsOnlyRoaming, .csfbNotPreferredHome, .csfbNotPreferredRoaming: true
        case .notRegistered, .searching, .denied, .unknown, .emergencyOnly: false
        }
    }
}
