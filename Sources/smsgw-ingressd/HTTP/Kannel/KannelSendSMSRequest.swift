import GatewayCore
import SMSCodec

/// A Kannel `/cgi-bin/sendsms` request (Kannel user guide, "Sending SMS messages": the
/// sendsms parameters; answers and refusal texts as `gw/smsbox.c` words them), parsed from
/// its CGI fields. Pure. Credentials are checked before this (`Authorization failed for
/// sendsms`); what is left is the message.
struct KannelSendSMSRequest: Sendable, Equatable {
    var recipients: [SMSAddress]
    /// Recipients refused for their characters (Kannel's "denied receivers").
    var denied: [String]
    var from: String?
    var text: String
    /// coding 0 → GSM 7-bit only, 2 → UCS-2, absent → the smallest that fits.
    var encoding: SMSEncodingChoice
    /// mclass: TP-DCS message class 0-3 (3GPP TS 23.038 §4).
    var messageClass: Int?
    /// validity, in minutes.
    var validityMinutes: Int?
    /// deferred: send no sooner than this many minutes from now.
    var deferredMinutes: Int?
    var priority: Int
    var reportMask: ReportMask
    var dlrURL: String?

    /// The longest validity accepted (a week), as the JSON API.
    static let maximumValidityMinutes = 7 * 24 * 60

    static func parse(_ fields: FormFields, text octets: [UInt8]?) -> Result<KannelSendSMSRequest, KannelRefusal> {
        guard let to = fields.first("to") else { return .failure(.badRequest("Missing receiver number, rejected")) }
        let numbers = to.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !numbers.isEmpty else { return .failure(.badRequest("Empty receiver number not allowed, rejected")) }
        var recipients: [SMSAddress] = []
        var denied: [String] = []
        for number in numbers {
            if let address = DialledNumber.parse(number) {
                if !recipients.contains(address) { recipients.append(address) }
            } else if !denied.contains(number) {
                denied.append(number)
            }
        }
        guard !recipients.isEmpty else { return .failure(.badRequest("Number(s) has/have been denied by white- and/or black-lists.")) }
        if fields.first("udh") != nil { return .failure(.badRequest("UDH field is not supported, rejected")) }
        let integer = { (names: [String], range: ClosedRange<Int>, field: String) -> Result<Int?, KannelRefusal> in
            guard let value = fields.firstOctets(names).map({ String(decoding: $0, as: UTF8.self) }) else { return .success(nil) }
            guard let number = Int(value.trimmingSpaces), range.contains(number) else {
                return .failure(.badRequest("\(field) field misformed, rejected"))
            }
            return .success(number)
        }
        let mask: Int?, mclass: Int?, coding: Int?, validity: Int?, deferred: Int?, priority: Int?
        switch (integer(["dlr-mask", "dlrmask"], 0...63, "DLR-Mask"), integer(["mclass"], 0...3, "MClass"),
                integer(["coding"], 0...2, "Coding"), integer(["validity"], 1...maximumValidityMinutes, "Validity"),
                integer(["deferred"], 0...(366 * 24 * 60), "Deferred"), integer(["priority"], 0...3, "Priority")) {
        case (.success(let a), .success(let b), .success(let c), .success(let d), .success(let e), .success(let f)):
            (mask, mclass, coding, validity, deferred, priority) = (a, b, c, d, e, f)
        case (.failure(let refusal), _, _, _, _, _), (_, .failure(let refusal), _, _, _, _), (_, _, .failure(let refusal), _, _, _),
             (_, _, _, .failure(let refusal), _, _), (_, _, _, _, .failure(let refusal), _), (_, _, _, _, _, .failure(let refusal)):
            return .failure(refusal)
        }
        let encoding: SMSEncodingChoice
        switch coding {
        case nil: encoding = .automatic
        case 0: encoding = .gsm7
        case 2: encoding = .ucs2
        default: return .failure(.badRequest("Coding 1 (8-bit data) is not supported, rejected"))
        }
        let dlrURL = fields.first("dlr-url", "dlrurl").flatMap { $0.isEmpty ? nil : $0 }
        if let url = dlrURL {
            let lower = url.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.utf8.count <= 2048 else {
                return .failure(.badRequest("DLR-URL field misformed, rejected"))
            }
        }
        let charset = fields.first("charset")?.lowercased() ?? "utf-8"
        guard let text = decodeText(octets ?? fields.firstOctets(["text"]) ?? [], charset: charset), !text.isEmpty else {
            return .failure(.badRequest("Charset or body misformed, rejected"))
        }
        let from = fields.first("from").flatMap { $0.isEmpty ? nil : $0 }
        if let from, !SenderName.isValid(from) {
            return .failure(.badRequest("Sender field misformed, rejected"))
        }
        return .success(KannelSendSMSRequest(
            recipients: recipients, denied: denied, from: from, text: text, encoding: encoding, messageClass: mclass,
            validityMinutes: validity, deferredMinutes: deferred, priority: priority ?? 0,
            reportMask: ReportMask(kannelDLRMask: mask ?? 0), dlrURL: dlrURL))
    }

    /// `charset`: UTF-8 (the default) or ISO-8859-1 (each octet is the code point of the same
    /// number, ISO/IEC 8859-1 being the first 256 of Unicode); nil for others or bad UTF-8.
    static func decodeText(_ octets: [UInt8], charset: String) -> String? {
        switch charset {
        case "utf-8", "utf8": return String(validating: octets, as: UTF8.self)
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1":
            var text = ""
            for octet in octets { text.unicodeScalars.append(Unicode.Scalar(octet)) }
            return text
        default: return nil
        }
    }
}

/// A sendsms refusal: the status and the one-line text Kannel answers with.
struct KannelRefusal: Error, Sendable, Equatable {
    var status: Int
    var text: String

    static func badRequest(_ text: String) -> KannelRefusal { KannelRefusal(status: 400, text: text) }
    static let authorization = KannelRefusal(status: 403, text: "Authorization failed for sendsms")
}
