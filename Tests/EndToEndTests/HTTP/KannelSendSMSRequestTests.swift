import GatewayCore
import SMSCodec
import Testing
@testable import IngressdDaemon

@Suite("Kannel sendsms parameters")
struct KannelSendSMSRequestTests {
    static func parse(_ query: String, body: [UInt8]? = nil) -> Result<KannelSendSMSRequest, KannelRefusal> {
        KannelSendSMSRequest.parse(FormFields(parsing: Array(query.utf8)), text: body)
    }

    @Test("a plain request: recipients split on space and comma, duplicates once, defaults")
    func plain() throws {
        let request = try Self.parse("to=%2B491701234567+0170999,0170999&text=Hi+there").get()
        #expect(request.recipients.map(\.displayString) == ["+491701234567", "0170999"])
        #expect(request.text == "Hi there")
        #expect(request.encoding == .automatic)
        #expect(request.reportMask.isEmpty)
        #expect(request.priority == 0)
    }

    @Test("dlr-mask and dlr-url are kept; deprecated spellings too")
    func reports() throws {
        let request = try Self.parse("to=1&text=x&dlr-mask=3&dlr-url=https%3A%2F%2Fh%2Fd%3Fs%3D%25d").get()
        #expect(request.reportMask == [.delivered, .failed])
        #expect(request.dlrURL == "https://h/d?s=%d")
        #expect(try Self.parse("to=1&text=x&dlrmask=8&dlrurl=http://h/").get().reportMask == [.sent])
    }

    /// Kannel's own refusal texts (gw/smsbox.c), each with its cause.
    @Test("refusals", arguments: [
        ("text=x", "Missing receiver number, rejected"),
        ("to=&text=x", "Empty receiver number not allowed, rejected"),
        ("to=abc&text=x", "Number(s) has/have been denied by white- and/or black-lists."),
        ("to=1&text=x&dlr-mask=64", "DLR-Mask field misformed, rejected"),
        ("to=1&text=x&mclass=4", "MClass field misformed, rejected"),
        ("to=1&text=x&coding=3", "Coding field misformed, rejected"),
        ("to=1&text=x&validity=-5", "Validity field misformed, rejected"),
        ("to=1&text=x&deferred=soon", "Deferred field misformed, rejected"),
        ("to=1&text=x&priority=9", "Priority field misformed, rejected"),
        ("to=1&text=x&dlr-url=ftp://h/", "DLR-URL field misformed, rejected"),
        ("to=1&text=%FF", "Charset or body misformed, rejected"),           // not UTF-8
        ("to=1&text=x&charset=KOI8-R", "Charset or body misformed, rejected"),
        ("to=1", "Charset or body misformed, rejected"),                    // no text at all
    ])
    func refusals(query: String, text: String) {
        guard case .failure(let refusal) = Self.parse(query) else {
            Issue.record("accepted \(query)")
            return
        }
        #expect(refusal.status == 400)
        #expect(refusal.text == text)
    }

    @Test("some recipients denied: the others go, the denied are named")
    func denied() throws {
        let request = try Self.parse("to=123+abc&text=x").get()
        #expect(request.recipients.map(\.displayString) == ["123"])
        #expect(request.denied == ["abc"])
    }

    @Test("charset ISO-8859-1: each octet is its code point; coding 0 and 2; mclass; minutes")
    func options() throws {
        let latin = try Self.parse("to=1&text=caf%E9&charset=ISO-8859-1").get()
        #expect(latin.text == "café")
        let request = try Self.parse("to=1&text=x&coding=2&mclass=0&validity=30&deferred=5&priority=3").get()
        #expect(request.encoding == .ucs2)
        #expect(request.messageClass == 0)
        #expect(request.validityMinutes == 30)
        #expect(request.deferredMinutes == 5)
        #expect(request.priority == 3)
        #expect(try Self.parse("to=1&text=x&coding=0").get().encoding == .gsm7)
    }

    @Test("a text/plain POST body is the text")
    func bodyText() throws {
        #expect(try Self.parse("to=1", body: Array("from body".utf8)).get().text == "from body")
    }
}
