// The seam to the outbox dispatcher (smpp-deliver helper): its `UpstreamChannel.deliver`
// returns this; the lead merges the two definitions.
enum ChannelResult: Sendable, Equatable { case delivered; case retry(String); case reject(String) }
