import ATCommands

/// A status report stored in a memory other than the one init selected for reading
/// (`+CDSI: "SR",<index>` with CNMI `<ds>`=2, 3GPP TS 27.005 §3.4.1): `AT+CPMS` selects that
/// memory as `<mem1>` (read and delete, §3.2.2), `AT+CMGR` reads it, `AT+CMGD` deletes it there
/// once handed over, and `AT+CPMS` selects init's memories again. The steps are queued together,
/// so nothing else runs while the other memory is selected.
extension ModemSession {
    /// The memory `AT+CMGR`/`AT+CMGD` use after init (`<mem1>`).
    var readStorage: MessageStorage { settings.storages.first ?? .sim }

    mutating func readFromOtherStorage(_ storage: MessageStorage, index: Int) {
        let read = CommandPurpose.readFrom(storage, index: index)
        guard inFlight?.purpose != read, !commands.contains(where: { $0.purpose == read }) else { return }
        commands.append(QueuedCommand(line: ATCommand.setPreferredStorage([storage]).line, purpose: .selectStorage(storage)))
        commands.append(QueuedCommand(line: ATCommand.readMessage(index: index).line, purpose: read))
        commands.append(QueuedCommand(line: ATCommand.setPreferredStorage(settings.storages).line, purpose: .restoreStorage))
    }

    /// `AT+CPMS="<storage>"` answered: refused means the read would hit the wrong memory, so
    /// the read queued behind it is dropped (the restore still runs).
    mutating func selectStorageAnswered(_ response: ATResponse, storage: MessageStorage) {
        guard !response.result.isSuccess else { return }
        log(.warning, "AT+CPMS=\"\(storage)\" refused (\(response.result.line)); stored status report left unread")
        commands.removeAll { if case .readFrom(storage, _) = $0.purpose { true } else { false } }
    }

    /// `AT+CMGR` in the other memory answered: hand the PDU over, then delete it there, before
    /// the memories are restored.
    mutating func readFromAnswered(_ response: ATResponse, storage: MessageStorage, index: Int) {
        guard response.result.isSuccess, response.lines.count >= 2,
              let record = try? MessageRecord(header: response.lines[0], body: response.lines[1]) else {
            log(.debug, "AT+CMGR=\(index) in \(storage): \(response.result.line) \(response.lines)")
            return
        }
        if case .pdu(let octets) = record.body {
            count(.received)
            actions.append(.received(ReceivedPDU(pdu: octets, source: .stored(index: index))))
        } else {
            log(.warning, "status report \(index) in \(storage) is in text mode; deleted unread")
        }
        commands.insert(QueuedCommand(line: ATCommand.deleteMessage(index: index).line, purpose: .deleteFrom(storage, index: index)), at: 0)
    }

    mutating func restoreStorageAnswered(_ response: ATResponse, now: Duration) {
        guard !response.result.isSuccess else { return }
        log(.warning, "restoring the message memories refused: \(response.result.line); initialising again")
        beginInit(now: now)
    }
}
