/// The one table of +CMS ERROR codes: 3GPP TS 27.005 §3.2.5 (codes 300–500), the RP-cause
/// values of 3GPP TS 24.011 §8.2.5.4 / Table 8.4 (codes 0–127) and the TP-Failure-Cause
/// values of 3GPP TS 23.040 §9.2.3.22 (codes 128–255), with the texts modems print in
/// verbose mode (`AT+CMEE=2`) and the category modemd acts on.
enum CMSErrorTable {
    struct Entry: Sendable {
        let code: Int
        let text: String
        let category: ATErrorCategory
    }

    static let entries: [Entry] = [
        // RP-cause (24.011 Table 8.4, part 1)
        Entry(code: 1, text: "Unassigned (unallocated) number", category: .permanent),
        Entry(code: 8, text: "Operator determined barring", category: .permanent),
        Entry(code: 10, text: "Call barred", category: .permanent),
        Entry(code: 21, text: "Short message transfer rejected", category: .permanent),
        Entry(code: 22, text: "Memory capacity exceeded", category: .temporary),
        Entry(code: 27, text: "Destination out of service", category: .temporary),
        Entry(code: 28, text: "Unidentified subscriber", category: .permanent),
        Entry(code: 29, text: "Facility rejected", category: .permanent),
        Entry(code: 30, text: "Unknown subscriber", category: .permanent),
        Entry(code: 38, text: "Network out of order", category: .temporary),
        Entry(code: 41, text: "Temporary failure", category: .temporary),
        Entry(code: 42, text: "Congestion", category: .temporary),
        Entry(code: 47, text: "Resources unavailable, unspecified", category: .temporary),
        Entry(code: 50, text: "Requested facility not subscribed", category: .permanent),
        Entry(code: 69, text: "Requested facility not implemented", category: .permanent),
        Entry(code: 81, text: "Invalid short message transfer reference value", category: .temporary),
        Entry(code: 95, text: "Invalid message, unspecified", category: .permanent),
        Entry(code: 96, text: "Invalid mandatory information", category: .permanent),
        Entry(code: 97, text: "Message type non-existent or not implemented", category: .permanent),
        Entry(code: 98, text: "Message not compatible with short message protocol state", category: .temporary),
        Entry(code: 99, text: "Information element non-existent or not implemented", category: .permanent),
        Entry(code: 111, text: "Protocol error, unspecified", category: .temporary),
        Entry(code: 127, text: "Interworking, unspecified", category: .temporary),
        // TP-Failure-Cause (23.040 §9.2.3.22)
        Entry(code: 128, text: "Telematic interworking not supported", category: .permanent),
        Entry(code: 129, text: "Short message Type 0 not supported", category: .permanent),
        Entry(code: 130, text: "Cannot replace short message", category: .permanent),
        Entry(code: 143, text: "Unspecified TP-PID error", category: .permanent),
        Entry(code: 144, text: "Data coding scheme (alphabet) not supported", category: .permanent),
        Entry(code: 145, text: "Message class not supported", category: .permanent),
        Entry(code: 159, text: "Unspecified TP-DCS error", category: .permanent),
        Entry(code: 160, text: "Command cannot be actioned", category: .permanent),
        Entry(code: 161, text: "Command unsupported", category: .permanent),
        Entry(code: 175, text: "Unspecified TP-Command error", category: .permanent),
        Entry(code: 176, text: "TPDU not supported", category: .permanent),
        Entry(code: 192, text: "SC busy", category: .temporary),
        Entry(code: 193, text: "No SC subscription", category: .permanent),
        Entry(code: 194, text: "SC system failure", category: .temporary),
        Entry(code: 195, text: "Invalid SME address", category: .permanent),
        Entry(code: 196, text: "Destination SME barred", category: .permanent),
        Entry(code: 197, text: "SM Rejected-Duplicate SM", category: .permanent),
        Entry(code: 198, text: "TP-VPF not supported", category: .permanent),
        Entry(code: 199, text: "TP-VP not supported", category: .permanent),
        Entry(code: 208, text: "(U)SIM SMS storage full", category: .temporary),
        Entry(code: 209, text: "No SMS storage capability in (U)SIM", category: .deviceFault),
        Entry(code: 210, text: "Error in MS", category: .deviceFault),
        Entry(code: 211, text: "Memory capacity exceeded", category: .temporary),
        Entry(code: 212, text: "(U)SIM Application Toolkit busy", category: .temporary),
        Entry(code: 213, text: "(U)SIM data download error", category: .temporary),
        Entry(code: 255, text: "Unspecified error cause", category: .temporary),
        // 27.005 §3.2.5
        Entry(code: 300, text: "ME failure", category: .deviceFault),
        Entry(code: 301, text: "SMS service of ME reserved", category: .temporary),
        Entry(code: 302, text: "Operation not allowed", category: .permanent),
        Entry(code: 303, text: "Operation not supported", category: .permanent),
        Entry(code: 304, text: "Invalid PDU mode parameter", category: .permanent),
        Entry(code: 305, text: "Invalid text mode parameter", category: .permanent),
        Entry(code: 310, text: "(U)SIM not inserted", category: .deviceFault),
        Entry(code: 311, text: "(U)SIM PIN required", category: .deviceFault),
        Entry(code: 312, text: "PH-(U)SIM PIN required", category: .deviceFault),
        Entry(code: 313, text: "(U)SIM failure", category: .deviceFault),
        Entry(code: 314, text: "(U)SIM busy", category: .temporary),
        Entry(code: 315, text: "(U)SIM wrong", category: .deviceFault),
        Entry(code: 316, text: "(U)SIM PUK required", category: .deviceFault),
        Entry(code: 317, text: "(U)SIM PIN2 required", category: .deviceFault),
        Entry(code: 318, text: "(U)SIM PUK2 required", category: .deviceFault),
        Entry(code: 320, text: "Memory failure", category: .deviceFault),
        Entry(code: 321, text: "Invalid memory index", category: .permanent),
        Entry(code: 322, text: "Memory full", category: .temporary),
        Entry(code: 330, text: "SMSC address unknown", category: .deviceFault),
        Entry(code: 331, text: "No network service", category: .temporary),
        Entry(code: 332, text: "Network timeout", category: .temporary),
        Entry(code: 340, text: "No +CNMA acknowledgement expected", category: .permanent),
        Entry(code: 500, text: "Unknown error", category: .temporary),
    ]

    static let byCode: [Int: Entry] = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    static let byText: [String: Entry] = Dictionary(
        entries.flatMap { entry in ATErrorText.keys(for: entry.text).map { ($0, entry) } },
        uniquingKeysWith: { first, _ in first })
}
