import GatewayDaemon
import Logging
import Testing

@Suite("JournalLogHandler: syslog priority prefixes for journald")
struct JournalLogHandlerTests {
    /// RFC 5424 §6.2.1 severities; trace has none of its own and goes to debug (7).
    @Test(arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func priorities(level: Logger.Level, priority: Int) {
        #expect(JournalLogHandler.priority(of: level) == priority)
    }

    @Test func oneLine() {
        #expect(JournalLogHandler.format(level: .error, label: "smsgw.queued", message: "queue turn failed", metadata: [:])
            == "<3>smsgw.queued: queue turn failed\n")
    }

    /// Metadata sorted (stable lines); every line of a multi-line message (a configuration's
    /// problems) keeps the priority, or journald would log the later ones at info.
    @Test func multiLineAndMetadata() {
        let text = JournalLogHandler.format(level: .warning, label: "smsgw.modemd", message: "a\nb",
                                            metadata: ["modem": "m2", "attempt": "3"])
        #expect(text == "<4>smsgw.modemd: a\n<4>b attempt=3 modem=m2\n")
    }

    /// JOURNAL_STREAM is "device:inode" of the stream systemd connected; stderr redirected
    /// since (a different inode) or a malformed value means plain lines.
    @Test(arguments: [
        ("8:12345", true),
        ("8:12346", false),
        ("9:12345", false),
        ("8:12345:1", false),
        ("", false),
        ("x:y", false),
    ])
    func journalStream(value: String, matches: Bool) {
        #expect(JournalStream.matches(value, device: 8, inode: 12345) == matches)
    }

    @Test func unsetIsNotTheJournal() {
        #expect(!JournalStream.matches(nil, device: 8, inode: 12345))
    }
}
