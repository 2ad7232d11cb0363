import GatewayCore
import GatewayStore
import SMPPCodec
import SMSCodec

extension SMPPSession {
    /// cancel_sm (SMPP 3.4 §4.9): by message_id — a part's submit id cancels the whole message
    /// its parts go out as — (source_addr and destination_addr, when given, must match the
    /// original), or with message_id empty every waiting message of the account
    /// from source_addr to destination_addr (service_type is not stored and not compared).
    /// After accept smsgw-queued owns a message's state, so each cancel goes through its
    /// control socket. Nothing to cancel, nothing cancellable (already sending, sent or
    /// final), or the queue unreachable (logged) → ESME_RCANCELFAIL.
    func cancel(_ request: CancelSM, account: UpstreamAccount, sequenceNumber: UInt32) async -> PDU {
        let refuse = PDU.errorResponse(to: .cancelSM, sequenceNumber: sequenceNumber, status: .cancelFailed)
        let ids: [Int64]
        do {
            guard let found = try await cancelTargets(request, account: account) else {
                logger.info("cancel_sm refused: no waiting message \"\(request.messageID)\" from \"\(request.source.address)\" to \"\(request.destination.address)\"",
                            metadata: ["account": "\(account.id)"])
                return refuse
            }
            ids = found
        } catch {
            logger.error("cancel_sm: store read failed: \(error)", metadata: ["account": "\(account.id)"])
            return PDU.errorResponse(to: .cancelSM, sequenceNumber: sequenceNumber, status: .systemError)
        }
        var cancelled = 0
        for id in ids {
            switch await requests.canceller.cancel(id) {
            case .cancelled: cancelled += 1
            case .notCancellable: continue
            case .unreachable(let reason):
                logger.error("cancel_sm of message \(id) failed: smsgw-queued unreachable: \(reason)",
                             metadata: ["account": "\(account.id)"])
                return refuse
            }
        }
        logger.info("cancel_sm: \(cancelled) of \(ids.count) message(s) cancelled", metadata: ["account": "\(account.id)"])
        return cancelled > 0 ? PDU(.cancelSMResp, sequenceNumber: sequenceNumber) : refuse
    }

    /// The ids the request names, or nil when it names none that may be cancelled.
    private func cancelTargets(_ request: CancelSM, account: UpstreamAccount) async throws -> [Int64]? {
        if !request.messageID.isEmpty {
            guard let message = try await requests.store.message(named: request.messageID, account: account.id),
                  UpstreamMessageID.matches(request.source.address, stored: message.source),
                  UpstreamMessageID.matches(SubmitTranslator.dialString(request.destination), stored: message.destination)
            else { return nil }
            return [message.id]
        }
        // §4.9.1: without a message_id, source and destination name the messages.
        guard !request.source.address.isEmpty,
              let destination = try? SMSAddress(parsing: SubmitTranslator.dialString(request.destination),
                                                plainDigitsType: .unknown, field: .destination)
        else { return nil }
        let ids = try await requests.store.waitingMessageIDs(account: account.id, source: request.source.address,
                                                    destination: destination.displayString)
        return ids.isEmpty ? nil : ids
    }
}
