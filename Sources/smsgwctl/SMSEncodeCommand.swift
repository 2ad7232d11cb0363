import ArgumentParser
import SMSCodec

/// `smsgwctl sms encode`: a text to the SMS-SUBMIT PDUs AT+CMGS takes in PDU mode.
struct SMSEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode a text as SMS-SUBMIT PDUs for AT+CMGS (PDU mode)."
    )

    @Option(help: "Destination: +E.164 (international) or digits (type unknown).")
    var to: String

    @Option(help: "The message text.")
    var text: String

    @Option(help: "auto, gsm7 or ucs2.")
    var encoding: String = "auto"

    @Flag(help: "Request a status report (TP-SRR).")
    var requestReport = false

    @Option(help: "Relative validity period in minutes (TP-VP, rounded up to a step it can express).")
    var validity: Int?

    @Flag(help: "Flash message (message class 0).")
    var flash = false

    @Option(help: "SMSC address to put before the TPDU (default: 00, the SIM's SMSC).")
    var smsc: String?

    @Option(help: "TP-MR of the first part; later parts count up from it.")
    var messageReference: Int = 0

    @Option(help: "Concatenation reference shared by the parts.")
    var reference: Int = 0

    @Flag(help: "Use 16-bit concatenation references (IE 0x08) instead of 8-bit (IE 0x00).")
    var sixteenBitReference = false

    @Option(help: "Comma-separated languages (tr, es, pt) whose national shift tables (3GPP TS 23.038 annex A) may replace UCS-2 when they need fewer parts.")
    var nationalLanguages: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        guard let choice = SMSEncodingChoice(rawValue: encoding) else {
            throw InputError("--encoding: '\(encoding)' is not one of auto, gsm7, ucs2")
        }
        guard (0...255).contains(messageReference) else { throw InputError("--message-reference: \(messageReference) is not 0...255") }
        guard (0...0xFFFF).contains(reference) else { throw InputError("--reference: \(reference) is not 0...65535") }
        let languages = try parsedNationalLanguages()
        do {
            let request = SubmitRequest(
                destination: try SMSAddress(parsing: to, field: .destination),
                text: text,
                encoding: choice,
                messageClass: flash ? 0 : nil,
                validityPeriod: try validity.map { minutes throws(SMSEncodingError) in try ValidityPeriod.relative(minutes: minutes) },
                requestStatusReport: requestReport,
                serviceCentre: try smsc.map { number throws(SMSEncodingError) in try SMSAddress(parsing: number, field: .serviceCentre) },
                referenceSize: sixteenBitReference ? .sixteenBit : .eightBit,
                nationalLanguages: languages
            )
            let plan = try SMSPlanner.plan(
                text, encoding: choice, referenceSize: request.referenceSize, nationalLanguages: languages
            )
            let references = (0..<plan.segments.count).map { UInt8(truncatingIfNeeded: messageReference + $0) }
            let encoded = try SubmitEncoder.encode(request, messageReferences: references, concatenationReference: UInt16(reference))
            if json {
                try printJSON(SMSEncodeOutput(encoded))
            } else {
                StandardStreams.writeOutput(humanReadable(encoded))
            }
        } catch let error as SMSEncodingError {
            throw InputError(error.description)
        }
    }

    private func parsedNationalLanguages() throws -> Set<NationalLanguage> {
        guard let nationalLanguages else { return [] }
        var languages: Set<NationalLanguage> = []
        for code in nationalLanguages.split(separator: ",", omittingEmptySubsequences: false) {
            guard let language = NationalLanguage(code: String(code.filter { !$0.isWhitespace })) else {
                let known = NationalLanguage.allCases.map(\.code).joined(separator: ", ")
                throw InputError("--national-languages: '\(code)' is not one of \(known)")
            }
            languages.insert(language)
        }
        return languages
    }

    private func humanReadable(_ encoded: EncodedSubmit) -> String {
        let unit = encoded.plan.encoding == .gsm7 ? "septets" : "UCS-2 units"
        var summary = "\(encoded.plan.encoding.rawValue), \(encoded.plan.unitCount) \(unit), \(encoded.parts.count) part(s)"
        if let tables = SMSEncodeOutput.tables(encoded.plan) { summary += " (\(tables))" }
        var lines = [summary]
        for part in encoded.parts {
            lines.append("AT+CMGS=\(part.tpduLength)")
            lines.append(part.hex)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The JSON `sms encode --json` prints.
struct SMSEncodeOutput: Encodable {
    struct Segment: Encodable {
        var number: Int
        var text: String
        var units: Int
        var messageReference: Int
        var pdu: String
        var tpduLength: Int
    }

    var encoding: String
    var unitCount: Int
    var segmentCount: Int
    var segments: [Segment]
    /// Present only when national language tables are used.
    var lockingShift: String?
    var singleShift: String?

    /// "locking shift tr, single shift es" for a plan using national tables, else nil.
    static func tables(_ plan: SMSPlan) -> String? {
        guard plan.encoding == .gsm7, !plan.characterSet.isDefault else { return nil }
        let locking = plan.characterSet.lockingShift?.code ?? "default"
        let single = plan.characterSet.singleShift?.code ?? "default"
        return "locking shift \(locking), single shift \(single)"
    }

    init(_ encoded: EncodedSubmit) {
        encoding = encoded.plan.encoding.rawValue
        unitCount = encoded.plan.unitCount
        segmentCount = encoded.parts.count
        if encoded.plan.encoding == .gsm7 {
            lockingShift = encoded.plan.characterSet.lockingShift?.code
            singleShift = encoded.plan.characterSet.singleShift?.code
        }
        segments = encoded.parts.enumerated().map { index, part in
            Segment(
                number: index + 1, text: part.text, units: part.unitCount,
                messageReference: Int(part.messageReference), pdu: part.hex, tpduLength: part.tpduLength
            )
        }
    }
}
