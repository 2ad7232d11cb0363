import GatewayCore
import GatewayIPC
import GatewayStore
import Testing
@testable import IngressdDaemon

/// The overview page from fixed daemon answers and a fixed health snapshot (pure rendering).
@Suite("Web page: overview rendering")
struct AdminOverviewPageTests {
    static let at = Timestamp(millisecondsSince1970: 1_800_000_000_000)

    @Test("modems with signal bars and SIMs, queue, daemons, watchdog health and escalations; all escaped")
    func overview() {
        let sims = SimdStatus.fixture([("m1-a", "m1", 0, "standby"), ("m1-b", "m1", 1, "active")])
        var modem = ModemdModemStatus.fixture(id: "m1", signal: 17, slot: 1)
        modem.lastError = "+CMS ERROR: <500>"
        let live = BoxStatus(modems: [modem], sims: sims, queue: nil,
                             health: ["modemd": DaemonHealth(healthy: true, progress: 3, detail: "1/1 modems ready")],
                             unreachable: ["simd": "cannot reach smsgw-simd"])
        let snapshot = HealthSnapshot(
            box: HealthRecord(subject: "box", state: "healthy", detail: "all well", diskFreeBytes: 3 << 30,
                              integrity: "ok", hardwareFeeding: true, checkedAt: Self.at),
            daemons: [HealthRecord(subject: "queued", state: "restarting", detail: "no progress", restartsLastHour: 2,
                                   lastEscalation: "terminate", checkedAt: Self.at)],
            modems: [])
        let escalation = EscalationRecord(at: Self.at, subject: "queued", step: "terminate", pid: 42,
                                          reason: "no progress for 60 s", outcome: "sent SIGTERM")
        let html = AdminOverviewPage.html(AdminOverview(boxName: "Shop <1>", usesShippedPassword: true, health: snapshot,
                                                        escalations: [escalation], storeProblem: nil, live: live), csrf: "tok")
        #expect(html.contains("<strong>Shop &lt;1&gt;</strong>"))
        #expect(html.contains("still uses the shipped password"))
        #expect(html.contains("<td>m1</td><td>ready</td><td>▂▄▆· 17</td><td>Op</td><td>m1-b</td><td>m1-a standby, m1-b active</td><td>4</td><td>+CMS ERROR: &lt;500&gt;</td>"))
        #expect(html.contains("Unknown: smsgw-queued did not answer."))
        #expect(html.contains("<td>simd</td><td>DOWN</td><td></td><td>cannot reach smsgw-simd</td>"))
        #expect(html.contains("box healthy; all well; disk free 3072 MiB; store check: ok; hardware watchdog fed"))
        #expect(html.contains("<td>queued</td><td>restarting</td><td>2</td><td>terminate</td><td>no progress</td>"))
        #expect(html.contains("<td>2027-01-15T08:00:00.000Z</td><td>queued</td><td>terminate</td><td>no progress for 60 s</td><td>sent SIGTERM</td>"))
        #expect(html.contains("<meta http-equiv=\"refresh\" content=\"30\">"))
        #expect(html.contains("name=\"csrf\" value=\"tok\""))
    }

    @Test("no banner once the password is changed; an empty snapshot says so")
    func quiet() {
        let html = AdminOverviewPage.html(AdminOverview(boxName: "b", usesShippedPassword: false, health: nil, escalations: [],
                                                        storeProblem: nil, live: BoxStatus(health: [:], unreachable: [:])), csrf: "t")
        #expect(!html.contains("shipped password"))
        #expect(html.contains("No health recorded yet"))
        #expect(html.contains("No escalations."))
    }
}
