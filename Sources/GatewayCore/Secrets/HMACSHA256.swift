import HexCoding

/// HMAC with SHA-256 (RFC 2104 §2, with the SHA-256 of FIPS 180-4): the signature of webhook
/// bodies. Block size B = 64 bytes, output L = 32 bytes.
public enum HMACSHA256 {
    /// The 32-byte HMAC of `message` under `key` (RFC 2104 §2): a key longer than B is hashed
    /// first, then padded with zeros to B; H((K ^ opad) || H((K ^ ipad) || text)).
    public static func authenticationCode(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
        var block = Array(key)
        if block.count > blockSize { block = SHA256.digest(block) }
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + Array(message))
        return SHA256.digest(block.map { $0 ^ 0x5c } + inner)
    }

    /// The HMAC of the UTF-8 bytes of `message` under the UTF-8 bytes of `key`, as 64
    /// lower-case hexadecimal digits.
    public static func hexAuthenticationCode(key: String, message: String) -> String {
        hex(authenticationCode(key: Array(key.utf8), message: Array(message.utf8)))
    }

    /// Lower-case hexadecimal digits of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        HexDigits.encode(bytes, .lower)
    }

    /// B: SHA-256's input block in bytes (RFC 2104 §2).
    static let blockSize = 64
}
