/// Every default of the configuration, in one place. The shipped etc/smsgw/gateway.toml writes
/// each of them out (a test holds the two together) and docs/configuration.md lists them.
public enum ConfigurationDefaults {
    public static let box = BoxSettings(name: "smsgw", timeZone: "UTC")
    public static let store = StoreSettings(path: "/var/lib/smsgw/gateway.sqlite")
    public static let runtime = RuntimeSettings(directory: "/run/smsgw")
    public static let gpio = GPIOSettings(driver: .libgpiod, simulatedStatePath: "/run/smsgw/gpio-sim")
    public static let simulator = SimulatorSettings(enabled: false)
    public static let watchdog = WatchdogSettings(
        healthInterval: .seconds(5), healthTimeout: .seconds(15), restartLimit: 3,
        modemPollInterval: .seconds(10), modemHangTimeout: .seconds(30), powerOffTime: .seconds(3),
        modemBootTime: .seconds(20), hardwareEnabled: true, hardwareDevice: "/dev/watchdog",
        hardwarePingInterval: .seconds(10), hardwareTimeout: .seconds(60),
        killAfter: .seconds(10), integrityCheckInterval: .seconds(3600), minimumFreeDiskMiB: 64, minimumFreeMemoryMiB: 16)
    public static let queue = QueueSettings(
        maxAttempts: 3, retryDelay: .seconds(30), retryDelayMax: .seconds(1800), retryJitterPercent: 20,
        resendUnknown: false, sendJitter: .seconds(3), stickyWindow: .seconds(86400), reportWindow: .seconds(2 * 86400),
        quietHours: QuietHours(startMinute: 21 * 60, endMinute: 8 * 60), sweepInterval: .seconds(5))
    public static let smppListener = Listener(enabled: true, address: "0.0.0.0", port: 2775)
    public static let httpListener = Listener(enabled: true, address: "0.0.0.0", port: 8080)
    public static let adminListener = Listener(enabled: true, address: "0.0.0.0", port: 8081)
    public static let adminUser = "admin"
    public static let simLimits = SIMLimits(perHour: 60, perDay: 400, perMonth: 6000, cooldown: .seconds(5))
    public static let simGroupStrategy = SIMGroup.Strategy.leastLoaded
    /// `balance_interval`: a day between two USSD balance checks of a SIM.
    public static let balanceInterval: Duration = .seconds(86400)
    public static let blockDetection = BlockDetection(
        failuresInARow: 5, failedReportRatio: 0.8, reportWindow: 20, registrationLossesPerHour: 3)
    public static let simRotation = SIMRotationPolicy(
        rotateAfterMessages: 0, rotateAfter: .zero, rotateJitterPercent: 10, cooldownAfterRotation: .seconds(600),
        uniqueRecipientsPerMonth: 0, activeHours: nil, blockDetection: blockDetection)
    public static let modemBaud = 115_200
    public static let modemProfile = ModemVendorProfile.generic
    public static let modemSlots = 1
    public static let accountThroughput = 100
    public static let accountMaxBinds = 4
    public static let accountAllowedClasses = MessageClass.allCases
    public static let accountDefaultClass = MessageClass.transactional
    public static let webhookTimeout = Duration.seconds(10)
    public static let defaultGroup = "default"
    public static let enabled = true
    public static let gpioActiveLow = false
}
