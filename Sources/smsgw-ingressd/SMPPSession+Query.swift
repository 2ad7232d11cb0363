import GatewayCore
import GatewayStore
import SMPPCodec

extension SMPPSession {
    /// query_sm (SMPP 3.4 §4.8): the state of one of the bound account's messages, by our
    /// decimal id or a part's submit id (the state of the whole message: its parts go out as
    /// one) and (when given) its source_addr. An id that is malformed, unknown, another
    /// account's, or from another source → ESME_RQUERYFAIL.
    func query(_ request: QuerySM, account: UpstreamAccount, sequenceNumber: UInt32) async -> PDU {
        let refuse = PDU.errorResponse(to: .querySM, sequenceNumber: sequenceNumber, status: .querySMFailed)
        let found: UpstreamMessageStatus?
        do {
            found = try await requests.store.message(named: request.messageID, account: account.id)
        } catch {
            logger.error("query_sm: store read failed: \(error)", metadata: ["account": "\(account.id)"])
            return PDU.errorResponse(to: .querySM, sequenceNumber: sequenceNumber, status: .systemError)
        }
        guard let message = found, UpstreamMessageID.matches(request.source.address, stored: message.source) else {
            logger.info("query_sm refused: no message \(request.messageID) from \"\(request.source.address)\"",
                        metadata: ["account": "\(account.id)"])
            return refuse
        }
        return PDU(.querySMResp(QueryAnswer.response(for: message, messageID: request.messageID)),
                   sequenceNumber: sequenceNumber)
    }
}
