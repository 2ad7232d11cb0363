import ATCommands

/// Where each command's response goes.
extension ModemSession {
    mutating func handleResponse(_ response: ATResponse, purpose: CommandPurpose, now: Duration) {
        switch purpose {
        case .bootProbe:
            // Any final result means the module is alive and listening (ERROR too: some answer
            // a bare AT with ERROR while echo is still on garbled input).
            if rung != .none { log(.info, "module answers after \(rung == .powerCycle ? "power cycle" : "reset")") }
            beginInit(now: now)
        case .ladderProbe:
            guard isProbeAnswer(response) else {
                lateAnswer(response, now: now)
                return
            }
            if activeSend?.partWritten == true { abandonSends("no +CMGS: before the probe was answered") }
            log(.notice, "the modem answered the probe")
            recovered(now: now)
            if initProgress != nil { beginInit(now: now) } else { phase = .ready }
        case .softReset:
            log(.info, "AT+CFUN=1,1 answered \(response.result.line); waiting for the module to boot")
            phase = .booting(until: now + settings.timings.bootWait, probeDeadline: now + settings.timings.bootTimeout)
        case .initStep(let index):
            initStepAnswered(response, index: index, now: now)
        case .poll(let query):
            pollAnswered(query, response)
        case .read(let index):
            readAnswered(response, index: index)
        case .delete(let index):
            if !response.result.isSuccess { log(.warning, "AT+CMGD=\(index) refused: \(response.result.line)") }
        case .sweep:
            sweepAnswered(response)
        case .selectStorage(let storage):
            selectStorageAnswered(response, storage: storage)
        case .readFrom(let storage, let index):
            readFromAnswered(response, storage: storage, index: index)
        case .deleteFrom(let storage, let index):
            if !response.result.isSuccess { log(.warning, "AT+CMGD=\(index) in \(storage) refused: \(response.result.line)") }
        case .restoreStorage:
            restoreStorageAnswered(response, now: now)
        case .sendPart:
            sendAnswered(response, now: now)
        case .slotCommand(let slot):
            slotCommandAnswered(response, slot: slot, now: now)
        case .ussd:
            ussdAnswered(response, now: now)
        case .ussdEnd:
            break
        }
    }

    mutating func pollAnswered(_ query: PollQuery, _ response: ATResponse) {
        guard response.result.isSuccess else {
            log(.debug, "poll \(response.command.text) refused: \(response.result.line)")
            return
        }
        switch query {
        case .signal:
            status.signal = response.lines(named: "+CSQ").first.flatMap { try? SignalQuality(line: $0) }
        case .registration:
            status.registration = response.lines(named: "+CREG").first.flatMap { try? NetworkRegistration(readAnswer: $0) }?.status
        case .operatorName:
            status.operatorName = response.lines(named: "+COPS").first.flatMap { try? OperatorSelection(line: $0) }?.name
        case .storage:
            let usage = response.lines(named: "+CPMS").first.flatMap { try? PreferredStorage(line: $0) }
            if let first = usage?.usages.first, first.isFull {
                log(.warning, "message storage full (\(first.used)/\(first.total)); sweeping")
                enqueueOnce(ATCommand.listMessages(.all, format: .pdu).line, .sweep)
            }
        }
    }

    /// `AT+CMGR=<index>` answered (27.005 §3.4.3): hand the PDU over, then delete it.
    mutating func readAnswered(_ response: ATResponse, index: Int) {
        guard response.result.isSuccess else {
            // +CMS ERROR: 321 (invalid memory index): already read and deleted, e.g. by a sweep.
            log(.debug, "AT+CMGR=\(index): \(response.result.line)")
            return
        }
        guard response.lines.count >= 2, let record = try? MessageRecord(header: response.lines[0], body: response.lines[1]) else {
            if response.lines.isEmpty { return }  // an empty slot answered with OK alone
            log(.warning, "AT+CMGR=\(index): unreadable answer \(response.lines)")
            return
        }
        deliver(record, index: index)
    }

    /// `AT+CMGL=4` answered (27.005 §3.4.2): hand every PDU over, then delete each.
    mutating func sweepAnswered(_ response: ATResponse) {
        guard response.result.isSuccess else {
            log(.warning, "sweep refused: \(response.result.line)")
            return
        }
        do {
            let records = try MessageList.parse(response.lines)
            if !records.isEmpty { log(.info, "sweep found \(records.count) stored message(s)") }
            for record in records {
                guard let index = record.index else { continue }
                deliver(record, index: index)
            }
        } catch {
            log(.warning, "sweep: unreadable list (\(error))")
        }
    }

    private mutating func deliver(_ record: MessageRecord, index: Int) {
        guard case .pdu(let octets) = record.body else {
            log(.warning, "message \(index) is in text mode; deleted unread")
            enqueueOnce(ATCommand.deleteMessage(index: index).line, .delete(index: index))
            return
        }
        count(.received)
        actions.append(.received(ReceivedPDU(pdu: octets, source: .stored(index: index))))
        enqueueOnce(ATCommand.deleteMessage(index: index).line, .delete(index: index))
    }
}
