/// What a session needs for the commands that act on stored messages (query_sm, cancel_sm,
/// replace_sm): the store, the queue's cancel, and its wake-up.
struct MessageRequests: Sendable {
    let store: IngressStore
    let canceller: QueuedCanceller
    /// Wakes smsgw-queued (one datagram) after a change it should look at now.
    let wake: @Sendable () -> Void
}
