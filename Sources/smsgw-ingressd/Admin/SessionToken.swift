import HexCoding

/// 256 random bits as 64 lowercase hex digits: session cookies and CSRF tokens. The system
/// generator is Swift's cryptographically secure one (getrandom(2) on Linux).
enum SessionToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return HexDigits.encode(bytes, .lower)
    }
}
