import TOMLReader
import GatewayCore

/// Why one value was refused, and where (an array element has its own position and index).
struct ValueFailure: Error {
    var reason: ConfigurationProblem.Reason
    var position: TOMLPosition? = nil
    /// Appended to the key path, e.g. "[2]" for the third element.
    var suffix: String = ""
}

/// How to turn one TOML node into a model value, or say why not.
struct ValueKind<Value> {
    let decode: (TOMLNode) -> Result<Value, ValueFailure>

    /// Adds a check on a decoded value; `check` returns why the value is refused, or nil.
    func checked(_ check: @escaping (Value) -> String?) -> ValueKind<Value> {
        ValueKind { node in
            decode(node).flatMap { value in
                check(value).map { .failure(ValueFailure(reason: .invalidValue($0))) } ?? .success(value)
            }
        }
    }

    /// Converts a decoded value; `transform` throws the reason as a ValueFailure.
    func map<Other>(_ transform: @escaping (Value) -> Result<Other, ValueFailure>) -> ValueKind<Other> {
        ValueKind<Other> { node in decode(node).flatMap(transform) }
    }

    static func wrongType(_ expected: String, _ value: TOMLValue) -> Result<Value, ValueFailure> {
        .failure(ValueFailure(reason: .wrongType(expected: expected, found: value.typeName)))
    }
}

extension ValueKind where Value == String {
    static var string: ValueKind<String> {
        ValueKind { node in
            if case .string(let text) = node.value { return .success(text) }
            return wrongType("a string", node.value)
        }
    }

    /// A non-empty string.
    static var text: ValueKind<String> { string.checked { $0.isEmpty ? "must not be empty" : nil } }

    /// An id other entries refer to: letters, digits, `-` and `_`, 1 to 32 characters.
    static var identifier: ValueKind<String> {
        string.checked { text in
            let valid = (1...32).contains(text.count)
                && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
            return valid ? nil : "must be 1 to 32 letters, digits, '-' or '_', found \"\(text)\""
        }
    }
}

extension ValueKind where Value == Int {
    static func integer(_ range: ClosedRange<Int>) -> ValueKind<Int> {
        ValueKind { node in
            guard case .integer(let number) = node.value else { return wrongType("an integer", node.value) }
            guard let value = Int(exactly: number), range.contains(value) else {
                return .failure(ValueFailure(reason: .invalidValue(
                    "must be \(range.lowerBound) to \(range.upperBound), found \(number)")))
            }
            return .success(value)
        }
    }
}

extension ValueKind where Value == Bool {
    static var boolean: ValueKind<Bool> {
        ValueKind { node in
            if case .boolean(let flag) = node.value { return .success(flag) }
            return wrongType("a boolean", node.value)
        }
    }
}

extension ValueKind where Value == Duration {
    /// A duration string such as "30s" (DurationText), within `range`.
    static func duration(_ range: ClosedRange<Duration>) -> ValueKind<Duration> {
        ValueKind { node in
            guard case .string(let text) = node.value else { return wrongType("a duration string such as \"30s\"", node.value) }
            guard let duration = DurationText.parse(text) else {
                return .failure(ValueFailure(reason: .invalidValue(
                    "is not a duration: write a whole number and one unit of ms, s, m, h, d (\"30s\"), found \"\(text)\"")))
            }
            guard range.contains(duration) else {
                return .failure(ValueFailure(reason: .invalidValue(
                    "must be \(DurationText.format(range.lowerBound)) to \(DurationText.format(range.upperBound)), found \"\(text)\"")))
            }
            return .success(duration)
        }
    }
}

extension ValueKind where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// A string naming one case of `Value` by its raw value.
    static var choice: ValueKind<Value> {
        ValueKind<String>.string.map { text in
            if let choice = Value(rawValue: text) { return .success(choice) }
            let names = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            return .failure(ValueFailure(reason: .invalidValue("must be one of \(names), found \"\(text)\"")))
        }
    }
}

extension ValueKind {
    /// An array whose elements are each `element`; the first bad element is reported with its
    /// own index and position.
    static func array<Element>(of element: ValueKind<Element>) -> ValueKind<[Element]> where Value == [Element] {
        ValueKind { node in
            guard case .array(let nodes) = node.value else { return wrongType("an array", node.value) }
            var values: [Element] = []
            for (index, item) in nodes.enumerated() {
                switch element.decode(item) {
                case .success(let value): values.append(value)
                case .failure(var failure):
                    failure.suffix = "[\(index)]" + failure.suffix
                    failure.position = failure.position ?? item.position
                    return .failure(failure)
                }
            }
            return .success(values)
        }
    }
}

extension ValueKind where Value == PasswordHash {
    static var passwordHash: ValueKind<PasswordHash> {
        ValueKind<String>.string.map { text in
            do throws(SecretFormatError) { return .success(try PasswordHash(parsing: text)) } catch { return .failure(ValueFailure(reason: .secret(error.description))) }
        }
    }
}

extension ValueKind where Value == APIKeyHash {
    static var apiKeyHash: ValueKind<APIKeyHash> {
        ValueKind<String>.string.map { text in
            do throws(SecretFormatError) { return .success(try APIKeyHash(parsing: text)) } catch { return .failure(ValueFailure(reason: .secret(error.description))) }
        }
    }
}
