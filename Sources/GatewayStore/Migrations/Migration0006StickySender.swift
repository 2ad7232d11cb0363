/// Sticky routing (`queue.sticky_window`): the queue asks which SIM last sent to a recipient. The
/// index walks a recipient's messages newest first; their attempts come from `attempts_by_message`.
enum Migration0006StickySender {
    static let migration = Migration(version: 6, name: "messages-by-destination", sql: """
        CREATE INDEX messages_by_destination ON messages(destination, id);
        """)
}
