import GatewayCore
import Logging
import NIOCore
import SMPPCodec

/// One SMPP 3.4 connection (§2.2 session states): open until a bind succeeds, then bound as
/// transmitter, receiver or transceiver until unbind or the peer goes. Submits run as child
/// tasks, up to `window` in flight; each is answered after its group commit, in any order
/// (§2.6 windowing, answers matched by sequence_number).
struct SMPPSession: Sendable {
    enum BindKind: Sendable { case transmitter, receiver, transceiver }

    let authenticator: BindAuthenticator
    let committer: GroupCommitter
    let translator: SubmitTranslator
    let requests: MessageRequests
    let window: Int
    let logger: Logger

    func serve(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        var account: UpstreamAccount?
        do {
            try await channel.executeThenClose { inbound, outbound in
                let writer = PDUWriter(outbound: outbound)
                account = try await run(inbound: inbound, writer: writer)
            }
        } catch {
            logger.debug("SMPP session ended: \(error)")
        }
        if let account { await authenticator.release(accountID: account.id) }
    }

    /// Reads PDUs until unbind or end of stream; returns the account bound (to release).
    private func run(inbound: NIOAsyncChannelInboundStream<ByteBuffer>, writer: PDUWriter) async throws -> UpstreamAccount? {
        var decoder = SMPPFrameDecoder()
        var bound: (account: UpstreamAccount, kind: BindKind)?
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            reading: for try await buffer in inbound {
                decoder.append(buffer.readableBytesView)
                while true {
                    let next: SMPPFrame?
                    do throws(SMPPFrameError) { next = try decoder.nextFrame() } catch {
                        // §3.2: an absurd command_length is answered and the session closed
                        // without buffering that PDU.
                        try await writer.send(error.response)
                        logger.notice("closing SMPP session: \(error)")
                        break reading
                    }
                    guard let frame = next else { break }
                    let pdu: PDU
                    do throws(SMPPDecodingError) { pdu = try PDU(decoding: frame) } catch {
                        if let answer = error.response { try await writer.send(answer) }
                        continue
                    }
                    switch pdu.body {
                    case .bindTransmitter(let bind), .bindReceiver(let bind), .bindTransceiver(let bind):
                        let kind: BindKind = switch pdu.body {
                        case .bindTransmitter: .transmitter
                        case .bindReceiver: .receiver
                        default: .transceiver
                        }
                        guard bound == nil else {
                            try await writer.send(PDU.errorResponse(to: pdu.commandID, sequenceNumber: pdu.sequenceNumber, status: .alreadyBound))
                            continue
                        }
                        if let account = await authenticator.bind(systemID: bind.systemID, password: bind.password) {
                            bound = (account, kind)
                            try await writer.send(Self.bindResponse(kind, sequenceNumber: pdu.sequenceNumber))
                            logger.info("SMPP bind", metadata: ["account": "\(account.id)", "kind": "\(kind)"])
                        } else {
                            logger.notice("SMPP bind refused", metadata: ["system_id": "\(bind.systemID)"])
                            try await writer.send(PDU.errorResponse(to: pdu.commandID, sequenceNumber: pdu.sequenceNumber, status: .bindFailed))
                        }
                    case .enquireLink:
                        try await writer.send(PDU(.enquireLinkResp, sequenceNumber: pdu.sequenceNumber))
                    case .unbind:
                        try await group.waitForAll()
                        try await writer.send(PDU(.unbindResp, sequenceNumber: pdu.sequenceNumber))
                        break reading
                    case .submitSM(let submit):
                        guard let (account, kind) = bound, kind != .receiver else {
                            try await writer.send(PDU.errorResponse(to: .submitSM, sequenceNumber: pdu.sequenceNumber, status: .incorrectBindStatus))
                            continue
                        }
                        while running >= window {
                            try await group.next()
                            running -= 1
                        }
                        running += 1
                        let sequence = pdu.sequenceNumber
                        group.addTask { try await writer.send(await accept(submit, account: account, sequenceNumber: sequence)) }
                    case .submitMulti, .dataSM, .querySM, .cancelSM, .replaceSM:
                        // SMPPSession+Requests.swift: one child task each, in the same window.
                        guard let (account, kind) = bound, kind != .receiver else {
                            try await writer.send(PDU.errorResponse(to: pdu.commandID, sequenceNumber: pdu.sequenceNumber, status: .incorrectBindStatus))
                            continue
                        }
                        while running >= window {
                            try await group.next()
                            running -= 1
                        }
                        running += 1
                        let (sequence, body) = (pdu.sequenceNumber, pdu.body)
                        group.addTask { try await writer.send(await respond(to: body, account: account, sequenceNumber: sequence)) }
                    case .genericNack, .enquireLinkResp, .unbindResp, .deliverSMResp:
                        continue  // answers to our own requests: none outstanding in this slice
                    default:
                        let status: CommandStatus = bound == nil ? .incorrectBindStatus : .invalidCommandID
                        try await writer.send(PDU.errorResponse(to: pdu.commandID, sequenceNumber: pdu.sequenceNumber, status: status))
                    }
                }
            }
            try await group.waitForAll()
        }
        return bound?.account
    }

    /// submit_sm → validated message → group commit → submit_sm_resp with the store id.
    private func accept(_ submit: SubmitSM, account: UpstreamAccount, sequenceNumber: UInt32) async -> PDU {
        switch translator.message(from: submit, account: account, now: .wallClock, concatenationReference: .random(in: 0...255)) {
        case .failure(let refusal):
            logger.info("submit_sm refused: \(refusal.reason)", metadata: ["account": "\(account.id)"])
            return PDU.errorResponse(to: .submitSM, sequenceNumber: sequenceNumber, status: refusal.status)
        case .success(let message):
            do {
                let id = try await committer.submit(message).messageID
                return PDU(.submitSMResp(MessageIDResponse(messageID: String(id))), sequenceNumber: sequenceNumber)
            } catch {
                return PDU.errorResponse(to: .submitSM, sequenceNumber: sequenceNumber, status: .systemError)
            }
        }
    }

    /// §4.1.2/4/6: the *_resp carries our system_id.
    static func bindResponse(_ kind: BindKind, sequenceNumber: UInt32) -> PDU {
        let body = BindResponse(systemID: "smsgw")
        return switch kind {
        case .transmitter: PDU(.bindTransmitterResp(body), sequenceNumber: sequenceNumber)
        case .receiver: PDU(.bindReceiverResp(body), sequenceNumber: sequenceNumber)
        case .transceiver: PDU(.bindTransceiverResp(body), sequenceNumber: sequenceNumber)
        }
    }
}

/// Encodes PDUs onto the connection; shared by the reader and the submit tasks (the NIO
/// outbound writer takes writes from several tasks).
struct PDUWriter: Sendable {
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    func send(_ pdu: PDU) async throws {
        try await outbound.write(ByteBuffer(bytes: try pdu.encoded()))
    }
}
