import GatewayCore
import GatewayDaemon
import SMPPCodec

extension SMPPSession {
    /// submit_multi (SMPP 3.4 §4.5): each SME destination becomes its own stored message,
    /// all of them in ONE group commit; submit_multi_resp carries the id of the first stored
    /// message and the unsuccess_sme list. query_sm, cancel_sm and replace_sm take each
    /// message's own id: the ids of one submit_multi are consecutive in destination order
    /// (one transaction, one connection), so the first id names the others. No destination
    /// accepted → the destinations' common status (or ESME_RSUBMITFAIL) with the list.
    func submitMulti(_ request: SubmitMulti, account: UpstreamAccount, sequenceNumber: UInt32) async -> PDU {
        let plan: SubmitMultiPlan
        switch SubmitMultiPlan.make(request, account: account, translator: translator, now: .wallClock) {
        case .failure(let refusal):
            logger.info("submit_multi refused: \(refusal.reason)", metadata: ["account": "\(account.id)"])
            return PDU.errorResponse(to: .submitMulti, sequenceNumber: sequenceNumber, status: refusal.status)
        case .success(let value): plan = value
        }
        for (entry, reason) in zip(plan.unsuccessful, plan.reasons) {
            logger.info("submit_multi destination \"\(entry.address.address)\" refused: \(reason)", metadata: ["account": "\(account.id)"])
        }
        guard !plan.messages.isEmpty else {
            return PDU(.submitMultiResp(SubmitMultiResponse(messageID: "", unsuccessful: plan.unsuccessful)),
                       sequenceNumber: sequenceNumber, status: plan.refusalStatus)
        }
        do {
            let ids = try await committer.submit(all: plan.messages)
            let first = plan.messages.first.flatMap { message in ids.first.map { message.answerID(storedIn: $0.messageID) } } ?? ""
            return PDU(.submitMultiResp(SubmitMultiResponse(messageID: first, unsuccessful: plan.unsuccessful)),
                       sequenceNumber: sequenceNumber)
        } catch {
            return PDU.errorResponse(to: .submitMulti, sequenceNumber: sequenceNumber, status: .systemError)
        }
    }
}
