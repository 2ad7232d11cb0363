import ATCommands

/// The module's message store (3GPP TS 27.005 §3.1 `<mem>`): indexed slots holding received
/// messages and status reports as TPDUs. Indexes count from 1, as SIMCom and most modules do.
struct MessageStore: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var status: MessageStatus
        var tpdu: [UInt8]
    }

    let capacity: Int
    private(set) var entries: [Int: Entry] = [:]

    init(capacity: Int) { self.capacity = capacity }

    var used: Int { entries.count }
    var isFull: Bool { entries.count >= capacity }
    var indexes: ClosedRange<Int> { 1...max(capacity, 1) }

    /// Stores a received TPDU in the lowest free index; nil when full.
    mutating func store(_ tpdu: [UInt8]) -> Int? {
        guard let index = indexes.first(where: { entries[$0] == nil }), capacity > 0 else { return nil }
        entries[index] = Entry(status: .receivedUnread, tpdu: tpdu)
        return index
    }

    /// Reads a message; an unread one becomes read (27.005 §3.4.3).
    mutating func read(_ index: Int) -> Entry? {
        guard var entry = entries[index] else { return nil }
        let shown = entry
        if entry.status == .receivedUnread { entry.status = .receivedRead }
        entries[index] = entry
        return shown
    }

    /// Lists messages of `status` (`.all` for every one) in index order; unread ones become read.
    mutating func list(_ status: MessageStatus) -> [(index: Int, entry: Entry)] {
        let chosen = entries.keys.sorted().compactMap { index -> (Int, Entry)? in
            guard let entry = entries[index], status == .all || entry.status == status else { return nil }
            return (index, entry)
        }
        for (index, entry) in chosen where entry.status == .receivedUnread {
            entries[index]?.status = .receivedRead
        }
        return chosen
    }

    /// `AT+CMGD=<index>[,<delflag>]` (27.005 §3.5.4): flag 0 the index, 1 all read, 2 read and
    /// sent, 3 read, sent and unsent, 4 all.
    mutating func delete(_ index: Int, flag: Int) {
        let doomed: Set<MessageStatus>
        switch flag {
        case 1: doomed = [.receivedRead]
        case 2: doomed = [.receivedRead, .storedSent]
        case 3: doomed = [.receivedRead, .storedSent, .storedUnsent]
        case 4: doomed = Set(MessageStatus.allCases)
        default:
            entries[index] = nil
            return
        }
        entries = entries.filter { !doomed.contains($0.value.status) }
    }
}
