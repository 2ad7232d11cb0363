/// For the HTTP API: `GET /api/v1/inbound` reads an account's MO outbox entries after an
/// inbound id; without this index that read scans the whole outbox, which only grows.
enum Migration0009InboundFeed {
    static let migration = Migration(version: 9, name: "inbound-feed-index", sql: """
        CREATE INDEX upstream_outbox_inbound_feed ON upstream_outbox(account, inbound_id) WHERE kind = 'mo';
        """)
}
