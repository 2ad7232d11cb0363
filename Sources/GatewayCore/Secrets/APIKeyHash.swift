/// An HTTP API key as the configuration stores it: `sha256:` and 64 lower-case hexadecimal
/// digits of SHA-256 (FIPS 180-4) over the key's UTF-8 bytes. API keys are long random
/// strings checked on every request, so a fast hash is enough and a slow one would cost.
public struct APIKeyHash: Sendable, Hashable, CustomStringConvertible {
    public static let prefix = "sha256:"

    /// The stored form, `sha256:<hex>`.
    public let encoded: String
    private let digest: [UInt8]

    public init(parsing text: String) throws(SecretFormatError) {
        guard text.hasPrefix(Self.prefix) else {
            throw SecretFormatError(
                .notHashed,
                "is not an API key hash: store \"sha256:<hex>\", made with `smsgwctl config hash-secret --api-key`")
        }
        let hex = Array(text.utf8.dropFirst(Self.prefix.utf8.count))
        var digest: [UInt8] = []
        if hex.count == 64 {
            for index in stride(from: 0, to: 64, by: 2) {
                guard let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else { break }
                digest.append(high << 4 | low)
            }
        }
        guard digest.count == 32 else {
            throw SecretFormatError(.malformed, "is not \"sha256:\" followed by 64 lower-case hexadecimal digits")
        }
        self.encoded = text
        self.digest = digest
    }

    /// The stored form of `key`.
    public static func make(key: String) throws(SecretHashingError) -> APIKeyHash {
        guard !key.isEmpty else { throw SecretHashingError("the secret is empty") }
        guard let hash = try? APIKeyHash(parsing: prefix + SHA256.hexDigest(of: key)) else {
            throw SecretHashingError("could not encode the SHA-256 digest")
        }
        return hash
    }

    /// Whether `key` is the key this hash was made from (constant-time comparison).
    public func verify(_ key: String) -> Bool {
        ConstantTime.equal(SHA256.digest(Array(key.utf8)), digest)
    }

    public var description: String { encoded }

    public static func == (lhs: APIKeyHash, rhs: APIKeyHash) -> Bool { lhs.encoded == rhs.encoded }
    public func hash(into hasher: inout Hasher) { hasher.combine(encoded) }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
