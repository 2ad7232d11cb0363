import GatewayCore
import GatewayIPC
import Logging
import ModemProfiles
import ModemSession
import SystemBridge

/// Carrying out what the session asks, in order.
extension RunnerLoop {
    mutating func perform(_ actions: [SessionAction]) async {
        let logger = runner.logger
        for action in actions {
            switch action {
            case .write(let bytes):
                do { try port.write(bytes) } catch { logger.error("\(error)") }
            case .setPower(let on):
                guard let gpio, let powerLine else { continue }
                do {
                    try gpio.setValue(on, of: powerLine)
                    logger.notice("power \(on ? "on" : "off") (GPIO \(powerLine))")
                } catch {
                    logger.error("\(error)")
                }
            case .selectSlot(let slot):
                guard let gpio else { continue }
                for (bit, line) in selectLines.enumerated() {
                    do { try gpio.setValue((slot >> bit) & 1 == 1, of: line) } catch { logger.error("\(error)") }
                }
            case .sendFinished(let id, let outcome):
                pendingSends.removeValue(forKey: id)?.resume(returning: outcome)
            case .slotSwitchFinished(let id, let slot, let succeeded, let detail):
                let result = SlotSwitchResult(succeeded: succeeded, slot: slot, detail: detail, iccid: session.status.identity.iccid)
                pendingSwitches.removeValue(forKey: id)?.resume(returning: result)
            case .ussdFinished(let id, let outcome):
                pendingUSSD.removeValue(forKey: id)?.resume(returning: outcome)
            case .received(let pdu):
                await record(pdu)
            case .identified(let identity):
                await record(identity)
                runner.events.publish(.modemChanged(ModemdModemStatus(id: runner.modem.id, session.status)))
            case .stateChanged(let state):
                do { try await runner.store.setState(modemID, state) } catch { logger.error("store: \(error)") }
                // After the store: a subscriber that reads the modem's row sees the new state.
                runner.events.publish(.modemChanged(ModemdModemStatus(id: runner.modem.id, session.status)))
            case .log(let entry):
                logger.log(level: entry.level.loggerLevel, "\(entry.message)")
            case .count(let counter):
                runner.metrics.increment(counter)
            }
        }
    }

    private func record(_ pdu: ReceivedPDU) async {
        do {
            let content = try ReceivedContent.decode(pdu)
            switch try await runner.store.record(content, modemID: modemID, simID: simID) {
            case .inbound(let id, let isNew, let completed):
                runner.logger.info("inbound part stored (message \(id)\(isNew ? "" : ", a repeat")\(completed ? ", complete" : ""))")
                if completed { runner.events.inboundCompleted() }
            case .repeatOfFinished(let id):
                runner.metrics.repeatsDropped.increment()
                runner.logger.notice("inbound part dropped: a repeat of message \(id), already finished")
            case .statusReport(let id):
                runner.logger.info("status report \(id) stored")
                runner.events.publish(.statusReportStored(id: id))
            }
        } catch {
            runner.logger.error("received PDU not stored: \(error) (\(pdu.pdu.count) octets)")
        }
    }

    private mutating func record(_ identity: ModemIdentity) async {
        var identity = identity
        if let iccid = identity.iccid, runner.profile.iccidCommands.first?.nibbleSwapped == true {
            identity.iccid = ICCIDCommand.swapNibbles(iccid).filter { $0 != "F" }
        }
        do {
            simID = try await runner.store.recordIdentity(
                modemID, identity, operatorName: session.status.operatorName, vendor: runner.profile.manufacturer)
        } catch {
            runner.logger.error("store: \(error)")
        }
    }
}

extension SessionLogEntry.Level {
    var loggerLevel: Logger.Level {
        switch self {
        case .trace: .trace
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        }
    }
}
