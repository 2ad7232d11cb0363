import GatewayCore
import GatewayDaemon
import SMPPCodec

extension SMPPSession {
    /// data_sm (SMPP 3.4 §4.7) from the ESME: the same checks and storage as submit_sm, its
    /// fields carried over (the text in message_payload, §5.3.2.32) → data_sm_resp with the
    /// store's id after the group commit (a part of a message the ESME split: its own id).
    func dataSM(_ request: DataSM, account: UpstreamAccount, sequenceNumber: UInt32) async -> PDU {
        let submit = Self.submit(from: request)
        switch translator.message(from: submit, account: account, now: .wallClock) {
        case .failure(let refusal):
            logger.info("data_sm refused: \(refusal.reason)", metadata: ["account": "\(account.id)"])
            return PDU.errorResponse(to: .dataSM, sequenceNumber: sequenceNumber, status: refusal.status)
        case .success(let message):
            do {
                let id = try await committer.submit(message).messageID
                return PDU(.dataSMResp(DataSMResponse(messageID: message.answerID(storedIn: id))), sequenceNumber: sequenceNumber)
            } catch {
                return PDU.errorResponse(to: .dataSM, sequenceNumber: sequenceNumber, status: .systemError)
            }
        }
    }

    /// data_sm's fields as the submit_sm they amount to: no short_message (§4.7.1 has none),
    /// priority 0, no schedule or validity (their TLVs, qos_time_to_live, are not read yet).
    static func submit(from request: DataSM) -> SubmitSM {
        var submit = SubmitSM(source: request.source, destination: request.destination, shortMessage: [],
                              dataCoding: request.dataCoding, esmClass: request.esmClass,
                              registeredDelivery: request.registeredDelivery, tlvs: request.tlvs)
        submit.serviceType = request.serviceType
        return submit
    }
}
