// The tables of a document while it is being read, with how each one was defined, so that
// the redefinition rules of TOML 1.0 ("Table", "Inline Table", "Array of Tables") can be
// checked. Tables live in an array and refer to each other by index: appending to a deep
// table or an array of tables is done in place, never by copying the tree.

struct TOMLTableTree {
    typealias Index = Int

    /// How a table came to exist; this decides what may still add to it.
    enum Kind: Equatable {
        /// Created on the way to a header's table (`a` for `[a.b]`): a later `[a]` may define it.
        case implicit
        /// Defined by a `[header]` or `[[header]]` (or the root): no other header may define it.
        case header
        /// Created by dotted keys in the section numbered `section`: only that section's
        /// dotted keys may add to it, and no header may define it.
        case dotted(section: Int)
    }

    enum Entry {
        /// A value, complete once written: inline tables and arrays cannot be extended.
        case value(TOMLNode)
        case table(Index)
        /// An array of tables: an index into `tableArrays`, and where it was first written.
        case tables(Int, TOMLPosition)
    }

    struct Table {
        var kind: Kind
        var position: TOMLPosition
        var path: String
        var depth: Int
        var keys: [String] = []
        var entries: [String: Entry] = [:]
    }

    /// Tables may nest this deep, so that reading and converting never exhaust the stack.
    static let maximumDepth = 100
    static let root: Index = 0

    private(set) var tables: [Table]
    private var tableArrays: [[Index]] = []

    init(rootPosition: TOMLPosition = TOMLPosition(line: 1, column: 1)) {
        tables = [Table(kind: .header, position: rootPosition, path: "", depth: 0)]
    }

    // MARK: Key/value pairs

    /// Adds `key = node` to `table`, as a key/value pair in the section numbered `section`.
    mutating func insert(_ key: TOMLKey, _ node: TOMLNode, into table: Index, section: Int) throws(TOMLError) {
        var parent = table
        for part in key.prefix {
            parent = try dottedChild(part, of: parent, section: section, key: key)
        }
        let last = key.last
        if let existing = tables[parent].entries[last.name] {
            throw TOMLError(
                "duplicate key '\(path(last.name, in: parent))': already defined at \(position(of: existing))",
                at: last.position)
        }
        add(.value(node), named: last.name, to: parent)
    }

    private mutating func dottedChild(
        _ part: TOMLKeyPart, of parent: Index, section: Int, key: TOMLKey
    ) throws(TOMLError) -> Index {
        let name = path(part.name, in: parent)
        switch tables[parent].entries[part.name] {
        case nil:
            return try newTable(.dotted(section: section), part.name, in: parent, at: part.position)
        case .table(let child):
            switch tables[child].kind {
            case .dotted(let owner) where owner == section:
                return child
            case .implicit:
                // As tomllib: only headers may not define it again; it now has a first key.
                tables[child].kind = .dotted(section: section)
                tables[child].position = part.position
                return child
            case .header, .dotted:
                throw TOMLError(
                    "dotted key '\(key.display)' cannot add to table '\(name)', defined at \(tables[child].position)",
                    at: part.position)
            }
        case .tables(_, let at):
            throw TOMLError(
                "dotted key '\(key.display)' cannot add to '\(name)': it is an array of tables (\(at))",
                at: part.position)
        case .value(let node):
            let what = if case .table = node.value { "an inline table, which cannot be extended" } else { node.value.typeName }
            throw TOMLError(
                "dotted key '\(key.display)' cannot add to '\(name)': it is \(what) (\(node.position))",
                at: part.position)
        }
    }

    // MARK: Headers

    /// Defines the table of a `[key]` header written at `position`.
    mutating func defineTable(_ key: TOMLKey, at position: TOMLPosition) throws(TOMLError) -> Index {
        let parent = try headerParent(key, at: position)
        let last = key.last
        let name = path(last.name, in: parent)
        switch tables[parent].entries[last.name] {
        case nil:
            return try newTable(.header, last.name, in: parent, at: position)
        case .table(let child):
            switch tables[child].kind {
            case .implicit:
                tables[child].kind = .header
                tables[child].position = position
                return child
            case .header:
                throw TOMLError("table [\(name)] is defined twice: first at \(tables[child].position)", at: position)
            case .dotted:
                throw TOMLError(
                    "table [\(name)] was already defined by dotted keys at \(tables[child].position)", at: position)
            }
        case .tables(_, let at):
            throw TOMLError(
                "[\(name)] names an array of tables (\(at)): write [[\(name)]] to add an element", at: position)
        case .value(let node):
            throw TOMLError(
                "[\(name)] cannot define a table: '\(name)' is already \(node.value.typeName) (\(node.position))",
                at: position)
        }
    }

    /// Adds an element to the array of tables of a `[[key]]` header written at `position`.
    mutating func appendTable(_ key: TOMLKey, at position: TOMLPosition) throws(TOMLError) -> Index {
        let parent = try headerParent(key, at: position)
        let last = key.last
        let name = path(last.name, in: parent)
        switch tables[parent].entries[last.name] {
        case nil:
            let element = try newTable(.header, last.name, in: parent, at: position, attach: false)
            tableArrays.append([element])
            add(.tables(tableArrays.count - 1, position), named: last.name, to: parent)
            return element
        case .tables(let array, _):
            let element = try newTable(.header, last.name, in: parent, at: position, attach: false)
            tableArrays[array].append(element)
            return element
        case .table(let child):
            throw TOMLError(
                "[[\(name)]] cannot append: '\(name)' is a table (\(tables[child].position)), not an array of tables",
                at: position)
        case .value(let node):
            let what = if case .array = node.value { "a static array, which cannot be extended" } else { node.value.typeName }
            throw TOMLError("[[\(name)]] cannot append: '\(name)' is \(what) (\(node.position))", at: position)
        }
    }

    /// Walks a header's key up to its last part, creating implicit tables on the way; an
    /// array of tables stands for its last element.
    private mutating func headerParent(_ key: TOMLKey, at position: TOMLPosition) throws(TOMLError) -> Index {
        var parent = Self.root
        for part in key.prefix {
            switch tables[parent].entries[part.name] {
            case nil:
                parent = try newTable(.implicit, part.name, in: parent, at: position)
            case .table(let child):
                parent = child
            case .tables(let array, _):
                // Never empty: an array of tables is created with its first element.
                parent = tableArrays[array][tableArrays[array].count - 1]
            case .value(let node):
                let name = path(part.name, in: parent)
                let what = switch node.value {
                case .table: "an inline table, which cannot be extended"
                case .array: "a static array, which cannot be extended"
                default: node.value.typeName
                }
                throw TOMLError("header [\(key.display)] cannot add to '\(name)': it is \(what) (\(node.position))",
                                at: part.position)
            }
        }
        return parent
    }

    // MARK: Building

    private mutating func newTable(
        _ kind: Kind, _ name: String, in parent: Index, at position: TOMLPosition, attach: Bool = true
    ) throws(TOMLError) -> Index {
        let depth = tables[parent].depth + 1
        guard depth <= Self.maximumDepth else {
            throw TOMLError("tables nest deeper than \(Self.maximumDepth) levels", at: position)
        }
        tables.append(Table(kind: kind, position: position, path: path(name, in: parent), depth: depth))
        let index = tables.count - 1
        if attach { add(.table(index), named: name, to: parent) }
        return index
    }

    private mutating func add(_ entry: Entry, named name: String, to table: Index) {
        tables[table].keys.append(name)
        tables[table].entries[name] = entry
    }

    private func path(_ name: String, in table: Index) -> String {
        let part = TOMLKey.displayPart(name)
        return table == Self.root ? part : tables[table].path + "." + part
    }

    private func position(of entry: Entry) -> TOMLPosition {
        switch entry {
        case .value(let node): node.position
        case .table(let index): tables[index].position
        case .tables(_, let at): at
        }
    }

    /// The finished table at `index`, as values.
    func materialize(_ index: Index = Self.root) -> TOMLTable {
        var result = TOMLTable()
        let table = tables[index]
        for name in table.keys {
            guard let entry = table.entries[name] else { continue }
            switch entry {
            case .value(let node):
                result.set(node, for: name)
            case .table(let child):
                result.set(TOMLNode(.table(materialize(child)), at: tables[child].position), for: name)
            case .tables(let array, let at):
                let elements = tableArrays[array].map { TOMLNode(.table(materialize($0)), at: tables[$0].position) }
                result.set(TOMLNode(.array(elements), at: at), for: name)
            }
        }
        return result
    }
}
