import GatewayCore
import GatewayTestSupport
import Testing
@testable import Webhooks

@Suite("Kannel dlr-url placeholders")
struct KannelDLRURLTests {
    static let values = KannelCallbackValues(
        reportType: .delivered, smscReply: KannelReportType.delivered.smscReply,
        time: Timestamp(millisecondsSince1970: 1_700_000_000_500), sender: "0031 Shop&Co", receiver: "0031612345678",
        smscID: "sim-3", messageID: "42", text: "  Hello  brave new*world ", username: "demo", account: "acme", coding: 2)

    struct Vector: Sendable, CustomTestStringConvertible {
        var why: String
        var template: String
        var expanded: String
        var testDescription: String { why }
    }

    @Test(arguments: [
        // The usual Kannel dlr-url: type, reply, time, ids; the reply's ':' is encoded.
        Vector(why: "typical callback", template: "http://up/dlr?id=%I&type=%d&reply=%A&ts=%T",
               expanded: "http://up/dlr?id=42&type=1&reply=stat%3ADELIVRD&ts=1700000000"),
        // Sender and receiver: space and '&' encoded; %q/%Q turn a leading 00 into + (encoded %2B).
        Vector(why: "numbers", template: "%p|%P|%q|%Q",
               expanded: "0031%20Shop%26Co|0031612345678|%2B31%20Shop%26Co|%2B31612345678"),
        // Words: %k the first, each %s the next, %r the rest, %a all squeezed, %b the text as is.
        Vector(why: "words", template: "%k/%s/%r/%a",
               expanded: "Hello/brave/new%2Aworld/Hello%20brave%20new%2Aworld"),
        Vector(why: "original text", template: "%b", expanded: "%20%20Hello%20%20brave%20new%2Aworld%20"),
        // %S: not encoded, '*' becomes '~' (Kannel's rule for words that are URLs).
        Vector(why: "%S", template: "%s-%S", expanded: "brave-new~world"),
        // %s past the last word is empty; %r then too.
        Vector(why: "words run out", template: "%s,%s,%s,%r.", expanded: "brave,new%2Aworld,,."),
        // %% is a percent; an unknown code and a trailing % stay as written (pre-encoded URLs pass).
        Vector(why: "literal and unknown", template: "a%%b%20c%Zd%", expanded: "a%b%20c%Zd%"),
        // Account, user, smsc id, coding and charset; %F defaults to our id; unsupported codes empty.
        Vector(why: "the rest", template: "%o,%n,%i,%c,%C,%F,%B,[%u%D%m]", expanded: "acme,demo,sim-3,2,UTF-16BE,42,,[]"),
        // %t: minutes, UTC, the space encoded.
        Vector(why: "%t", template: "%t", expanded: "2023-11-14%2022%3A13"),
        // Non-ASCII values: UTF-8 octets, upper-case hex.
        Vector(why: "no placeholders", template: "https://up/é", expanded: "https://up/é"),
    ])
    func expand(_ vector: Vector) {
        #expect(KannelDLRURL.expand(vector.template, with: Self.values) == vector.expanded)
    }

    /// Whatever the values hold (spaces, '&', '#', '%', CR LF, non-ASCII), every encoded
    /// placeholder expands to unreserved characters and %XX only: a value can never add a
    /// query parameter, a fragment or a header line to the URL.
    @Test func valuesCannotBreakOutOfTheirPlace() {
        var random = SeededRandom(seed: 0x6B61_6E6E)
        let alphabet: [Character] = ["a", "Z", "0", " ", "&", "=", "#", "%", "?", "/", "+", "*", "\r", "\n", "é", "€", "😀", "\u{0}"]
        func randomText() -> String { String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" }) }
        for _ in 0..<500 {
            let values = KannelCallbackValues(
                reportType: .undelivered, smscReply: randomText(), time: Timestamp(millisecondsSince1970: 0), sender: randomText(),
                receiver: randomText(), smscID: randomText(), messageID: randomText(), foreignID: randomText(), text: randomText(),
                username: randomText(), account: randomText(), billing: randomText())
            let expanded = KannelDLRURL.expand("%p%P%q%Q%A%a%b%k%s%r%n%o%i%I%F%B%t", with: values)
            var rest = Substring(expanded)
            while let first = rest.first {
                if first == "%" {
                    let hex = rest.dropFirst().prefix(2)
                    #expect(hex.count == 2 && hex.allSatisfy { $0.isHexDigit }, "\(expanded)")
                    rest = rest.dropFirst(3)
                } else {
                    #expect(first.isASCII && (first.isLetter || first.isNumber || "-._~".contains(first)), "\(expanded)")
                    rest = rest.dropFirst()
                }
            }
        }
    }

    @Test func encodesUTF8Octets() {
        #expect(KannelDLRURL.encode("é €~") == "%C3%A9%20%E2%82%AC~")
    }

    /// Our states map to Kannel's types: final ones to 1 or 2, `sent` to 8, the rest to none.
    @Test func reportTypes() {
        #expect(KannelReportType(state: .delivered) == .delivered)
        #expect(KannelReportType(state: .expired) == .undelivered)
        #expect(KannelReportType(state: .failed) == .undelivered)
        #expect(KannelReportType(state: .sent) == .acceptedBySMSC)
        #expect(KannelReportType(state: .queued) == nil)
        #expect(ReportMask(kannelDLRMask: KannelReportType.acceptedBySMSC.rawValue) == .sent)
    }
}
