import GatewayCore

/// Lower-case hex SHA-256 (FIPS 180-4) of octets (GatewayCore's SHA256 hashes strings' UTF-8).
enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in SHA256.digest(bytes) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
