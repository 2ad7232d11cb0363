import GatewayCore

/// The rules between entries, run after decoding over what it produced: unique ids, one user per
/// GPIO line and serial device, references that resolve, slots in range, listener ports and
/// timings that agree. Each problem names the later of two clashing keys.
extension ConfigurationDecoder {
    mutating func crossCheck() {
        checkUnique(modems, "modems", key: "id", what: "modem id") { $0.id }
        checkUnique(modems, "modems", key: "device", what: "serial device") { $0.device }
        checkUnique(simGroups, "sim_groups", key: "id", what: "SIM group id") { $0.id }
        checkUnique(sims, "sims", key: "id", what: "SIM id") { $0.id }
        checkUnique(accounts, "accounts", key: "id", what: "account id") { $0.id }
        checkUnique(accounts, "accounts", key: "smpp.system_id", what: "SMPP system_id") { $0.smpp?.systemID }
        checkUnique(accounts, "accounts", key: "http.user", what: "HTTP user") { $0.http?.user }
        checkUnique(routes, "routes", key: "name", what: "route name") { $0.name }
        checkGPIOLines()
        checkModemSlots()
        checkSIMs()
        checkAccountKeys()
        checkRoutes(defaultGroup: defaultGroup)
        checkListeners(endpoints)
        checkWatchdog(watchdog)
    }

    /// Reports every entry whose `value` repeats an earlier entry's.
    private mutating func checkUnique<Entry>(
        _ entries: [Indexed<Entry>], _ list: String, key: String, what: String, _ value: (Entry) -> String?
    ) {
        var first: [String: String] = [:]
        for entry in entries {
            guard let text = value(entry.value) else { continue }
            let path = "\(list)[\(entry.index)].\(key)"
            if let earlier = first[text] {
                log.report(.duplicate("duplicate \(what) \"\(text)\"", firstAt: log.position(of: earlier)), key: path)
            } else {
                first[text] = path
            }
        }
    }

    /// A GPIO line (chip + offset) drives one thing only: power and SIM-select lines alike.
    private mutating func checkGPIOLines() {
        var owners: [String: String] = [:]
        for modem in modems {
            var lines: [(GPIOLine, String)] = []
            if let power = modem.value.power { lines.append((power, "modems[\(modem.index)].power")) }
            if case .gpio(let select) = modem.value.slotSelection {
                lines += select.enumerated().map { ($1, "modems[\(modem.index)].slot_select.lines[\($0)]") }
            }
            for (line, path) in lines {
                if let owner = owners[line.identity] {
                    log.report(.duplicate("GPIO \(line.identity) is already used by \(owner)",
                                          firstAt: log.position(of: owner + ".line")), key: path + ".line")
                } else {
                    owners[line.identity] = path
                }
            }
        }
    }

    /// A modem with several slots needs a way to select one, able to address them all.
    private mutating func checkModemSlots() {
        for modem in modems where modem.value.slots > modem.value.slotSelection.addressableSlots
            && !refusedSlotSelections.contains(modem.index) {
            let path = "modems[\(modem.index)]"
            if case .fixed = modem.value.slotSelection {
                log.report(.conflict("a modem with \(modem.value.slots) slots needs slot_select (GPIO lines or an AT command)"),
                           key: path + ".slots")
            } else {
                log.report(.conflict("\(modem.value.slotSelection.lineCount) GPIO lines cannot select \(modem.value.slots) slots"),
                           key: path + ".slot_select.method")
            }
        }
    }

    /// Each SIM sits in a slot that exists, alone, and serves groups that exist; each group has a SIM.
    private mutating func checkSIMs() {
        let modemSlots = Dictionary(modems.map { ($0.value.id, $0.value.slots) }, uniquingKeysWith: { first, _ in first })
        let groupIDs = Set(simGroups.map(\.value.id))
        var occupied: [String: String] = [:]
        for sim in sims {
            let path = "sims[\(sim.index)]"
            for (index, group) in sim.value.groups.enumerated() where !groupIDs.contains(group) {
                log.report(.unknownReference("no SIM group has id \"\(group)\""), at: log.position(of: path + ".groups"),
                           key: "\(path).groups[\(index)]")
            }
            guard let slots = modemSlots[sim.value.modem] else {
                log.report(.unknownReference("no modem has id \"\(sim.value.modem)\""), key: path + ".modem")
                continue
            }
            if sim.value.slot >= slots {
                log.report(.invalidValue("modem \"\(sim.value.modem)\" has \(slots) slot\(slots == 1 ? "" : "s"): slot must be 0 to \(slots - 1)"),
                           key: path + ".slot")
            }
            let place = "\(sim.value.modem) slot \(sim.value.slot)"
            if let other = occupied[place] {
                log.report(.duplicate("modem \"\(sim.value.modem)\" slot \(sim.value.slot) already holds \(other)",
                                      firstAt: log.position(of: other + ".slot")), key: path + ".slot")
            } else {
                occupied[place] = path
            }
        }
        let served = Set(sims.flatMap(\.value.groups))
        for group in simGroups where !served.contains(group.value.id) {
            log.report(.conflict("no SIM is in this group"), key: "sim_groups[\(group.index)].id")
        }
    }

    /// API keys are unique across all accounts (a key identifies its account).
    private mutating func checkAccountKeys() {
        var owners: [APIKeyHash: String] = [:]
        for account in accounts {
            for (index, key) in (account.value.http?.apiKeys ?? []).enumerated() {
                let path = "accounts[\(account.index)].http.api_keys"
                if let owner = owners[key] {
                    log.report(.duplicate("the same API key is already given to \(owner)", firstAt: log.position(of: owner + ".http.api_keys")),
                               at: log.position(of: path), key: "\(path)[\(index)]")
                } else {
                    owners[key] = "accounts[\(account.index)]"
                }
            }
        }
    }

    /// Routes point at SIM groups and accounts that exist.
    private mutating func checkRoutes(defaultGroup: String) {
        let groupIDs = Set(simGroups.map(\.value.id))
        let accountIDs = Set(accounts.map(\.value.id))
        for route in routes {
            let path = "routes[\(route.index)]"
            if !groupIDs.contains(route.value.group) {
                log.report(.unknownReference("no SIM group has id \"\(route.value.group)\""), key: path + ".group")
            }
            for (index, account) in route.value.accounts.enumerated() where !accountIDs.contains(account) {
                log.report(.unknownReference("no account has id \"\(account)\""), at: log.position(of: path + ".accounts"),
                           key: "\(path).accounts[\(index)]")
            }
        }
        if !groupIDs.contains(defaultGroup) {
            log.report(.unknownReference("no SIM group has id \"\(defaultGroup)\""), key: "routing.default_group")
        }
    }
}

extension SlotSelection {
    var lineCount: Int {
        if case .gpio(let lines) = self { return lines.count }
        return 0
    }
}
