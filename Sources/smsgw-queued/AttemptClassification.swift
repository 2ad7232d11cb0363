import GatewayIPC
import QueueCore

/// Maps what modemd answered to a send (docs/modemd.md, "send") onto QueueCore's
/// `AttemptResult`, which `RetryPolicy` decides on.
enum AttemptClassification {
    /// The result of a send that got an answer. `parts`: how many parts the send carried.
    static func classify(_ sent: ModemdSendResult, parts: Int, modem: String) -> AttemptResult {
        let detail = "on \(modem)" + (sent.error.map { ": \($0)" } ?? "")
        switch sent.outcome {
        case .sent where sent.references.count == parts:
            return .sent
        case .sent:
            return .unknown(detail: "modemd reported \(sent.references.count) TP-MRs for \(parts) parts \(detail)")
        case .unknown:
            return .unknown(detail: "outcome unknown \(detail)")
        case .failed:
            let code = sent.error.flatMap(cmsCode)
            if sent.failureReason == .notAttempted || sent.failureReason == .notReady || sent.failureReason == .queueFull,
               sent.references.isEmpty {
                return .notAttempted(detail: "failed \(detail)")
            }
            switch sent.errorCategory {
            case "permanent": return .permanentFailure(code: code, detail: "failed \(detail)")
            case "deviceFault": return .deviceFault(code: code, detail: "failed \(detail)")
            default: return .temporaryFailure(code: code, detail: "failed \(detail)")
            }
        }
    }

    /// The result of a send whose call failed: never started (safe to retry) or unknown.
    static func classify(_ error: IPCError) -> AttemptResult {
        notStarted(error) ? .notAttempted(detail: "not sent: \(error)") : .unknown(detail: "no answer from modemd: \(error)")
    }

    /// IPC errors that prove the request never ran on modemd (docs/ipc.md, "Error codes").
    static func notStarted(_ error: IPCError) -> Bool {
        [.connectFailed, .shuttingDown, .unknownModem, .refused, .unencodableRequest, .frameTooLarge].contains(error.code)
    }

    /// The code of a `+CMS ERROR: <n>` text (3GPP TS 27.005 §3.2.5), when the error names one.
    static func cmsCode(_ text: String) -> Int? {
        guard let range = text.firstRange(of: "CMS ERROR: ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
