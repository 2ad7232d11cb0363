import FoundationEssentials
import NIOCore

/// JSON in and out of frames (docs/ipc.md, "Wire format"): one JSON document per frame,
/// encoded with sorted keys so equal messages are equal bytes.
struct IPCMessageCodec: Sendable {
    let maximumFrameLength: Int

    /// A whole frame (length prefix and payload) holding `value`.
    func frame(_ value: some Encodable) throws(IPCError) -> ByteBuffer {
        let payload: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            payload = try encoder.encode(value)
        } catch {
            throw IPCError(.unencodableRequest, "cannot encode as JSON: \(error)")
        }
        guard payload.count <= self.maximumFrameLength else {
            throw IPCError(.frameTooLarge, "frame of \(payload.count) octets exceeds the maximum of \(self.maximumFrameLength)")
        }
        return IPCFrameEncoding.frame(payload: payload)
    }

    /// The value in one frame's payload; a payload that is not a JSON object is `malformed_frame`.
    func decode<Value: Decodable>(_ type: Value.Type, payload: ByteBuffer) throws(IPCError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(payload.readableBytesView))
        } catch {
            throw IPCError(.malformedFrame, "the frame is not a JSON envelope: \(DecodingErrorText.describe(error))")
        }
    }
}
