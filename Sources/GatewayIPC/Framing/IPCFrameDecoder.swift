import NIOCore

/// Splits a byte stream into IPC frames: a 4-octet big-endian payload length, then that many
/// octets of payload (one JSON document). See docs/ipc.md, "Wire format".
///
/// The length is checked against ``maximumFrameLength`` as soon as the four length octets are
/// in, so an oversized frame is refused before a single payload byte is buffered for it.
/// A pure value: bytes in, frames out; the channel pipeline wraps it in a `ByteToMessageHandler`.
public struct IPCFrameDecoder: NIOSingleStepByteToMessageDecoder, Sendable {
    public typealias InboundOut = ByteBuffer

    /// The default cap on one frame's payload: 1 MiB.
    public static let defaultMaximumFrameLength = 1 << 20

    /// Octets in the length prefix.
    public static let headerLength = 4

    /// The largest payload accepted; a longer one is an ``IPCFrameError``.
    public let maximumFrameLength: Int

    public init(maximumFrameLength: Int = IPCFrameDecoder.defaultMaximumFrameLength) {
        self.maximumFrameLength = maximumFrameLength
    }

    /// One whole frame's payload, or `nil` when more bytes are needed.
    public mutating func decode(buffer: inout ByteBuffer) throws(IPCFrameError) -> ByteBuffer? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else {
            return nil
        }
        guard UInt64(length) <= UInt64(self.maximumFrameLength) else {
            throw IPCFrameError(reason: .tooLarge(length: UInt64(length), maximum: self.maximumFrameLength))
        }
        let payloadLength = Int(length)
        guard buffer.readableBytes >= Self.headerLength + payloadLength else { return nil }
        buffer.moveReaderIndex(forwardBy: Self.headerLength)
        return buffer.readSlice(length: payloadLength)
    }

    /// At end of stream a partial frame is an error: the peer closed in the middle of a frame.
    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws(IPCFrameError) -> ByteBuffer? {
        if let frame = try self.decode(buffer: &buffer) { return frame }
        if seenEOF, buffer.readableBytes > 0 {
            let pending = buffer.readableBytes
            buffer.moveReaderIndex(forwardBy: pending)
            throw IPCFrameError(reason: .truncated(pendingBytes: pending))
        }
        return nil
    }
}
