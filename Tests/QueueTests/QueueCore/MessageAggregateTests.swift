import GatewayCore
import QueueCore
import Testing

/// A message's state from its parts.
@Suite("Message aggregate state")
struct MessageAggregateTests {
    @Test(arguments: [
        // Single part delivered: the simple case.
        ([PartState.delivered], MessageState.delivered),
        // Multipart, one part still only sent: not delivered until every part is.
        ([.delivered, .sent, .delivered], .sent),
        // Any failed part fails the whole message, even when others were delivered.
        ([.delivered, .failed, .delivered], .failed),
        // Failed beats unknown: the message is known not to have arrived whole.
        ([.unknown, .failed], .failed),
        // An unknown part with the rest sent: the message stays unknown.
        ([.sent, .unknown], .unknown),
        // Every part sent: sent.
        ([.sent, .sent], .sent),
        // A part still on its way: sending.
        ([.sent, .sending], .sending),
        // Nothing handed over yet: queued.
        ([.pending, .pending], .queued),
    ])
    func aggregate(parts: [PartState], expected: MessageState) {
        #expect(MessageAggregate.state(of: parts) == expected)
    }
}
