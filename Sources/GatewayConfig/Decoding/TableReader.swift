import TOMLReader
import GatewayCore

/// Reads the keys of one TOML table into model values, reporting into a DecodeLog instead of
/// throwing, and remembering which keys it used so that `finish` can report the unknown ones.
struct TableReader {
    let table: TOMLTable
    /// This table's key path (empty for the document root).
    let path: String
    /// The table's header, or its first key.
    let position: TOMLPosition?
    /// The element's index when the table is one of an array of tables.
    let index: Int?
    private var used: Set<String> = []

    init(_ table: TOMLTable, path: String, position: TOMLPosition?, index: Int? = nil) {
        self.table = table
        self.path = path
        self.position = position
        self.index = index
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value of `key`, or `defaultValue` when the file does not write it (or writes it wrong).
    mutating func read<Value>(_ key: String, _ kind: ValueKind<Value>, default defaultValue: Value, log: inout DecodeLog) -> Value {
        decode(key, kind, log: &log) ?? defaultValue
    }

    /// The value of `key`, or nil when absent (its default is "none") or wrong.
    mutating func optional<Value>(_ key: String, _ kind: ValueKind<Value>, log: inout DecodeLog) -> Value? {
        decode(key, kind, log: &log)
    }

    /// The value of a key the file must write.
    mutating func required<Value>(_ key: String, _ kind: ValueKind<Value>, log: inout DecodeLog) -> Value? {
        if table[key] == nil {
            used.insert(key)
            log.noteRead(keyPath(key), at: nil)
            log.report(.missingKey, at: position, key: keyPath(key))
            return nil
        }
        return decode(key, kind, log: &log)
    }

    /// The sub-table `key` (absent: nil; not a table: reported, nil).
    mutating func table(_ key: String, log: inout DecodeLog) -> TableReader? {
        used.insert(key)
        guard let node = table[key] else { return nil }
        log.noteRead(keyPath(key), at: node.position)
        guard case .table(let inner) = node.value else {
            log.report(.wrongType(expected: "a table", found: node.value.typeName), at: node.position, key: keyPath(key))
            return nil
        }
        return TableReader(inner, path: keyPath(key), position: node.position)
    }

    /// The elements of the array of tables `key` (`[[key]]`), each with its index in its path.
    mutating func tables(_ key: String, log: inout DecodeLog) -> [(index: Int, reader: TableReader)] {
        used.insert(key)
        guard let node = table[key] else {
            log.noteRead(keyPath(key), at: nil)
            return []
        }
        log.noteRead(keyPath(key), at: node.position)
        guard case .array(let elements) = node.value else {
            log.report(.wrongType(expected: "an array of tables", found: node.value.typeName), at: node.position, key: keyPath(key))
            return []
        }
        var readers: [(Int, TableReader)] = []
        for (index, element) in elements.enumerated() {
            let elementPath = "\(keyPath(key))[\(index)]"
            guard case .table(let inner) = element.value else {
                log.report(.wrongType(expected: "a table", found: element.value.typeName), at: element.position, key: elementPath)
                continue
            }
            readers.append((index, TableReader(inner, path: elementPath, position: element.position, index: index)))
        }
        return readers
    }

    /// Reports every key of the table that nothing read, in the order of the file.
    func finish(log: inout DecodeLog) {
        for (key, node) in table.entries where !used.contains(key) {
            log.report(.unknownKey, at: node.position, key: keyPath(key))
        }
    }

    private mutating func decode<Value>(_ key: String, _ kind: ValueKind<Value>, log: inout DecodeLog) -> Value? {
        used.insert(key)
        let path = keyPath(key)
        guard let node = table[key] else {
            log.noteRead(path, at: nil)
            return nil
        }
        log.noteRead(path, at: node.position)
        switch kind.decode(node) {
        case .success(let value):
            return value
        case .failure(let failure):
            log.report(failure.reason, at: failure.position ?? node.position, key: path + failure.suffix)
            return nil
        }
    }
}
