import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayCore

/// HMAC-SHA256 against Python's `hmac` module (Debian's python3, standard library): seeded
/// random keys and messages of every length around the block edges (0-200 bytes).
@Suite("HMAC-SHA256 against Python's hmac")
struct HMACSHA256OracleTests {
    @Test func randomKeysAndMessagesAgreeWithPython() throws {
        var random = SeededRandom(seed: 0x4D41_4321)
        var pairs: [(key: [UInt8], message: [UInt8])] = []
        for length in [0, 1, 31, 32, 55, 56, 63, 64, 65, 127, 128, 129, 200] {
            for keyLength in [1, 16, 63, 64, 65, 131] {
                pairs.append(((0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &random) },
                              (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }))
            }
        }
        let input = pairs.map { Self.hex($0.key) + " " + Self.hex($0.message) }.joined(separator: "\n") + "\n"
        let script = """
            import hashlib, hmac, sys
            for line in sys.stdin.read().splitlines():
                key, message = (bytes.fromhex(part) for part in (line.split(" ") + [""])[:2])
                print(hmac.new(key, message, hashlib.sha256).hexdigest())
            """
        let expected = try Self.python(script, input: input).split(separator: "\n").map(String.init)
        #expect(expected.count == pairs.count)
        for (pair, oracle) in zip(pairs, expected) {
            #expect(HMACSHA256.hex(HMACSHA256.authenticationCode(key: pair.key, message: pair.message)) == oracle,
                    "key \(pair.key.count) bytes, message \(pair.message.count) bytes")
        }
    }

    static func hex(_ bytes: [UInt8]) -> String { HMACSHA256.hex(bytes) }

    static func python(_ script: String, input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
