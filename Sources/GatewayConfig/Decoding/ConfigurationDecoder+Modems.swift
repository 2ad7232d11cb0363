import GatewayCore

/// `[[modems]]`: serial line, vendor profile, power line and SIM slot selection.
extension ConfigurationDecoder {
    mutating func decodeModems(_ root: inout TableReader) {
        var refused: Set<Int> = []
        modems = entries("modems", of: &root) { reader, log in
            let id = reader.required("id", .identifier, log: &log)
            let enabled = reader.read("enabled", .boolean, default: ConfigurationDefaults.enabled, log: &log)
            let device = reader.required("device", .text, log: &log)
            let baud = reader.read("baud", ValueKind.integer(1...4_000_000).checked { baud in
                ModemConfiguration.supportedBaudRates.contains(baud)
                    ? nil : "is not a supported speed: use one of \(ModemConfiguration.supportedBaudRates.map(String.init).joined(separator: ", "))"
            }, default: ConfigurationDefaults.modemBaud, log: &log)
            let profile = reader.read("profile", .choice, default: ConfigurationDefaults.modemProfile, log: &log)
            let slots = reader.read("slots", .integer(1...16), default: ConfigurationDefaults.modemSlots, log: &log)
            var power: GPIOLine?
            if var powerReader = reader.table("power", log: &log) {
                power = Self.decodeGPIOLine(&powerReader, log: &log)
                powerReader.finish(log: &log)
            } else {
                log.noteRead(reader.keyPath("power"), at: nil)
            }
            let selection = Self.decodeSlotSelection(&reader, log: &log)
            if selection == nil, let index = reader.index {
                refused.insert(index)
            }
            guard let id, let device else { return nil }
            return ModemConfiguration(
                id: id, enabled: enabled, device: device, baud: baud, profile: profile, slots: slots,
                power: power, slotSelection: selection ?? .fixed)
        }
        refusedSlotSelections = refused
    }

    /// `{ chip = "gpiochip0", line = 17, active_low = false }`.
    static func decodeGPIOLine(_ reader: inout TableReader, log: inout DecodeLog) -> GPIOLine? {
        let chip = reader.required("chip", ValueKind.string.checked { chip in
            let name = chip.hasPrefix("/dev/") ? String(chip.dropFirst(5)) : chip
            let valid = !name.isEmpty && !name.contains("/") && name.allSatisfy { $0.isASCII && !$0.isWhitespace }
            return valid ? nil : "is not a GPIO chip: write its name (\"gpiochip0\") or its /dev path"
        }, log: &log)
        let offset = reader.required("line", .integer(0...1023), log: &log)
        let activeLow = reader.read("active_low", .boolean, default: ConfigurationDefaults.gpioActiveLow, log: &log)
        guard let chip, let offset else { return nil }
        return GPIOLine(chip: chip, offset: offset, activeLow: activeLow)
    }

    /// `slot_select = { method = "gpio", lines = [...] }` or `{ method = "at", command = "AT+QDSIM={slot}" }`;
    /// absent: `.fixed`; nil when present but wrong.
    static func decodeSlotSelection(_ reader: inout TableReader, log: inout DecodeLog) -> SlotSelection? {
        guard var selection = reader.table("slot_select", log: &log) else {
            log.noteRead(reader.keyPath("slot_select"), at: nil)
            return .fixed
        }
        defer { selection.finish(log: &log) }
        enum Method: String, CaseIterable { case gpio, at }
        switch selection.required("method", .choice as ValueKind<Method>, log: &log) {
        case .gpio:
            let lines = selection.tables("lines", log: &log).compactMap { element -> GPIOLine? in
                var lineReader = element.reader
                defer { lineReader.finish(log: &log) }
                return decodeGPIOLine(&lineReader, log: &log)
            }
            if selection.table["lines"] == nil {
                log.report(.missingKey, at: selection.position, key: selection.keyPath("lines"))
                return nil
            }
            if lines.isEmpty {
                log.report(.invalidValue("must name at least one GPIO line"), at: selection.table["lines"]?.position, key: selection.keyPath("lines"))
                return nil
            }
            return .gpio(lines)
        case .at:
            let command = selection.required("command", ValueKind.string.checked { command in
                command.uppercased().hasPrefix("AT") && command.contains(SlotSelection.slotPlaceholder)
                    ? nil : "must be an AT command containing \(SlotSelection.slotPlaceholder), such as \"AT+QDSIM={slot}\""
            }, log: &log)
            return command.map(SlotSelection.atCommand)
        case nil:
            return nil
        }
    }
}
