/// 256 random bits as 64 lowercase hex digits: session cookies and CSRF tokens. The system
/// generator is Swift's cryptographically secure one (getrandom(2) on Linux).
enum SessionToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(64)
        for _ in 0..<4 {
            var word = generator.next() as UInt64
            for _ in 0..<16 {
                text.append(digits[Int(word & 0xF)])
                word >>= 4
            }
        }
        return text
    }
}
