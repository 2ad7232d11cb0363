import GatewayCore
import GatewayDaemon
import GatewayStore
import SMPPCodec

extension SMPPSession {
    /// replace_sm (SMPP 3.4 §4.10): new short_message (re-planned into parts, in the original
    /// message's data coding: replace_sm carries none), schedule_delivery_time and
    /// validity_period (NULL keeps the original's, §4.10.1), registered_delivery — only while
    /// the message waits (`queued` or `held`, no part sent), in one store transaction that
    /// SQLite serialises with the queue's claim. Malformed, unknown or another account's id,
    /// another source, no longer waiting, or a message the ESME split itself (one submit's
    /// short_message cannot stand for all its parts, and a replacement planned here would drop
    /// the parts' own ids) → ESME_RREPLACEFAIL; a new text that cannot be sent gets the
    /// submit_sm status for it.
    func replace(_ request: ReplaceSM, account: UpstreamAccount, sequenceNumber: UInt32) async -> PDU {
        let refuse = PDU.errorResponse(to: .replaceSM, sequenceNumber: sequenceNumber, status: .replaceFailed)
        guard request.smDefaultMsgID == 0 else {
            return PDU.errorResponse(to: .replaceSM, sequenceNumber: sequenceNumber, status: .invalidPredefinedMessage)
        }
        do {
            guard let message = try await requests.store.message(named: request.messageID, account: account.id),
                  UpstreamMessageID.matches(request.source.address, stored: message.source),
                  message.state == .queued || message.state == .held
            else {
                logger.info("replace_sm refused: message \(request.messageID) is not a waiting message of this source",
                            metadata: ["account": "\(account.id)"])
                return refuse
            }
            guard !message.splitBySubmitter else {
                logger.info("replace_sm refused: message \(request.messageID) was split by the ESME; its parts are not replaced",
                            metadata: ["account": "\(account.id)"])
                return refuse
            }
            let id = message.id
            let now = Timestamp.wallClock
            let replacement: MessageReplacement
            switch Self.replacement(for: request, of: message, translator: translator, account: account, now: now) {
            case .failure(let refusal):
                logger.info("replace_sm refused: \(refusal.reason)", metadata: ["account": "\(account.id)"])
                return PDU.errorResponse(to: .replaceSM, sequenceNumber: sequenceNumber, status: refusal.status)
            case .success(let value): replacement = value
            }
            guard try await requests.store.replace(id, account: account.id, with: replacement, now: now) else {
                logger.info("replace_sm refused: message \(id) left the queue meanwhile", metadata: ["account": "\(account.id)"])
                return refuse
            }
            wakeQueue()
            return PDU(.replaceSMResp, sequenceNumber: sequenceNumber)
        } catch let error as StoreError {
            logger.info("replace_sm refused: \(error)", metadata: ["account": "\(account.id)"])
            return refuse
        } catch {
            logger.error("replace_sm: store failed: \(error)", metadata: ["account": "\(account.id)"])
            return PDU.errorResponse(to: .replaceSM, sequenceNumber: sequenceNumber, status: .systemError)
        }
    }

    /// The new content through the submit_sm translator (same checks, same part planning),
    /// addressed as the original; times the request leaves NULL keep the original's.
    static func replacement(for request: ReplaceSM, of message: UpstreamMessageStatus, translator: SubmitTranslator,
                            account: UpstreamAccount, now: Timestamp) -> Result<MessageReplacement, SubmitRefusal> {
        var submit = SubmitSM(source: SMEAddress(address: message.source), destination: SMEAddress(address: message.destination),
                              shortMessage: request.shortMessage, dataCoding: dataCoding(of: message.encoding),
                              registeredDelivery: request.registeredDelivery)
        submit.scheduleDeliveryTime = request.scheduleDeliveryTime
        submit.validityPeriod = request.validityPeriod
        return translator.message(from: submit, account: account, now: now).map { new in
            MessageReplacement(
                text: new.text, encoding: new.encoding, partsHex: new.partsHex,
                scheduleAt: request.scheduleDeliveryTime == nil ? (message.notBefore > now ? message.notBefore : nil) : new.scheduleAt,
                expiresAt: request.validityPeriod == nil ? message.expiresAt : new.expiresAt,
                reportMask: new.reportMask)
        }
    }

    /// §5.2.19 data_coding of a stored encoding: SMSC default alphabet, 8-bit binary, UCS-2.
    static func dataCoding(of encoding: MessageEncoding) -> UInt8 {
        switch encoding {
        case .gsm7: 0
        case .binary: 4
        case .ucs2: 8
        }
    }
}
