/// Every migration the code knows, in order. Append only.
public enum ShippedMigrations {
    public static let all: [Migration] = [
        Migration0001Modems.migration,
        Migration0002Messages.migration,
        Migration0003Inbound.migration,
        Migration0004Outbox.migration,
        Migration0005InboundAbandoned.migration,
        Migration0006StickySender.migration,
        Migration0007ReportsAndIdempotency.migration,
        Migration0008Assembly.migration,
        Migration0009InboundFeed.migration,
        Migration0010SimRotation.migration,
        Migration0011SimEvidence.migration,
        Migration0012WatchdogHealth.migration,
        Migration0013SubmitIDs.migration,
    ]

    /// The schema version this code writes.
    public static var latestVersion: Int { all.last?.version ?? 0 }
}
