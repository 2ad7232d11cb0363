// Integers and floats (TOML 1.0, "Integer" and "Float").

extension TOMLDocumentReader {
    /// A number: the run of characters a number can hold, then checked as a whole.
    mutating func readNumber() throws(TOMLError) -> TOMLValue {
        let position = cursor.position
        let start = cursor.index
        while let byte = cursor.current, byte.isBareKeyCharacter || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") {
            cursor.advance()
        }
        let token = Array(cursor.bytes[start..<cursor.index])
        do throws(TOMLNumberError) {
            return try TOMLNumber.parse(token)
        } catch {
            let text = String(decoding: token, as: UTF8.self)
            throw TOMLError("invalid number '\(text)': \(error.reason)", at: position)
        }
    }
}

struct TOMLNumberError: Error {
    var reason: String
}

/// The number grammar of TOML 1.0 over one token's bytes.
enum TOMLNumber {
    static func parse(_ token: [UInt8]) throws(TOMLNumberError) -> TOMLValue {
        var body = token[...]
        var negative = false
        let signed = body.first == UInt8(ascii: "+") || body.first == UInt8(ascii: "-")
        if signed {
            negative = body.first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        if body.elementsEqual("inf".utf8) { return .float(negative ? -.infinity : .infinity) }
        if body.elementsEqual("nan".utf8) { return .float(negative ? -.nan : .nan) }
        if body.count > 2, body.first == UInt8(ascii: "0"), let radix = radix(body[body.startIndex + 1]) {
            if signed { throw TOMLNumberError(reason: "a hexadecimal, octal or binary integer cannot have a sign") }
            return .integer(try prefixedInteger(body.dropFirst(2), radix: radix))
        }
        if body.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return .float(try float(body, negative: negative))
        }
        return .integer(try decimalInteger(body, negative: negative))
    }

    private static func radix(_ letter: UInt8) -> Int? {
        switch letter {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    /// `0x`, `0o`, `0b` digits: leading zeros allowed, at most Int64.max.
    private static func prefixedInteger(_ digits: ArraySlice<UInt8>, radix: Int) throws(TOMLNumberError) -> Int64 {
        let plain = try digitRun(digits, radix: radix, what: "digits")
        var value: Int64 = 0
        for byte in plain {
            guard let digit = digitValue(byte, radix: radix) else {
                throw TOMLNumberError(reason: "'\(UnicodeScalar(byte))' is not a base-\(radix) digit")
            }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: Int64(radix))
            let (sum, overflow2) = shifted.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { throw TOMLNumberError(reason: "it does not fit in a 64-bit signed integer") }
            value = sum
        }
        return value
    }

    /// Decimal: no leading zeros; -9223372036854775808 through 9223372036854775807.
    private static func decimalInteger(_ body: ArraySlice<UInt8>, negative: Bool) throws(TOMLNumberError) -> Int64 {
        let plain = try integerPart(body)
        var value: Int64 = 0
        for byte in plain {
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw TOMLNumberError(reason: "it does not fit in a 64-bit signed integer") }
            value = sum
        }
        return value
    }

    /// An integer part: decimal digits with underscores between them, no leading zero.
    private static func integerPart(_ body: ArraySlice<UInt8>) throws(TOMLNumberError) -> [UInt8] {
        let plain = try digitRun(body, radix: 10, what: "digits")
        if plain.count > 1, plain.first == UInt8(ascii: "0") {
            throw TOMLNumberError(reason: "leading zeros are not allowed")
        }
        return plain
    }

    /// Integer part, then `.digits` and/or an exponent `e[+-]digits` (exponent digits may
    /// have leading zeros).
    private static func float(_ body: ArraySlice<UInt8>, negative: Bool) throws(TOMLNumberError) -> Double {
        let exponentAt = body.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = body[..<(exponentAt ?? body.endIndex)]
        let dot = mantissa.firstIndex(of: UInt8(ascii: "."))
        var text = negative ? "-" : ""
        text += String(decoding: try integerPart(mantissa[..<(dot ?? mantissa.endIndex)]), as: UTF8.self)
        if let dot {
            let fraction = mantissa[(dot + 1)...]
            text += "." + String(decoding: try digitRun(fraction, radix: 10, what: "digits after the decimal point"), as: UTF8.self)
        }
        if let exponentAt {
            var exponent = body[(exponentAt + 1)...]
            text += "e"
            if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                text += String(UnicodeScalar(sign))
                exponent = exponent.dropFirst()
            }
            text += String(decoding: try digitRun(exponent, radix: 10, what: "exponent digits"), as: UTF8.self)
        }
        guard let value = Double(text) else { throw TOMLNumberError(reason: "it is not a float") }
        return value
    }

    /// One or more digits of `radix`, single underscores only between two digits; returns
    /// the digits without underscores.
    private static func digitRun(_ bytes: ArraySlice<UInt8>, radix: Int, what: String) throws(TOMLNumberError) -> [UInt8] {
        guard !bytes.isEmpty else { throw TOMLNumberError(reason: "expected \(what)") }
        var plain: [UInt8] = []
        plain.reserveCapacity(bytes.count)
        var previousWasDigit = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                guard previousWasDigit else { throw TOMLNumberError(reason: "an underscore must be between two digits") }
                previousWasDigit = false
            } else if digitValue(byte, radix: radix) != nil {
                plain.append(byte)
                previousWasDigit = true
            } else {
                throw TOMLNumberError(reason: "unexpected '\(UnicodeScalar(byte))' where \(what) belong")
            }
        }
        guard previousWasDigit else { throw TOMLNumberError(reason: "an underscore must be between two digits") }
        return plain
    }

    private static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
        return value < radix ? value : nil
    }
}
