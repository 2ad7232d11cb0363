/// Puts a new admin password hash into the text of gateway.toml, touching nothing else: the
/// `password = ...` line of the `[listeners.admin]` table has its value replaced (indent,
/// spacing and a trailing comment kept); a table without one gets the line after its last
/// key; a file without the table gets the table at its end. Pure; the result is validated by
/// the loader like any other edit, so a file written in a shape this does not follow (dotted
/// keys) is refused rather than damaged.
enum AdminPasswordLine {
    static func replacing(in text: String, with hash: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        // Split at LF; a CR before it stays with its line (and is put back after an edit).
        // (By bytes: to String, CR LF is one Character, which a split at "\n" would not cut.)
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        let value = "\"" + hash + "\""
        var inAdmin = false
        var lastKeyOfAdmin: Int?
        var headerOfAdmin: Int?
        for index in lines.indices {
            let trimmed = (lines[index].hasSuffix("\r") ? String(lines[index].dropLast()) : lines[index]).trimmingSpaces
            if let table = tableName(trimmed) {
                inAdmin = table == "listeners.admin"
                if inAdmin { headerOfAdmin = index }
                continue
            }
            guard inAdmin, !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            lastKeyOfAdmin = index
            guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals].trimmingSpaces == "password" else { continue }
            let carriageReturn = lines[index].hasSuffix("\r")
            let line = carriageReturn ? String(lines[index].dropLast()) : lines[index]
            guard let lineEquals = line.firstIndex(of: "=") else { continue }
            let afterEquals = line[line.index(after: lineEquals)...]
            let spacing = afterEquals.prefix { $0 == " " || $0 == "\t" }
            let rest = afterEquals.dropFirst(spacing.count)
            lines[index] = String(line[...lineEquals]) + spacing + value + trailer(afterValue: rest)
                + (carriageReturn ? "\r" : "")
            return lines.joined(separator: "\n")
        }
        let entry = "password = " + value
        if let at = lastKeyOfAdmin ?? headerOfAdmin {
            lines.insert(entry + (newline == "\r\n" ? "\r" : ""), at: at + 1)
            return lines.joined(separator: "\n")
        }
        var out = text
        if !out.isEmpty && !out.hasSuffix(newline) { out += newline }
        return out + (out.isEmpty ? "" : newline) + "[listeners.admin]" + newline + entry + newline
    }

    /// `listeners.admin` for `[listeners.admin]` or `[ listeners . "admin" ]` (TOML v1.0.0
    /// "Table": whitespace around keys is ignored); nil for other lines and array tables.
    static func tableName(_ trimmed: String) -> String? {
        guard trimmed.hasPrefix("["), !trimmed.hasPrefix("[[") else { return nil }
        let body = trimmed.dropFirst()
        guard let close = body.firstIndex(of: "]") else { return nil }
        return body[..<close].split(separator: ".").map { part in
            var key = part.trimmingSpaces
            if key.count >= 2, key.first == "\"" || key.first == "'", key.last == key.first { key = String(key.dropFirst().dropLast()) }
            return key
        }.joined(separator: ".")
    }

    /// What followed the old value on its line (spaces and a `# comment`), or "" when the old
    /// value is not a one-line string we can see the end of.
    private static func trailer(afterValue rest: Substring) -> String {
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return "" }
        var index = rest.index(after: rest.startIndex)
        while index < rest.endIndex {
            let character = rest[index]
            if character == "\\" && quote == "\"" {
                index = rest.index(after: index)
                if index < rest.endIndex { index = rest.index(after: index) }
                continue
            }
            if character == quote {
                let tail = rest[rest.index(after: index)...]
                return tail.trimmingSpaces.hasPrefix("#") ? String(tail) : ""
            }
            index = rest.index(after: index)
        }
        return ""
    }
}
