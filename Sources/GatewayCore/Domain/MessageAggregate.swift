/// A message's state from its parts' states: delivered when every
/// part is; failed when any part failed; sent when every part reached the network; unknown when
/// a part's outcome is unknown and none failed; sending while parts are still on their way.
/// The one rule: the queue's decisions and the store's status-report resolution both use it.
public enum MessageAggregate {
    public static func state(of parts: [PartState]) -> MessageState {
        if parts.isEmpty { return .queued }
        if parts.contains(.failed) { return .failed }
        if parts.allSatisfy({ $0 == .delivered }) { return .delivered }
        if parts.allSatisfy({ $0 == .sent || $0 == .delivered }) { return .sent }
        if parts.contains(.unknown) { return .unknown }
        if parts.allSatisfy({ $0 == .pending }) { return .queued }
        return .sending
    }
}
