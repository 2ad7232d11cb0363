import Testing
@testable import GatewayCore
@testable import GatewayConfig

@Suite("SHA-256 (FIPS 180-4) and API key hashes")
struct SHA256Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var why: String
        var message: [UInt8]
        var digest: String
        var testDescription: String { why }
    }

    static let vectors: [Vector] = [
        // FIPS 180-4 example "abc": one block.
        Vector(why: "one-block message (FIPS example)", message: Array("abc".utf8),
               digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        // The empty message: padding alone fills the block.
        Vector(why: "empty message", message: [],
               digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        // FIPS 180-4 two-block example (448 bits: the length no longer fits the first block).
        Vector(why: "two-block message (FIPS example)", message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
               digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        // 55 bytes: the longest message whose padding and length fit one block.
        Vector(why: "55 bytes, the one-block limit", message: Array(repeating: 0x61, count: 55),
               digest: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        // 64 bytes: a full block of data, padding needs a second block.
        Vector(why: "exactly one block of data", message: Array(repeating: 0x61, count: 64),
               digest: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        // Bytes above 0x7F: no signedness mistakes in the word assembly.
        Vector(why: "high bytes", message: [0xff, 0x80, 0x00, 0xfe],
               digest: "eadfaeb12caa89eba3075f360d3d47938bd2fa6863a01e86bbb3b61b92086ce5"),
    ]

    @Test(arguments: vectors)
    func digest(_ vector: Vector) {
        #expect(Self.hex(SHA256.digest(vector.message)) == vector.digest)
    }

    /// FIPS 180-4's third example: one million "a" (15,625 blocks).
    @Test func millionAs() {
        let digest = SHA256.digest(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(Self.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test func apiKeyHashVerifiesOnlyItsKey() throws {
        let hash = try APIKeyHash.make(key: "demo-key")
        #expect(hash.encoded == "sha256:c48a01f49fd0f2cc404bc3cbbc80e91457a3d41bb429a695243de4c61794155c")
        #expect(hash.verify("demo-key"))
        #expect(!hash.verify("demo-key "))
        #expect(!hash.verify(""))
        #expect(try APIKeyHash(parsing: hash.encoded) == hash)
    }

    @Test(arguments: [
        ("demo-key", SecretFormatError.Kind.notHashed),  // a plain key
        ("sha256:C48A01F49FD0F2CC404BC3CBBC80E91457A3D41BB429A695243DE4C61794155C", .malformed),  // upper case: one spelling only
        ("sha256:c48a01", .malformed),  // cut short
        ("sha256:c48a01f49fd0f2cc404bc3cbbc80e91457a3d41bb429a695243de4c61794155c00", .malformed),  // too long
        ("sha256:g48a01f49fd0f2cc404bc3cbbc80e91457a3d41bb429a695243de4c61794155c", .malformed),  // not hex
    ])
    func apiKeyHashRefuses(text: String, kind: SecretFormatError.Kind) {
        #expect(throws: SecretFormatError.self) { try APIKeyHash(parsing: text) }
        do { _ = try APIKeyHash(parsing: text) } catch { #expect(error.kind == kind) }
    }
}
