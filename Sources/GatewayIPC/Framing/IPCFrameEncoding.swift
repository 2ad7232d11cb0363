import NIOCore

/// Writing frames: the 4-octet big-endian length, then the payload (docs/ipc.md, "Wire format").
public enum IPCFrameEncoding {
    /// A frame holding `payload`.
    public static func frame(payload: some Collection<UInt8>, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: IPCFrameDecoder.headerLength + payload.count)
        buffer.writeInteger(UInt32(truncatingIfNeeded: payload.count), endianness: .big, as: UInt32.self)
        buffer.writeBytes(payload)
        return buffer
    }
}
