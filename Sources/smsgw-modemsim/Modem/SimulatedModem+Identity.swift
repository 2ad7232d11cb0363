import ATCommands
import ModemProfiles

extension SimulatedModem {
    /// Identification commands (3GPP TS 27.007 §5, V.250 §6.1.3) and the vendor's ICCID command.
    func runIdentity(_ command: ATCommandInvocation) -> CommandOutcome? {
        if command.kind == .test, ["+CGMI", "+CGMM", "+CGMR", "+CGSN", "+CIMI", "+GMI", "+GMM", "+GMR", "+GSN"].contains(command.name) {
            return .ok([])
        }
        switch (command.name, command.kind) {
        case ("I", _): return .ok(profile.identificationLines.map { $0.replacingIMEI(imei) })
        case ("+CGMI", .execute), ("+GMI", .execute): return .ok([profile.manufacturer])
        case ("+CGMM", .execute), ("+GMM", .execute): return .ok([profile.model])
        case ("+CGMR", .execute), ("+GMR", .execute): return .ok([profile.revision])
        case ("+CGSN", .execute), ("+GSN", .execute): return .ok([imei])
        case ("+CIMI", .execute):
            guard simReady else { return .error(cmeError(14)) }
            return .ok([sims[activeSlot].imsi])
        case ("+CNUM", .execute):
            guard simReady else { return .error(cmeError(14)) }
            return .ok(["+CNUM: \"\",\"\(sims[activeSlot].msisdn)\",145"])
        case ("+CPIN", .read):
            guard simReady else { return .error(cmeError(14)) }
            return .ok(["+CPIN: READY"])
        case ("+CPIN", .set):
            return .error(cmeError(3))  // no PIN is asked for: operation not allowed
        default:
            break
        }
        for variant in profile.iccidCommands where variant.name == command.name {
            let matches = switch variant.invocation {
            case .execute: command.kind == .execute
            case .read: command.kind == .read
            }
            guard matches else { continue }
            guard simReady else { return .error(cmeError(14)) }
            return .ok([variant.answer(for: sims[activeSlot].iccid)])
        }
        return nil
    }
}

extension String {
    /// An identification line with `{imei}` filled in.
    func replacingIMEI(_ imei: String) -> String {
        replacing("{imei}", with: imei)
    }
}
