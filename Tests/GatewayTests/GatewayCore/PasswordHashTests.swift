import Testing
@testable import GatewayCore
@testable import GatewayConfig

@Suite("Password hashes (crypt(3) through libxcrypt)")
struct PasswordHashTests {
    /// Ulrich Drepper's SHA-crypt specification, first SHA-512 test vector (rounds=5000
    /// implied): pins our crypt_r call against a hash made by another implementation.
    static let drepperVector = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"

    @Test func verifiesAKnownSHA512CryptVector() throws {
        let hash = try PasswordHash(parsing: Self.drepperVector)
        #expect(hash.scheme == .sha512crypt)
        #expect(hash.verify("Hello world!"))
        #expect(!hash.verify("Hello world"))
        #expect(!hash.verify("hello world!"))
    }

    @Test(arguments: PasswordHash.Scheme.allCases)
    func madeHashesVerifyTheirPasswordOnly(scheme: PasswordHash.Scheme) throws {
        let hash = try PasswordHash.make(password: "correct horse", scheme: scheme)
        #expect(hash.encoded.hasPrefix(scheme.rawValue))
        #expect(try PasswordHash(parsing: hash.encoded) == hash)
        #expect(hash.verify("correct horse"))
        #expect(!hash.verify("correct horse "))
        #expect(!hash.verify(""))
        // A fresh salt each time: the same password never gives the same string.
        #expect(try PasswordHash.make(password: "correct horse", scheme: scheme) != hash)
    }

    @Test func refusesEmptyAndNULSecrets() {
        #expect(throws: SecretHashingError.self) { try PasswordHash.make(password: "") }
        #expect(throws: SecretHashingError.self) { try PasswordHash.make(password: "a\u{0}b") }
        #expect(throws: SecretHashingError.self) { try APIKeyHash.make(key: "") }
    }

    @Test(arguments: [
        ("admin", SecretFormatError.Kind.notHashed),                  // a plain password
        ("$1$salt$hash", .notHashed),                                   // MD5-crypt: too weak, not accepted
        ("$2b$10$abcdefghijklmnopqrstuu", .notHashed),                  // bcrypt: not one of ours
        ("$y$j9T$salt", .malformed),                                    // yescrypt without its hash
        ("$y$j9T$salt$hash$extra", .malformed),                         // one field too many
        ("$6$salt$has h", .malformed),                                  // a space is not crypt base-64
        ("$6$notrounds$salt$hash", .malformed),                         // three fields need rounds=N first
        ("$6$$hash", .malformed),                                       // empty salt
    ])
    func refuses(text: String, kind: SecretFormatError.Kind) {
        do {
            _ = try PasswordHash(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.kind == kind)
        }
    }

    @Test func acceptsSHA512CryptWithRounds() throws {
        // Drepper's second vector: explicit rounds.
        let hash = try PasswordHash(parsing: "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.")
        #expect(hash.verify("Hello world!"))
    }

    @Test func constantTimeCompareNeedsEqualLengthAndBytes() {
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equal([UInt8](), [UInt8]()))
    }

    /// Checks from many tasks at once go through CryptLibrary's gate one at a time (each
    /// yescrypt check maps 16 MiB): every right password still verifies and every wrong one
    /// still fails, and nothing deadlocks.
    @Test func concurrentChecksThroughTheGateKeepTheirAnswers() async throws {
        let hash = try PasswordHash.make(password: "correct horse", scheme: .yescrypt)
        let answers = await withTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<8 {
                group.addTask { (index, hash.verify(index.isMultiple(of: 2) ? "correct horse" : "wrong horse")) }
            }
            return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect(answers == Dictionary(uniqueKeysWithValues: (0..<8).map { ($0, $0.isMultiple(of: 2)) }))
    }
}
