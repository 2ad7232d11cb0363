import FoundationEssentials

/// One line on the control socket: a JSON object naming a command, and the modem for the
/// commands that act on one (docs/modemsim.md lists them all).
///
///     {"command":"inbound","modem":"m1","from":"+31612345678","text":"hello","order":"reversed"}
///     {"command":"cms-error","modem":"m2","code":500,"rate":0.5}
///     {"command":"block-sim","modem":"m3","after":3}
///     {"command":"ussd-answer","modem":"m1","text":"Balance: 3.20 USD","code":15}
///     {"command":"hang","modem":"m4"}   {"command":"clear","modem":"m4"}   {"command":"status"}
///     {"command":"ledger"}
struct ControlRequest: Decodable, Sendable, Hashable {
    var command: String
    var modem: String?
    var from: String?
    var text: String?
    var order: String?
    var code: Int?
    var rate: Double?
    var after: Int?
    var slot: Int?

    struct Problem: Error, Sendable, Hashable {
        var message: String
    }

    static func parse(_ line: [UInt8]) -> Result<ControlRequest, Problem> {
        do {
            return .success(try JSONDecoder().decode(ControlRequest.self, from: Data(line)))
        } catch {
            return .failure(Problem(message: "not a control request (a JSON object with \"command\"): \(error)"))
        }
    }

    /// The modem event the request stands for.
    func event() -> Result<SimulatedModem.Event, Problem> {
        switch command {
        case "hang": return .success(.misbehave(.hang))
        case "hang-at-prompt": return .success(.misbehave(.hangAtPrompt))
        case "hang-in-send": return .success(.misbehave(.hangInSend))
        case "garbage": return .success(.misbehave(.garbage))
        case "deregister": return .success(.misbehave(.deregister))
        case "slow": return .success(.misbehave(.slow))
        case "storage-full": return .success(.misbehave(.storageFull))
        case "drop-status-reports": return .success(.misbehave(.dropStatusReports))
        case "clear": return .success(.clearMisbehaviours)
        case "power-off": return .success(.powerOff)
        case "power-on": return .success(.powerOn)
        case "cms-error":
            guard let code, (0...511).contains(code) else { return .failure(Problem(message: "cms-error: \"code\" must be 0…511")) }
            let rate = self.rate ?? 1
            guard (0...1).contains(rate) else { return .failure(Problem(message: "cms-error: \"rate\" must be 0…1")) }
            return .success(.misbehave(.cmsError(code: code, rate: rate)))
        case "block-sim":
            guard let after, after >= 0 else { return .failure(Problem(message: "block-sim: \"after\" must be 0 or more")) }
            return .success(.misbehave(.blockSIM(after: after)))
        case "select-slot":
            guard let slot, slot >= 0 else { return .failure(Problem(message: "select-slot: \"slot\" must be 0 or more")) }
            return .success(.selectSlot(slot))
        case "ussd-answer":
            guard let text, !text.isEmpty, !text.contains("\"") else {
                return .failure(Problem(message: "ussd-answer: \"text\" is required (without double quotes)"))
            }
            let dcs = code ?? 15
            guard (0...255).contains(dcs) else { return .failure(Problem(message: "ussd-answer: \"code\" (the DCS) must be 0…255")) }
            return .success(.ussdAnswer(text: text, dcs: dcs))
        case "inbound":
            guard let from, !from.isEmpty, let text, !text.isEmpty else {
                return .failure(Problem(message: "inbound: \"from\" and \"text\" are required"))
            }
            guard let order = SimulatedModem.InboundOrder(rawValue: self.order ?? "automatic") else {
                return .failure(Problem(message: "inbound: \"order\" must be in-order, reversed, shuffled or automatic"))
            }
            return .success(.inbound(originator: from, text: text, order: order))
        default:
            return .failure(Problem(message: "unknown command \"\(command)\""))
        }
    }
}

/// The answer line to a request.
enum ControlReply: Sendable {
    case ok
    case failure(String)
    case status([ModemStatus])
    case ledger([SendLedger.Entry])

    private struct Body: Encodable {
        var ok: Bool
        var error: String?
        var modems: [ModemStatus]?
        var ledger: [SendLedger.Entry]?
    }

    var line: [UInt8] {
        let body = switch self {
        case .ok: Body(ok: true)
        case .failure(let message): Body(ok: false, error: message)
        case .status(let modems): Body(ok: true, modems: modems)
        case .ledger(let entries): Body(ok: true, ledger: entries)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(body)) ?? Data("{\"ok\":false}".utf8)
        return Array(data) + [0x0A]
    }
}
