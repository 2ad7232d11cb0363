// The values of a TOML 1.0 document (https://toml.io/en/v1.0.0), each with the position it
// was written at, so that configuration errors can name the line of the offending key.

/// A place in the source text; `line` and `column` are 1-based, the column counts characters.
public struct TOMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TOMLPosition, rhs: TOMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A date, a time, or both, with an optional UTC offset: TOML's offset date-time, local
/// date-time, local date and local time are the combinations of these optionals.
public struct TOMLDateTime: Sendable, Hashable {
    public struct Date: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int
        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    public struct Time: Sendable, Hashable {
        public var hour: Int
        public var minute: Int
        public var second: Int
        public var nanosecond: Int
        public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.nanosecond = nanosecond
        }
    }

    public var date: Date?
    public var time: Time?
    /// Minutes east of UTC; `Z` is 0. Only set when both date and time are.
    public var offsetMinutes: Int?

    public init(date: Date?, time: Time?, offsetMinutes: Int? = nil) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case dateTime(TOMLDateTime)
    case array([TOMLNode])
    case table(TOMLTable)

    /// The TOML type name, for messages such as "expected an integer, found a string".
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .dateTime: "a date-time"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A value and where it was written (for a table: its header, or its first key).
public struct TOMLNode: Sendable, Equatable {
    public var value: TOMLValue
    public var position: TOMLPosition

    public init(_ value: TOMLValue, at position: TOMLPosition) {
        self.value = value
        self.position = position
    }
}

/// A table: keys in the order the document wrote them, each with its node.
public struct TOMLTable: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var nodes: [String: TOMLNode] = [:]

    public init() {}

    public subscript(key: String) -> TOMLNode? { nodes[key] }

    public var entries: [(key: String, node: TOMLNode)] {
        keys.compactMap { key in nodes[key].map { (key, $0) } }
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// Sets `node` for `key`, keeping the key's first place in the order.
    public mutating func set(_ node: TOMLNode, for key: String) {
        if nodes.updateValue(node, forKey: key) == nil { keys.append(key) }
    }

    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        lhs.nodes == rhs.nodes
    }
}

/// Why a document is not valid TOML, and where.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: TOMLPosition
    public var message: String

    public init(_ message: String, at position: TOMLPosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}
