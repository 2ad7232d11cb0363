import GatewayCore
import HexCoding

/// Lower-case hex SHA-256 (FIPS 180-4) of octets (GatewayCore's SHA256 hashes strings' UTF-8).
enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        HexDigits.encode(SHA256.digest(bytes), .lower)
    }
}
