/// The modem's pending timers, earliest first (ties in the order they were set).
struct TimerQueue: Sendable, Hashable {
    enum Event: Sendable, Hashable {
        case bootFinished
        /// The answer lines of an `AT+CMGS` whose sending time is over.
        case submitFinished([String])
        case statusReport([UInt8])
        case inboundPart([UInt8])
        case ussdAnswer(String)
        case simReady
    }

    private struct Entry: Sendable, Hashable {
        var deadline: Duration
        var order: Int
        var event: Event
    }

    private var entries: [Entry] = []
    private var counter = 0

    var nextDeadline: Duration? { entries.first?.deadline }
    var isEmpty: Bool { entries.isEmpty }

    mutating func schedule(_ event: Event, at deadline: Duration) {
        counter += 1
        let entry = Entry(deadline: deadline, order: counter, event: event)
        let index = entries.firstIndex { ($0.deadline, $0.order) > (deadline, counter) } ?? entries.endIndex
        entries.insert(entry, at: index)
    }

    mutating func popDue(at now: Duration) -> Event? {
        guard let first = entries.first, first.deadline <= now else { return nil }
        entries.removeFirst()
        return first.event
    }

    mutating func removeAll() { entries.removeAll() }
}
