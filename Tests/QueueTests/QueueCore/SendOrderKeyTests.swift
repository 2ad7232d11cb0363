import GatewayCore
import QueueCore
import Testing

/// The send order: class, then priority, then age (docs/architecture.md, MT step 3).
@Suite("Send order")
struct SendOrderKeyTests {
    static func key(_ messageClass: MessageClass, priority: Int = 0, at second: Int64, id: Int64) -> SendOrderKey {
        SendOrderKey(messageClass: messageClass, priority: priority, createdAt: Timestamp(secondsSince1970: second), id: id)
    }

    /// An OTP accepted after 1,000 marketing messages is sent before all of them.
    @Test func otpOvertakesAMarketingBacklog() {
        var keys = (0..<1000).map { Self.key(.marketing, at: Int64($0), id: Int64($0)) }
        keys.append(Self.key(.otp, at: 5000, id: 5000))
        keys.append(Self.key(.transactional, at: 4000, id: 4000))
        let sorted = keys.sorted()
        #expect(sorted.prefix(2).map(\.id) == [5000, 4000])
        #expect(sorted.dropFirst(2).map(\.id) == (0..<1000).map(Int64.init))
    }

    @Test(arguments: [
        // Higher priority first within a class, even when younger.
        (key(.marketing, priority: 3, at: 100, id: 2), key(.marketing, priority: 0, at: 1, id: 1)),
        // Class beats priority: a priority-3 marketing message waits behind a priority-0 transactional one.
        (key(.transactional, priority: 0, at: 100, id: 2), key(.marketing, priority: 3, at: 1, id: 1)),
        // Same class and priority: older first.
        (key(.otp, at: 1, id: 9), key(.otp, at: 2, id: 1)),
        // Same millisecond: the id decides, so the order is total.
        (key(.otp, at: 1, id: 1), key(.otp, at: 1, id: 2)),
    ])
    func ordering(first: SendOrderKey, second: SendOrderKey) {
        #expect(first < second)
        #expect(!(second < first))
    }
}
