/// A password as the configuration stores it: a crypt(3) string, yescrypt (`$y$`, the Debian
/// 12 default) or SHA-512-crypt (`$6$`). Used for SMPP bind passwords, Kannel-style HTTP user
/// passwords and the admin page password. Making and checking one needs libxcrypt: that is in
/// GatewayConfig (`PasswordHash+Crypt`), so pure code that only holds a hash does not link it.
public struct PasswordHash: Sendable, Hashable, CustomStringConvertible {
    public enum Scheme: String, Sendable, CaseIterable {
        case yescrypt = "$y$"
        case sha512crypt = "$6$"
    }

    /// The whole crypt(3) string, e.g. `$y$j9T$salt$hash`.
    public let encoded: String
    public let scheme: Scheme

    /// Accepts `$y$<params>$<salt>$<hash>` and `$6$[rounds=N$]<salt>$<hash>`; anything else
    /// is refused, a plain password above all.
    public init(parsing text: String) throws(SecretFormatError) {
        guard let scheme = Scheme.allCases.first(where: { text.hasPrefix($0.rawValue) }) else {
            throw SecretFormatError(
                .notHashed,
                "is not a password hash: store a crypt(3) string ($y$ or $6$), "
                    + "made with `smsgwctl config hash-secret`")
        }
        let fields = text.dropFirst(scheme.rawValue.count).split(separator: "$", omittingEmptySubsequences: false)
        let expected: Set<Int> = scheme == .yescrypt ? [3] : [2, 3]
        let valid = expected.contains(fields.count)
            && fields.allSatisfy { field in !field.isEmpty && field.utf8.allSatisfy(Self.isCryptCharacter) }
            && (fields.count != 3 || scheme == .yescrypt || fields[0].hasPrefix("rounds="))
        guard valid else {
            throw SecretFormatError(.malformed, "is not a well-formed \(scheme.rawValue) crypt(3) string")
        }
        self.encoded = text
        self.scheme = scheme
    }

    public var description: String { encoded }

    /// crypt(3)'s base-64 alphabet `./0-9A-Za-z`, plus `=` and digits for `rounds=N`.
    private static func isCryptCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "="),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): true
        default: false
        }
    }
}

/// Why a secret could not be hashed.
public struct SecretHashingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
