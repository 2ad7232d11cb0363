import GatewayCore
import SMSCodec

/// Text → the SMS-SUBMIT TPDUs of its parts (3GPP TS 23.040 §9.2.2.2), planned by
/// `SubmitEncoder` (automatic concatenation with the given 8-bit reference, §9.2.3.24.1), at
/// most 255 parts: what the HTTP interfaces (the JSON API, Kannel sendsms) do with a text.
/// Callers pick the reference at random per message, as SMPP submit_sm does, so two long
/// messages to one handset are not mixed.
enum TextPartsEncoder {
    struct Encoded: Sendable, Equatable {
        var partsHex: [String]
        var encoding: MessageEncoding
    }

    /// Why a text cannot be sent, in words for the caller.
    struct Refusal: Error, Sendable, Equatable {
        var reason: String
    }

    static func encode(_ text: String, to destination: SMSAddress, encoding: SMSEncodingChoice = .automatic,
                       messageClass: Int? = nil, statusReport: Bool, concatenationReference: UInt8) -> Result<Encoded, Refusal> {
        guard !text.isEmpty else { return .failure(Refusal(reason: "the text is empty")) }
        let encoded: EncodedSubmit
        do {
            encoded = try SubmitEncoder.encode(SubmitRequest(
                destination: destination, text: text, encoding: encoding, messageClass: messageClass,
                requestStatusReport: statusReport), concatenationReference: UInt16(concatenationReference))
        } catch {
            return .failure(Refusal(reason: "the text cannot be sent: \(error)"))
        }
        guard encoded.parts.count <= 255 else {
            return .failure(Refusal(reason: "the text needs \(encoded.parts.count) parts; at most 255"))
        }
        let stored: MessageEncoding = switch encoded.plan.encoding {
        case .gsm7: .gsm7
        case .ucs2: .ucs2
        case .eightBit: .binary
        }
        return .success(Encoded(partsHex: encoded.parts.map(\.tpduHex), encoding: stored))
    }
}
