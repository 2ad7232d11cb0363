import TOMLReader
import GatewayCore

/// An entry of a `[[…]]` list with its index in the file, so cross-checks can name its keys.
struct Indexed<Value> {
    var index: Int
    var value: Value
}

/// Turns a parsed document into the model, collecting every problem on the way: wrong types,
/// values out of range, unknown and missing keys. Cross-checks between entries run afterwards
/// (ConfigurationCrossChecks) over what this produced.
struct ConfigurationDecoder {
    var log: DecodeLog
    let environment: ConfigurationEnvironment

    var modems: [Indexed<ModemConfiguration>] = []
    var simGroups: [Indexed<SIMGroup>] = []
    var sims: [Indexed<SIMConfiguration>] = []
    var accounts: [Indexed<UpstreamAccount>] = []
    var routes: [Indexed<Route>] = []
    /// Modems whose slot_select was written but refused (no cross-check on their slots).
    var refusedSlotSelections: Set<Int> = []
    /// Kept apart from the model so that cross-checks run even when the model is incomplete.
    var watchdog = ConfigurationDefaults.watchdog
    var defaultGroup = ConfigurationDefaults.defaultGroup
    var endpoints: [(name: String, listener: Listener)] = []

    init(file: String, environment: ConfigurationEnvironment) {
        self.log = DecodeLog(file: file)
        self.environment = environment
    }

    /// Decodes the document; nil when a required value is missing (the log says which).
    mutating func decode(_ document: TOMLTable) -> GatewayConfiguration? {
        var root = TableReader(document, path: "", position: nil)
        let box = decodeBox(&root)
        let store = section("store", of: &root) { reader, log in
            StoreSettings(path: reader.read("path", .text, default: ConfigurationDefaults.store.path, log: &log))
        }
        let runtime = section("runtime", of: &root) { reader, log in
            RuntimeSettings(directory: reader.read("directory", .text, default: ConfigurationDefaults.runtime.directory, log: &log))
        }
        let gpio = section("gpio", of: &root) { reader, log in
            GPIOSettings(
                driver: reader.read("driver", .choice, default: ConfigurationDefaults.gpio.driver, log: &log),
                simulatedStatePath: reader.read(
                    "simulated_state_path", .text, default: ConfigurationDefaults.gpio.simulatedStatePath, log: &log))
        }
        let simulator = section("simulator", of: &root) { reader, log in
            SimulatorSettings(enabled: reader.read("enabled", .boolean, default: ConfigurationDefaults.simulator.enabled, log: &log))
        }
        watchdog = decodeWatchdog(&root)
        let listeners = decodeListeners(&root)
        let simDefaults = section("sim_defaults", of: &root) { reader, log in
            Self.decodeLimits(&reader, defaults: ConfigurationDefaults.simLimits, log: &log)
        }
        decodeModems(&root)
        decodeSIMGroups(&root)
        decodeSIMs(&root, defaults: simDefaults)
        decodeAccounts(&root)
        defaultGroup = section("routing", of: &root) { reader, log in
            reader.read("default_group", .identifier, default: ConfigurationDefaults.defaultGroup, log: &log)
        }
        decodeRoutes(&root)
        let queue = decodeQueue(&root)
        let inbound = decodeInbound(&root)
        let delivery = decodeDelivery(&root)
        root.finish(log: &log)

        guard let listeners else { return nil }
        var configuration = GatewayConfiguration(
            box: box, store: store, runtime: runtime, gpio: gpio, simulator: simulator, watchdog: watchdog,
            listeners: listeners, simDefaults: simDefaults, modems: modems.map(\.value),
            simGroups: simGroups.map(\.value), sims: sims.map(\.value), accounts: accounts.map(\.value),
            routing: RoutingTable(routes: routes.map(\.value), defaultGroup: defaultGroup), queue: queue)
        configuration.inbound = inbound
        configuration.delivery = delivery
        return configuration
    }

    /// Reads the optional table `key` with `body`, then reports its unknown keys. When the table
    /// is absent, `body` still runs over an empty table so that every key is noted as defaulted.
    mutating func section<Value>(
        _ key: String, of parent: inout TableReader, _ body: (inout TableReader, inout DecodeLog) -> Value
    ) -> Value {
        var reader = parent.table(key, log: &log)
            ?? TableReader(TOMLTable(), path: parent.keyPath(key), position: parent.table[key]?.position ?? parent.position)
        let value = body(&reader, &log)
        reader.finish(log: &log)
        return value
    }

    /// Reads each element of the array of tables `key` with `body`, reporting unknown keys.
    mutating func entries<Value>(
        _ key: String, of parent: inout TableReader, _ body: (inout TableReader, inout DecodeLog) -> Value?
    ) -> [Indexed<Value>] {
        parent.tables(key, log: &log).compactMap { element in
            var reader = element.reader
            let value = body(&reader, &log)
            reader.finish(log: &log)
            return value.map { Indexed(index: element.index, value: $0) }
        }
    }

    private mutating func decodeBox(_ root: inout TableReader) -> BoxSettings {
        let environment = environment
        return section("box", of: &root) { reader, log in
            BoxSettings(
                name: reader.read("name", .text, default: ConfigurationDefaults.box.name, log: &log),
                timeZone: reader.read("time_zone", ValueKind.string.checked { name in
                    environment.timeZoneExists(name)
                        ? nil : "is not a time zone: use an IANA name under /usr/share/zoneinfo (\"Europe/Amsterdam\") or \"UTC\", found \"\(name)\""
                }, default: ConfigurationDefaults.box.timeZone, log: &log))
        }
    }
}
