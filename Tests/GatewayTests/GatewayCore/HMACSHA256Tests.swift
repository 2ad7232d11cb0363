import Testing
@testable import GatewayCore

@Suite("HMAC-SHA256 (RFC 2104, vectors of RFC 4231 §4)")
struct HMACSHA256Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var why: String
        var key: [UInt8]
        var message: [UInt8]
        /// The expected code; RFC 4231 test case 5 gives only its first 16 bytes.
        var code: String
        var testDescription: String { why }
    }

    static let vectors: [Vector] = [
        // RFC 4231 test case 1: a 20-byte key, shorter than the block, zero-padded.
        Vector(why: "RFC 4231 #1, short binary key", key: Array(repeating: 0x0b, count: 20), message: Array("Hi There".utf8),
               code: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        // Test case 2: a key shorter than the output (4 bytes, text).
        Vector(why: "RFC 4231 #2, key shorter than the output", key: Array("Jefe".utf8),
               message: Array("what do ya want for nothing?".utf8),
               code: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        // Test case 3: key and data bytes above 0x7F (0xaa, 0xdd): XOR with ipad/opad flips high bits.
        Vector(why: "RFC 4231 #3, high-bit key and data", key: Array(repeating: 0xaa, count: 20),
               message: Array(repeating: 0xdd, count: 50),
               code: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        // Test case 4: a 25-byte counting key (each key byte differs).
        Vector(why: "RFC 4231 #4, counting key", key: Array(1...25), message: Array(repeating: 0xcd, count: 50),
               code: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        // Test case 5 (truncated to 128 bits in the RFC; compared on that prefix).
        Vector(why: "RFC 4231 #5, truncation", key: Array(repeating: 0x0c, count: 20),
               message: Array("Test With Truncation".utf8), code: "a3b6167473100ee06e0c796c2955552b"),
        // Test case 6: a 131-byte key, longer than the block: hashed first (RFC 2104 §2).
        Vector(why: "RFC 4231 #6, key longer than the block", key: Array(repeating: 0xaa, count: 131),
               message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
               code: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        // Test case 7: long key and data longer than one block.
        Vector(why: "RFC 4231 #7, long key and long data", key: Array(repeating: 0xaa, count: 131),
               message: Array(("This is a test using a larger than block-size key and a larger than block-size data."
                   + " The key needs to be hashed before being used by the HMAC algorithm.").utf8),
               code: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        // Exactly 64 bytes: the largest key used as is (Python's hmac as the oracle).
        Vector(why: "64-byte key, not hashed", key: Array(repeating: 0x6b, count: 64), message: [],
               code: "83026a325aaee70e36cfe607536aa1054104ad1077c36134810d4ccded1ccd3b"),
        // 65 bytes: the smallest key that is hashed (Python's hmac as the oracle).
        Vector(why: "65-byte key, hashed", key: Array(repeating: 0x6b, count: 65), message: [],
               code: "41f1c4cc3107cd5b8d92460f61032902bfdb06484eef17e861b83a5012d3b7f3"),
    ]

    @Test(arguments: vectors)
    func authenticationCode(_ vector: Vector) {
        let code = HMACSHA256.hex(HMACSHA256.authenticationCode(key: vector.key, message: vector.message))
        #expect(code.hasPrefix(vector.code))
        #expect(code.count == 64)
    }

    @Test func textForm() {
        #expect(HMACSHA256.hexAuthenticationCode(key: "Jefe", message: "what do ya want for nothing?")
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
