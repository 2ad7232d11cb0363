import GatewayCore
import GatewayStore
import SMPPCodec

/// submit_multi (SMPP 3.4 §4.5.1) split into one submit_sm per SME destination, each through
/// the submit_sm translator: the messages to store (one per destination, in order) and the
/// destinations refused, as submit_multi_resp's unsuccess_sme list (§4.5.2). Pure.
struct SubmitMultiPlan: Sendable, Equatable {
    /// §4.5.1: number_of_dests is at most 254 (255 is not a valid count).
    static let maximumDestinations = 254

    var messages: [NewMessage] = []
    var unsuccessful: [UnsuccessfulSME] = []
    /// Why each destination was refused, for the log (same order as `unsuccessful`).
    var reasons: [String] = []

    /// The plan, or the status refusing the whole PDU (no destination, or more than 254).
    static func make(_ request: SubmitMulti, account: UpstreamAccount, translator: SubmitTranslator,
                     now: Timestamp) -> Result<SubmitMultiPlan, SubmitRefusal> {
        guard (1...maximumDestinations).contains(request.destinations.count) else {
            return .failure(SubmitRefusal(.invalidNumberOfDestinations,
                                          "number_of_dests \(request.destinations.count); 1...\(maximumDestinations) allowed"))
        }
        var plan = SubmitMultiPlan()
        for destination in request.destinations {
            switch destination {
            case .distributionList(let name):
                // We keep no distribution lists (§4.5.1.1 dest_flag 2): every name is unknown.
                plan.unsuccessful.append(UnsuccessfulSME(address: SMEAddress(address: name),
                                                         errorStatusCode: .invalidDistributionListName))
                plan.reasons.append("distribution list \"\(name)\": none are kept here")
            case .sme(let address):
                switch translator.message(from: submit(request, to: address), account: account, now: now) {
                case .success(let message): plan.messages.append(message)
                case .failure(let refusal):
                    plan.unsuccessful.append(UnsuccessfulSME(address: address, errorStatusCode: refusal.status))
                    plan.reasons.append(refusal.reason)
                }
            }
        }
        return .success(plan)
    }

    /// The submit_sm that submit_multi amounts to for one destination (same fields, §4.5.1).
    static func submit(_ request: SubmitMulti, to destination: SMEAddress) -> SubmitSM {
        var submit = SubmitSM(source: request.source, destination: destination, shortMessage: request.shortMessage,
                              dataCoding: request.dataCoding, esmClass: request.esmClass,
                              registeredDelivery: request.registeredDelivery, tlvs: request.tlvs)
        submit.serviceType = request.serviceType
        submit.protocolID = request.protocolID
        submit.priorityFlag = request.priorityFlag
        submit.scheduleDeliveryTime = request.scheduleDeliveryTime
        submit.validityPeriod = request.validityPeriod
        submit.replaceIfPresentFlag = request.replaceIfPresentFlag
        submit.smDefaultMsgID = request.smDefaultMsgID
        return submit
    }

    /// When no destination was accepted, the status of the whole answer: the destinations'
    /// common status when they agree (e.g. a bad data_coding), else ESME_RSUBMITFAIL.
    var refusalStatus: CommandStatus {
        let statuses = Set(unsuccessful.map(\.errorStatusCode))
        return statuses.count == 1 ? statuses.first ?? .submitFailed : .submitFailed
    }
}
