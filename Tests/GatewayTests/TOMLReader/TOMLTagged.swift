// A typed value tree both our parser and Python's tomllib can be reduced to, in the spirit
// of toml-test's tagged JSON: tables keep their key order; floats compare by bit pattern
// (NaNs as one value); date-times as canonical text with microseconds (tomllib's precision).
import TOMLReader

indirect enum TOMLTagged: Equatable, Decodable, CustomStringConvertible {
    case scalar(type: String, value: String)
    case array([TOMLTagged])
    case table([Pair])

    struct Pair: Equatable, Decodable {
        var key: String
        var value: TOMLTagged
        init(key: String, value: TOMLTagged) {
            self.key = key
            self.value = value
        }
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            key = try container.decode(String.self)
            value = try container.decode(TOMLTagged.self)
        }
    }

    private enum CodingKeys: String, CodingKey { case type, value, array, table }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.array) {
            self = .array(try container.decode([TOMLTagged].self, forKey: .array))
        } else if container.contains(.table) {
            self = .table(try container.decode([Pair].self, forKey: .table))
        } else {
            self = .scalar(type: try container.decode(String.self, forKey: .type),
                           value: try container.decode(String.self, forKey: .value))
        }
    }

    init(_ table: TOMLTable) {
        self = .table(table.entries.map { Pair(key: $0.key, value: TOMLTagged($0.node.value)) })
    }

    init(_ value: TOMLValue) {
        switch value {
        case .string(let text): self = .scalar(type: "string", value: text)
        case .integer(let number): self = .scalar(type: "integer", value: String(number))
        case .float(let number):
            let bits = String(number.bitPattern, radix: 16)
            self = .scalar(type: "float", value: number.isNaN ? "nan" : String(repeating: "0", count: 16 - bits.count) + bits)
        case .boolean(let flag): self = .scalar(type: "bool", value: String(flag))
        case .dateTime(let dateTime): self = Self.tag(dateTime)
        case .array(let nodes): self = .array(nodes.map { TOMLTagged($0.value) })
        case .table(let table): self = TOMLTagged(table)
        }
    }

    private static func tag(_ dateTime: TOMLDateTime) -> TOMLTagged {
        let pad = TOMLRendering.pad
        let date = dateTime.date.map { pad($0.year, 4) + "-" + pad($0.month, 2) + "-" + pad($0.day, 2) }
        let time = dateTime.time.map {
            pad($0.hour, 2) + ":" + pad($0.minute, 2) + ":" + pad($0.second, 2) + "." + pad($0.nanosecond / 1000, 6)
        }
        switch (date, time, dateTime.offsetMinutes) {
        case (let date?, let time?, let offset?):
            let sign = offset < 0 ? "-" : "+"
            return .scalar(type: "datetime", value: date + "T" + time + sign + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2))
        case (let date?, let time?, nil): return .scalar(type: "datetime-local", value: date + "T" + time)
        case (let date?, nil, _): return .scalar(type: "date-local", value: date)
        case (nil, let time?, _): return .scalar(type: "time-local", value: time)
        case (nil, nil, _): return .scalar(type: "invalid-datetime", value: "")
        }
    }

    /// Whether an integer anywhere in the tree lies outside Int64 (tomllib allows them).
    var holdsIntegerBeyond64Bits: Bool {
        switch self {
        case .scalar(let type, let value): type == "integer" && Int64(value) == nil
        case .array(let items): items.contains { $0.holdsIntegerBeyond64Bits }
        case .table(let pairs): pairs.contains { $0.value.holdsIntegerBeyond64Bits }
        }
    }

    var description: String {
        switch self {
        case .scalar(let type, let value): "\(type):\(value.debugDescription)"
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .table(let pairs): "{" + pairs.map { "\($0.key.debugDescription): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
