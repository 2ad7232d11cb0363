import ATCommands
import SMSCodec

extension SimulatedModem {
    /// `AT+CMGS=<length>` (PDU mode) or `AT+CMGS="<da>"` (text mode): the prompt (27.005 §3.5.1, §4.3).
    /// With `hang-at-prompt` set the module hangs here: nothing, not even the prompt, comes out.
    mutating func startSubmit(_ arguments: [ATField]) -> CommandOutcome {
        if misbehaviours.removeValue(forKey: Misbehaviour.hangAtPrompt.name) != nil {
            misbehaviours[Misbehaviour.hang.name] = .hang  // output is dropped while hung
        }
        switch config.format {
        case .pdu:
            guard arguments.count == 1, let length = arguments[0].integer, (7...164).contains(length) else {
                return .error(cmsError(304))
            }
            return .prompt(.pdu(length: length))
        case .text:
            guard let destination = arguments.first?.text, !destination.isEmpty else { return .error(cmsError(304)) }
            return .prompt(.text(destination: destination))
        }
    }

    /// The body after the prompt was sent with Ctrl-Z: check it, then answer after the
    /// module's sending time with `+CMGS: <mr>` or a `+CMS ERROR`.
    mutating func submit(_ body: [UInt8], at now: Duration, into output: inout OutputBuffer) {
        guard let pending = pendingSubmit else {
            output.final("ERROR")
            return
        }
        pendingSubmit = nil
        let parsed = parseSubmission(body, pending)
        var entry = SendLedger.Entry(modem: id, at: now.seconds, slot: activeSlot, iccid: sims[activeSlot].iccid, destination: nil,
                                     text: nil, concatenation: nil, reference: nil, answer: .pending, error: nil)
        if case .success(let message) = parsed {
            entry.destination = message.destination.displayString
            entry.text = message.text
            entry.concatenation = message.concatenation
        }
        if misbehaviours.removeValue(forKey: Misbehaviour.hangInSend.name) != nil {
            misbehaviours[Misbehaviour.hang.name] = .hang  // the body is taken; nothing comes back
            entry.answer = .hung
            ledger.record(entry)
            return
        }
        let message: Submission
        switch parsed {
        case .success(let submission): message = submission
        case .failure(let code):
            entry.answer = .refused
            entry.error = code
            ledger.record(entry)
            output.final(cmsError(code))
            return
        }
        let finished = now + delay(profile.submitDuration)
        busy = true
        sendActivity.begin(at: now, finishing: finished)
        if let code = refusal() {
            failedCount += 1
            entry.answer = .refused
            entry.error = code
            ledger.record(entry)
            timers.schedule(.submitFinished([cmsError(code)]), at: finished)
            return
        }
        let reference = nextMessageReference
        nextMessageReference &+= 1
        sentCount += 1
        entry.reference = Int(reference)
        ledger.record(entry)
        // The answer first: a report never overtakes the +CMGS it is about.
        timers.schedule(.submitFinished(["+CMGS: \(reference)", "OK"]), at: finished)
        if message.wantsReport, misbehaviours["drop-status-reports"] == nil {
            let outcome = chooseOutcome()
            let tpdu = StatusReportBuilder.tpdu(
                reference: reference, recipient: message.destination,
                submitted: SimulatedClockTime.stamp(at: finished),
                discharged: SimulatedClockTime.stamp(at: finished + settings.scaled(settings.reportDelay)),
                status: outcome.status)
            timers.schedule(.statusReport(tpdu), at: finished + delay(settings.reportDelay))
        }
        countTowardsBlock(into: &output)
    }

    /// What the ledger and the status report need of a submitted message.
    private struct Submission {
        var destination: SMSAddress
        var wantsReport: Bool
        var text: String?
        var concatenation: SendLedger.Concatenation?
    }

    private enum Parsed {
        case success(Submission)
        case failure(Int)
    }

    private func parseSubmission(_ body: [UInt8], _ pending: PendingSubmit) -> Parsed {
        switch pending {
        case .pdu(let length):
            let hex = String(decoding: body.filter { $0 > 0x20 }, as: UTF8.self)
            guard let octets = try? Hex.decode(hex), let centreLength = octets.first,
                octets.count == 1 + Int(centreLength) + length
            else { return .failure(304) }  // invalid PDU mode parameter
            let tpdu = Array(octets.dropFirst(1 + Int(centreLength)))
            guard let decoded = try? PDUDecoder.decode(tpdu, includesServiceCentre: false),
                case .submit(let submit) = decoded.tpdu
            else { return .failure(304) }
            let userData = submit.userData
            return .success(Submission(destination: submit.destination, wantsReport: submit.statusReportRequest,
                                       text: userData.text ?? Hex.encode(userData.body),
                                       concatenation: Self.concatenation(in: userData.header)))
        case .text(let destination):
            guard let address = try? SMSAddress(parsing: destination, field: .destination) else { return .failure(304) }
            return .success(Submission(destination: address, wantsReport: config.textFirstOctet & 0x20 != 0,
                                       text: String(decoding: body, as: UTF8.self), concatenation: nil))
        }
    }

    private static func concatenation(in header: UserDataHeader?) -> SendLedger.Concatenation? {
        header?.concatenation.map { SendLedger.Concatenation(reference: Int($0.reference), total: Int($0.total), sequence: Int($0.sequence)) }
    }

    /// Why the network refuses a message now, as a `+CMS ERROR` code, or nil.
    private mutating func refusal() -> Int? {
        if blockedSlots.contains(activeSlot) { return 21 }  // short message transfer rejected
        guard registrationStatus == 1 else { return 331 }  // no network service
        if case .cmsError(let code, let rate)? = misbehaviours["cms-error"], random.chance(rate) { return code }
        return nil
    }

    private mutating func countTowardsBlock(into output: inout OutputBuffer) {
        guard let remaining = remainingBeforeBlock[activeSlot] else { return }
        if remaining <= 1 { blockActiveSIM(into: &output) } else { remainingBeforeBlock[activeSlot] = remaining - 1 }
    }

    private mutating func chooseOutcome() -> StatusReportBuilder.Outcome {
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < settings.failedShare { return .failed }
        if roll < settings.failedShare + settings.expiredShare { return .expired }
        return .delivered
    }

    /// A status report arrives: `+CDS` routed (CNMI `<ds>`=1), stored with `+CDSI` (2), or
    /// stored silently (0) (27.005 §3.4.1).
    mutating func deliverStatusReport(_ tpdu: [UInt8], into output: inout OutputBuffer) {
        switch config.indications.statusReport {
        case 1:
            if config.format == .pdu {
                output.line("+CDS: \(tpdu.count)")
                output.raw(Array((Hex.encode([0] + tpdu) + "\r\n").utf8))
            } else {
                let entry = MessageStore.Entry(status: .receivedUnread, tpdu: tpdu)
                if let line = render(entry, index: nil, header: "+CDS").first {
                    output.line(line.replacing( "+CDS: \"REC UNREAD\",", with: "+CDS: "))
                }
            }
        case 2 where profile.storages.contains("SR"):
            // Modules with an "SR" memory keep status reports there (27.005 §3.4.1 `<ds>`=2).
            guard misbehaviours["storage-full"] == nil, let index = reportStorage.store(tpdu) else { return }
            output.line("+CDSI: \"SR\",\(index)")
        default:
            guard misbehaviours["storage-full"] == nil, let index = storage.store(tpdu) else { return }
            if config.indications.statusReport == 2 { output.line("+CDSI: \"\(config.storages[0])\",\(index)") }
        }
    }

    /// An inbound part arrives: `+CMT` routed (CNMI `<mt>`=2), or stored and shown with `+CMTI`
    /// (`<mt>`=1) or silently (0) (27.005 §3.4.1).
    mutating func deliverInbound(_ tpdu: [UInt8], into output: inout OutputBuffer) {
        if config.indications.deliver == 2 {
            if config.format == .pdu {
                output.line("+CMT: ,\(tpdu.count)")
                output.raw(Array((Hex.encode([0] + tpdu) + "\r\n").utf8))
            } else {
                let rendered = render(MessageStore.Entry(status: .receivedUnread, tpdu: tpdu), index: nil, header: "+CMT")
                let header = rendered.first.map { $0.replacing( "+CMT: \"REC UNREAD\",", with: "+CMT: ") } ?? "+CMT: "
                output.line(header)
                output.raw(Array(((rendered.count > 1 ? rendered[1] : "") + "\r\n").utf8))
            }
            return
        }
        guard misbehaviours["storage-full"] == nil, let index = storage.store(tpdu) else { return }
        if config.indications.deliver != 0 { output.line("+CMTI: \"\(config.storages[0])\",\(index)") }
    }

    /// Splits an inbound text into DELIVER parts and schedules them a moment apart, in the
    /// order asked for.
    mutating func scheduleInbound(from originator: String, text: String, order: InboundOrder, at now: Duration) {
        let reference = nextConcatenationReference
        nextConcatenationReference = nextConcatenationReference % 255 + 1
        guard var parts = try? DeliverBuilder.parts(
            from: originator, text: text, timeStamp: SimulatedClockTime.stamp(at: now), concatenationReference: reference)
        else { return }
        switch order {
        case .inOrder: break
        case .reversed: parts.reverse()
        case .shuffled: parts = shuffledOutOfOrder(parts)
        case .automatic: if parts.count > 1, random.chance(settings.shuffleShare) { parts = shuffledOutOfOrder(parts) }
        }
        for (position, part) in parts.enumerated() {
            timers.schedule(.inboundPart(part), at: now + delay(.milliseconds(500)) * (position + 1))
        }
    }

    /// A permutation that is not the identity (when there are two parts or more).
    private mutating func shuffledOutOfOrder(_ parts: [[UInt8]]) -> [[UInt8]] {
        guard parts.count > 1 else { return parts }
        var shuffled = parts
        repeat { shuffled.shuffle(using: &random) } while shuffled == parts
        return shuffled
    }
}
