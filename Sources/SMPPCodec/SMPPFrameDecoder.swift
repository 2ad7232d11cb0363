/// Splits a TCP byte stream into PDUs (SMPP 3.4 §3.2: each starts with its 4-octet
/// command_length). A value type with no I/O: feed it what the socket read, take frames out.
///
/// A command_length below 16 or above `maximumLength` is refused before any buffer grows for
/// it. A too-short length is refused at once (there is no header to read); a too-long one once
/// its 16-octet header is in, so that the error carries command_id and sequence_number for a
/// generic_nack. After an error the decoder stays failed: `skipOversizedFrame()` resyncs past
/// a too-long PDU without buffering it; otherwise the session should be closed.
public struct SMPPFrameDecoder: Sendable {
    public let maximumLength: Int
    private var buffer: [UInt8] = []
    private var readIndex = 0
    private var discarding = 0
    private var failure: SMPPFrameError?

    /// `maximumLength` bounds command_length (header included); 64 KiB is plenty for SMPP 3.4
    /// (message_payload tops out near 64K).
    public init(maximumLength: Int = 65_536) {
        self.maximumLength = max(PDU.headerLength, maximumLength)
    }

    /// Octets received but not yet returned as a frame.
    public var bufferedCount: Int { buffer.count - readIndex }

    /// Adds what the connection read.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if discarding > 0 {
            var iterator = bytes.makeIterator()
            while discarding > 0, iterator.next() != nil { discarding -= 1 }
            while let byte = iterator.next() { buffer.append(byte) }
            return
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete PDU, nil if more bytes are needed.
    public mutating func nextFrame() throws(SMPPFrameError) -> SMPPFrame? {
        if let failure { throw failure }
        let available = buffer.count - readIndex
        guard available >= 4 else { return nil }
        let length = Int(readUInt32(at: readIndex))
        if length < PDU.headerLength {
            let error = SMPPFrameError(reason: .commandLengthTooSmall, commandLength: UInt32(length))
            failure = error
            throw error
        }
        if length > maximumLength {
            guard available >= PDU.headerLength else { return nil }
            let error = SMPPFrameError(reason: .commandLengthTooLarge(maximum: maximumLength),
                                       commandLength: UInt32(length),
                                       commandID: CommandID(rawValue: readUInt32(at: readIndex + 4)),
                                       sequenceNumber: readUInt32(at: readIndex + 12))
            failure = error
            throw error
        }
        guard available >= length else { return nil }
        let frame = Array(buffer[readIndex..<readIndex + length])
        readIndex += length
        compact()
        return SMPPFrame(bytes: frame)
    }

    /// After `commandLengthTooLarge`: drops that PDU (what is buffered now and the rest as it
    /// arrives) and carries on with the next one.
    public mutating func skipOversizedFrame() {
        guard let failure, case .commandLengthTooLarge = failure.reason else { return }
        let length = Int(failure.commandLength)
        let buffered = buffer.count - readIndex
        if buffered >= length {
            readIndex += length
        } else {
            discarding = length - buffered
            readIndex = buffer.count
        }
        self.failure = nil
        compact()
    }

    private func readUInt32(at index: Int) -> UInt32 {
        UInt32(buffer[index]) << 24 | UInt32(buffer[index + 1]) << 16
            | UInt32(buffer[index + 2]) << 8 | UInt32(buffer[index + 3])
    }

    /// Drops consumed octets once they are the larger part of the buffer.
    private mutating func compact() {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex > 4096, readIndex * 2 > buffer.count {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }
}

/// One complete PDU as it came off the wire (header included), not yet decoded.
public struct SMPPFrame: Hashable, Sendable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public var commandLength: UInt32 { word(0) }
    public var commandID: CommandID { CommandID(rawValue: word(4)) }
    public var commandStatus: CommandStatus { CommandStatus(rawValue: word(8)) }
    public var sequenceNumber: UInt32 { word(12) }

    private func word(_ offset: Int) -> UInt32 {
        guard bytes.count >= offset + 4 else { return 0 }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}

/// A command_length the frame decoder refuses (SMPP 3.4 §3.2, §5.1.3 ESME_RINVCMDLEN).
public struct SMPPFrameError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Below the 16 octets of the header.
        case commandLengthTooSmall
        /// Above the decoder's configured maximum.
        case commandLengthTooLarge(maximum: Int)
    }

    public var reason: Reason
    public var commandLength: UInt32
    /// From the header, when it was read (a too-long PDU); nil for a too-short one.
    public var commandID: CommandID?
    public var sequenceNumber: UInt32?

    public init(reason: Reason, commandLength: UInt32, commandID: CommandID? = nil, sequenceNumber: UInt32? = nil) {
        (self.reason, self.commandLength) = (reason, commandLength)
        (self.commandID, self.sequenceNumber) = (commandID, sequenceNumber)
    }

    /// ESME_RINVCMDLEN.
    public var status: CommandStatus { .invalidCommandLength }

    /// The generic_nack to send before closing (or resyncing).
    public var response: PDU {
        PDU(.genericNack, sequenceNumber: sequenceNumber ?? 0, status: status)
    }

    public var description: String {
        switch reason {
        case .commandLengthTooSmall: "command_length \(commandLength) is shorter than the 16-octet header"
        case .commandLengthTooLarge(let maximum): "command_length \(commandLength) exceeds the maximum of \(maximum)"
        }
    }
}
