import GatewayCore
import GatewayDaemon
import Logging
import NIOCore
import SMPPCodec
import ServiceLifecycle

/// One SMPP 3.4 connection (§2.2 session states): open until a bind succeeds, then bound as
/// transmitter, receiver or transceiver until unbind or the peer goes. Submits run as child
/// tasks, up to the account's `window` in flight (beyond it ESME_RMSGQFUL); each is answered
/// after its group commit, in any order (§2.6 windowing, answers matched by sequence_number).
/// Receivers and transceivers also get deliver_sm (DLRs, MO) from the outbox dispatcher; a
/// `SessionHealth` beside the read loop probes and closes silent peers and unbinds on SIGTERM.
struct SMPPSession: Sendable {
    enum BindKind: Sendable { case transmitter, receiver, transceiver }

    let authenticator: BindAuthenticator
    let committer: GroupCommitter
    let translator: SubmitTranslator
    let requests: MessageRequests
    /// What goes back upstream, session health, limits (docs/ingressd.md, "Upstream delivery").
    let upstream: SessionServices
    let logger: Logger

    func serve(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        var account: UpstreamAccount?
        var receiver: Int?
        var sessionLink: SessionLink?
        let address = channel.channel.remoteAddress?.ipAddress ?? "unknown"
        let raw = channel.channel
        do {
            try await channel.executeThenClose { inbound, outbound in
                let link = SessionLink(writer: PDUWriter(outbound: outbound), close: { raw.close(promise: nil) })
                defer { link.finish() }
                sessionLink = link
                try await withGracefulShutdownHandler {
                    try await withThrowingTaskGroup(of: Void.self) { health in
                        health.addTask { await SessionHealth(link: link, timers: upstream.timers, logger: logger).run() }
                        defer { health.cancelAll() }
                        (account, receiver) = try await run(inbound: inbound, link: link, address: address)
                    }
                } onGracefulShutdown: {
                    link.stopping.store(true, ordering: .relaxed)
                }
            }
        } catch {
            logger.debug("SMPP session ended: \(error)")
        }
        if let account {
            if let receiver { await upstream.receivers.remove(account: account.id, id: receiver) }
            await authenticator.release(accountID: account.id, link: sessionLink)
        }
    }

    /// Reads PDUs until unbind or end of stream; returns the account bound (to release).
    private func run(inbound: NIOAsyncChannelInboundStream<ByteBuffer>, link: SessionLink, address: String) async throws
        -> (UpstreamAccount?, Int?) {
        let writer = link.writer
        var decoder = SMPPFrameDecoder()
        var bound: (account: UpstreamAccount, kind: BindKind)?
        var receiver: Int?
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            reading: for try await buffer in inbound {
                link.heard()
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
                        await upstream.waitBeforeBindAnswer(from: address)
                        if let account = await authenticator.bind(systemID: bind.systemID, password: bind.password, link: link) {
                            bound = (account, kind)
                            try await writer.send(Self.bindResponse(kind, sequenceNumber: pdu.sequenceNumber))
                            receiver = await upstream.bound(account: account, kind: kind, link: link)
                            logger.info("SMPP bind", metadata: ["account": "\(account.id)", "kind": "\(kind)"])
                        } else {
                            logger.notice("SMPP bind refused", metadata: ["system_id": "\(bind.systemID)", "address": "\(address)"])
                            await upstream.bindFailed(from: address)
                            try await writer.send(PDU.errorResponse(to: pdu.commandID, sequenceNumber: pdu.sequenceNumber, status: .bindFailed))
                        }
                    case .enquireLink:
                        try await writer.send(PDU(.enquireLinkResp, sequenceNumber: pdu.sequenceNumber))
                    case .unbind:
                        try await group.waitForAll()
                        try await writer.send(PDU(.unbindResp, sequenceNumber: pdu.sequenceNumber))
                        break reading
                    case .submitSM(let submit):
                        guard let (boundAs, kind) = bound, kind != .receiver else {
                            try await writer.send(PDU.errorResponse(to: .submitSM, sequenceNumber: pdu.sequenceNumber, status: .incorrectBindStatus))
                            continue
                        }
                        let account = upstream.current(boundAs)
                        if let refusal = await upstream.refusal(account: account, link: link) {
                            try await writer.send(PDU.errorResponse(to: .submitSM, sequenceNumber: pdu.sequenceNumber, status: refusal))
                            continue
                        }
                        // Finished submit tasks are reaped here; at most `window` are unfinished.
                        while running >= 2 * account.window {
                            try await group.next()
                            running -= 1
                        }
                        running += 1
                        let sequence = pdu.sequenceNumber
                        link.unanswered.add(1, ordering: .relaxed)
                        group.addTask {
                            let answer = await accept(submit, account: account, sequenceNumber: sequence)
                            // Counted out before the answer is written: a peer that sends its next
                            // submit on reading it must find the window open (§2.6).
                            link.unanswered.subtract(1, ordering: .relaxed)
                            try await writer.send(answer)
                        }
                    case .submitMulti, .dataSM, .querySM, .cancelSM, .replaceSM:
                        // SMPPSession+Requests.swift: one child task each, in the same window.
                        guard let (boundAs, kind) = bound, kind != .receiver else {
                            try await writer.send(PDU.errorResponse(to: pdu.commandID, sequenceNumber: pdu.sequenceNumber, status: .incorrectBindStatus))
                            continue
                        }
                        let account = upstream.current(boundAs)
                        if let refusal = await upstream.refusal(account: account, link: link, command: pdu.commandID) {
                            try await writer.send(PDU.errorResponse(to: pdu.commandID, sequenceNumber: pdu.sequenceNumber, status: refusal))
                            continue
                        }
                        while running >= 2 * account.window {
                            try await group.next()
                            running -= 1
                        }
                        running += 1
                        let (sequence, body) = (pdu.sequenceNumber, pdu.body)
                        link.unanswered.add(1, ordering: .relaxed)
                        group.addTask {
                            let answer = await respond(to: body, account: account, sequenceNumber: sequence)
                            link.unanswered.subtract(1, ordering: .relaxed)
                            try await writer.send(answer)
                        }
                    case .genericNack, .enquireLinkResp, .unbindResp, .deliverSMResp:
                        _ = link.resolve(pdu)  // answers to our own requests (§2.6)
                    default:
                        let status: CommandStatus = bound == nil ? .incorrectBindStatus : .invalidCommandID
                        try await writer.send(PDU.errorResponse(to: pdu.commandID, sequenceNumber: pdu.sequenceNumber, status: status))
                    }
                }
            }
            try await group.waitForAll()
        }
        return (bound?.account, receiver)
    }

    /// submit_sm → validated message → group commit → submit_sm_resp with the store id (a part
    /// of a message the ESME split itself: its own id, `NewMessage.answerID`).
    private func accept(_ submit: SubmitSM, account: UpstreamAccount, sequenceNumber: UInt32) async -> PDU {
        switch translator.message(from: submit, account: account, now: .wallClock, concatenationReference: .random(in: 0...255)) {
        case .failure(let refusal):
            logger.info("submit_sm refused: \(refusal.reason)", metadata: ["account": "\(account.id)"])
            return PDU.errorResponse(to: .submitSM, sequenceNumber: sequenceNumber, status: refusal.status)
        case .success(let message):
            do {
                let id = try await committer.submit(message).messageID
                return PDU(.submitSMResp(MessageIDResponse(messageID: message.answerID(storedIn: id))), sequenceNumber: sequenceNumber)
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
