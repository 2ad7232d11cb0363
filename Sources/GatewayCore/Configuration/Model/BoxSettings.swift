/// `[box]`: what the box is called and the time zone its schedules and quiet hours use.
public struct BoxSettings: Sendable, Equatable {
    /// Shown on the admin page and in logs.
    public var name: String
    /// An IANA time zone name present under /usr/share/zoneinfo, or "UTC".
    public var timeZone: String

    public init(name: String = ConfigurationDefaults.box.name, timeZone: String = ConfigurationDefaults.box.timeZone) {
        self.name = name
        self.timeZone = timeZone
    }
}
