import GatewayCore
import GatewayStore
import SMSCodec

/// A JSON `MessageRequest` from an account → the `NewMessage` to store, or the API error to
/// answer (400 for malformed fields, 403 for a class the account may not use, 422 for a text
/// that cannot be sent). Pure.
struct MessageRequestTranslator: Sendable {
    /// Validity of a message that does not say (as SMPP without validity_period).
    var defaultValidity: Duration = .seconds(48 * 3600)
    /// The longest validity accepted.
    var maximumValidity: Duration = .seconds(7 * 86_400)
    /// The longest text, in Unicode code points (JSON Schema's maxLength): ten GSM parts,
    /// or 24 UCS-2 parts.
    static let maximumTextLength = 1600

    /// `concatenationReference`: the 8-bit reference of a text split here (random per message).
    func message(from request: MessageRequest, account: UpstreamAccount, now: Timestamp,
                 concatenationReference: UInt8) -> Result<NewMessage, APIError> {
        guard let destination = DialledNumber.parse(request.to.trimmingSpaces) else {
            return .failure(.invalid("invalid_destination", "\"to\" \"\(request.to)\" is not \"+\" and 1 to 20 digits, or 1 to 20 digits"))
        }
        let source: String
        if let from = request.from {
            guard SenderName.isValid(from) else {
                return .failure(.invalid("invalid_sender", "\"from\" \"\(from)\" is neither a number nor a name of 1 to 11 letters, digits, spaces or . _ & -"))
            }
            source = from
        } else {
            source = String(account.id.prefix(21))
        }
        var messageClass = account.defaultClass
        if let name = request.messageClass {
            guard let named = MessageClass(rawValue: name) else {
                return .failure(.invalid("invalid_class", "\"class\" is otp, transactional or marketing, not \"\(name)\""))
            }
            guard account.allowedClasses.contains(named) else {
                return .failure(APIError(.forbidden, "class_not_allowed", "account \(account.id) may not send class \(name)"))
            }
            messageClass = named
        }
        let priority = request.priority ?? 0
        guard (0...3).contains(priority) else {
            return .failure(.invalid("invalid_priority", "\"priority\" is 0 to 3, not \(priority)"))
        }
        let validity: Duration
        switch parseValidity(request.validity) {
        case .success(let value): validity = value
        case .failure(let error): return .failure(error)
        }
        var scheduleAt: Timestamp?
        if let text = request.schedule {
            guard let at = RFC3339.parse(text) else {
                return .failure(.invalid("invalid_schedule", "\"schedule\" \"\(text)\" is not an RFC 3339 date-time such as 2026-12-01T09:00:00Z"))
            }
            scheduleAt = at > now ? at : nil
        }
        if let clientID = request.clientID, !(1...64).contains(clientID.unicodeScalars.count) {
            return .failure(.invalid("invalid_client_id", "\"client_id\" is 1 to 64 characters"))
        }
        guard (1...Self.maximumTextLength).contains(request.text.unicodeScalars.count) else {
            return .failure(.invalid("invalid_text", "\"text\" is 1 to \(Self.maximumTextLength) characters"))
        }
        let report = request.report ?? true
        let encoded: TextPartsEncoder.Encoded
        switch TextPartsEncoder.encode(request.text, to: destination, statusReport: report,
                                       concatenationReference: concatenationReference) {
        case .success(let value): encoded = value
        case .failure(let refusal): return .failure(APIError(.unprocessableEntity, "invalid_text", refusal.reason))
        }
        return .success(NewMessage(
            account: account.id, clientReference: request.clientID, source: source,
            destination: destination.displayString, messageClass: messageClass, priority: priority,
            text: request.text, encoding: encoded.encoding, partsHex: encoded.partsHex, scheduleAt: scheduleAt,
            expiresAt: max(scheduleAt ?? now, now) + validity, registeredDelivery: report))
    }

    private func parseValidity(_ validity: MessageRequest.Validity?) -> Result<Duration, APIError> {
        let value: Duration
        switch validity {
        case nil: return .success(defaultValidity)
        case .seconds(let seconds):
            value = .seconds(seconds)
        case .text(let text):
            guard let parsed = DurationText.parse(text) else {
                return .failure(.invalid("invalid_validity", "\"validity\" \"\(text)\" is not seconds or a duration such as 30m, 2h, 1d"))
            }
            value = parsed
        }
        guard value >= .seconds(1), value <= maximumValidity else {
            return .failure(.invalid("invalid_validity", "\"validity\" is 1 second to \(DurationText.format(maximumValidity))"))
        }
        return .success(value)
    }
}
