import Synchronization

/// The bound SMPP receivers and transceivers of each account (SMPP 3.4 §2.2: only they may be
/// sent deliver_sm), taken in turn (round-robin over an account's sessions). A new receiver
/// calls `onBind`, which pokes the outbox dispatcher so DLRs and MOs held for it go at once.
actor ReceiverRegistry {
    private var sessions: [String: [(id: Int, link: SessionLink)]] = [:]
    private var turn: [String: Int] = [:]
    private var nextID = 0
    private let onBind: @Sendable (String) -> Void

    init(onBind: @escaping @Sendable (String) -> Void) {
        self.onBind = onBind
    }

    /// Registers a receiver of `account`; the id to `remove` it with.
    func add(account: String, link: SessionLink) -> Int {
        nextID += 1
        sessions[account, default: []].append((nextID, link))
        onBind(account)
        return nextID
    }

    func remove(account: String, id: Int) {
        sessions[account]?.removeAll { $0.id == id }
        if sessions[account]?.isEmpty == true { sessions[account] = nil }
    }

    func hasReceiver(account: String) -> Bool { sessions[account]?.contains { !$0.link.revoked.load(ordering: .relaxed) } ?? false }

    /// The account's next receiver in turn, or nil when none is bound (a session whose access a
    /// reload revoked is being unbound: it gets nothing more).
    func next(account: String) -> SessionLink? {
        guard let list = sessions[account]?.filter({ !$0.link.revoked.load(ordering: .relaxed) }), !list.isEmpty else { return nil }
        let index = turn[account, default: 0] % list.count
        turn[account] = index + 1
        return list[index].link
    }
}
