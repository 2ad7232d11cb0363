import GatewayTestSupport
import Testing
@testable import ATCommands

/// Seeded fuzzing (modem output is untrusted input): random and mutated modem output never crashes the
/// collector or the parsers, and drip-feeding still gives the same events as one chunk.
@Suite struct ATFuzzTests {
    static let transcript = Array((
        "AT+CMGL=4\r\r\n+CMGL: 1,1,,23\r\n0791534850020200040C9153486507895500006090608164138004D4F29C0E\r\n" +
        "+CMTI: \"SM\",3\r\n+CMT: ,30\r\n07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07\r\n" +
        "+CDS: 25\r\n07919730071111F106330B919730074232F1709020917514807090209175148000\r\n" +
        "+CREG: 2,1,\"5E25\",\"605F\",2\r\n+CUSD: 0,\"x\",15\r\n\r\n> +CMS ERROR: 500\r\nOK\r\nRDY\r\n").utf8)

    static let commands: [ATCommand] = [.listMessages(.all), .signalQuality, .sendPDU(length: 23), .readRegistration, .readMessage(index: 1)]

    func run(_ bytes: [UInt8], command: ATCommand?, chunking random: inout SeededRandom) {
        var whole = ATResponseCollector(maximumLineLength: 256)
        var drip = ATResponseCollector(maximumLineLength: 256)
        if let command {
            whole.commandSent(command)
            drip.commandSent(command)
        }
        let expected = whole.receive(bytes)
        var events: [ATEvent] = []
        var position = 0
        while position < bytes.count {
            let end = min(bytes.count, position + Int(random.next() % 5) + 1)
            events += drip.receive(bytes[position..<end])
            position = end
        }
        #expect(events == expected)
    }

    @Test func randomBytesNeverCrash() {
        var random = SeededRandom(seed: 20_240_501)
        for round in 0..<300 {
            let count = Int(random.next() % 400)
            // Bias towards the bytes that matter to framing: CR, LF, '>', space, Ctrl-Z, quotes.
            let alphabet: [UInt8] = [0x0D, 0x0A, 0x3E, 0x20, 0x1A, 0x22, 0x2C, 0x2B, 0x3A] + Array("OKERCMGS0123456789ABF".utf8)
            let bytes = (0..<count).map { _ in
                random.next() % 3 == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            run(bytes, command: round % 6 == 0 ? nil : Self.commands[round % Self.commands.count], chunking: &random)
        }
    }

    @Test func mutatedTranscriptsNeverCrash() {
        var random = SeededRandom(seed: 0xA7C0_DEC)
        for round in 0..<300 {
            var bytes = Self.transcript
            for _ in 0..<Int(random.next() % 8 + 1) {
                let position = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: position)
                default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
                }
            }
            run(bytes, command: Self.commands[round % Self.commands.count], chunking: &random)
        }
    }

    /// Every line parser and the command-line parser on random lines: a value or a typed error.
    @Test func parsersOnRandomLines() {
        var random = SeededRandom(seed: 77)
        let prefixes = ["+CSQ: ", "+CREG: ", "+CEREG: ", "+COPS: ", "+CPIN: ", "+CPMS: ", "+CMGS: ", "+CUSD: ", "+CSCA: ", "+CCID: ", "+CMGR: ", "+CMGL: ", "+CMT: ", "AT", "AT+"]
        let alphabet = Array("0123456789,\"()ABCDEF +-=?;x".unicodeScalars)
        var parsed = 0
        for _ in 0..<3000 {
            let prefix = prefixes[Int(random.next() % UInt64(prefixes.count))]
            let tail = String(String.UnicodeScalarView((0..<Int(random.next() % 24)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            let line = prefix + tail
            if (try? SignalQuality(line: line)) != nil { parsed += 1 }
            if (try? NetworkRegistration(readAnswer: line)) != nil { parsed += 1 }
            if (try? NetworkRegistration(unsolicited: line)) != nil { parsed += 1 }
            if (try? OperatorSelection(line: line)) != nil { parsed += 1 }
            if (try? PINStatus(line: line)) != nil { parsed += 1 }
            if (try? PreferredStorage(line: line)) != nil { parsed += 1 }
            if (try? SupportedStorages(line: line)) != nil { parsed += 1 }
            if (try? SubmitResult(line: line)) != nil { parsed += 1 }
            if (try? USSDResponse(line: line)) != nil { parsed += 1 }
            if (try? ServiceCentreAddress(line: line)) != nil { parsed += 1 }
            if (try? EquipmentIdentity.iccid(line: line)) != nil { parsed += 1 }
            if (try? MessageRecord(header: line, body: tail)) != nil { parsed += 1 }
            if (try? ATUnsolicitedParser.parse(line)) != nil { parsed += 1 }
            if let command = try? ATCommandLine(parsing: line) {
                parsed += 1
                // What parses renders to a line that parses to the same commands.
                #expect((try? ATCommandLine(parsing: command.text))?.commands == command.commands)
            }
            _ = ATFinalResult(line: line)
        }
        #expect(parsed > 0)  // the generator reaches the accepting paths, not only the errors
    }
}
