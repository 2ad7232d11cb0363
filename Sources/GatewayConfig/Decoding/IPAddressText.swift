import GatewayCore

/// IP address literals as listeners accept them (no host names: a box must not depend on DNS
/// to start).
enum IPAddressText {
    static func isValid(_ text: String) -> Bool { isIPv4(text) || isIPv6(text) }

    static func isWildcard(_ text: String) -> Bool { text == "0.0.0.0" || text == "::" }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { ("0"..."9").contains($0) }
                && (part.count == 1 || part.first != "0") && (Int(part) ?? 256) <= 255
        }
    }

    /// RFC 4291 §2.2 text forms: eight groups of 1–4 hex digits, or fewer around one "::".
    static func isIPv6(_ text: String) -> Bool {
        let halves = text.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return false }
        let groups = halves.map { half in half.isEmpty ? [] : half.split(separator: ":", omittingEmptySubsequences: false) }
        let all = groups.flatMap { $0 }
        let hex = all.allSatisfy { (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) }
        return hex && (halves.count == 2 ? all.count <= 7 : all.count == 8)
    }
}

private extension String {
    /// Splits at each "::" (a tiny helper; Foundation is not imported here).
    func components(separatedByDoubleColon _: Void) -> [Substring] {
        var pieces: [Substring] = []
        var start = startIndex
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == ":", next < endIndex, self[next] == ":" {
                pieces.append(self[start..<index])
                index = self.index(after: next)
                start = index
            } else {
                index = next
            }
        }
        pieces.append(self[start..<endIndex])
        return pieces
    }
}
