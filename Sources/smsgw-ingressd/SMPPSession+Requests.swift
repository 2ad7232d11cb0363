import GatewayCore
import SMPPCodec

extension SMPPSession {
    /// The answer to one of the ESME's requests besides submit_sm (SMPP 3.4 §4.5, §4.7–§4.10),
    /// bound as transmitter or transceiver; run as a child task inside the session's window.
    func respond(to body: PDUBody, account: UpstreamAccount, sequenceNumber: UInt32) async -> PDU {
        switch body {
        case .submitMulti(let request): await submitMulti(request, account: account, sequenceNumber: sequenceNumber)
        case .dataSM(let request): await dataSM(request, account: account, sequenceNumber: sequenceNumber)
        case .querySM(let request): await query(request, account: account, sequenceNumber: sequenceNumber)
        case .cancelSM(let request): await cancel(request, account: account, sequenceNumber: sequenceNumber)
        case .replaceSM(let request): await replace(request, account: account, sequenceNumber: sequenceNumber)
        default: PDU.errorResponse(to: body.commandID, sequenceNumber: sequenceNumber, status: .invalidCommandID)
        }
    }

    /// Wakes the queue after a change it should see now.
    func wakeQueue() { requests.wake() }
}
