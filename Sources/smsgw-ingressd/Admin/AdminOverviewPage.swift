import GatewayCore
import GatewayIPC
import GatewayStore

/// `GET /`: the box at a glance — the shipped-password banner, modems with signal bars and
/// their SIMs, the queue, each daemon's health (live, over the control sockets), then
/// smsgw-watchdogd's recorded health and recent escalations. Refreshes itself every 30 s.
enum AdminOverviewPage {
    static func html(_ overview: AdminOverview, csrf: String) -> String {
        var body = ""
        if overview.usesShippedPassword {
            body += AdminLayout.banner("warning", "This box still uses the shipped password. "
                + "<a href=\"/password\">Change it now</a>: anyone who knows the default can reconfigure the box.")
        }
        body += "<h2>Modems</h2>" + modems(overview.live)
        body += "<h2>Queue</h2>" + queue(overview.live)
        body += "<h2>Daemons</h2>" + daemons(overview.live)
        body += "<h2>Watchdog</h2>"
        if let problem = overview.storeProblem {
            body += AdminLayout.banner("error", "The store could not be read: \(HTMLEscape.text(problem))")
        }
        body += health(overview.health) + escalations(overview.escalations)
        return AdminLayout.page(title: "Overview", box: overview.boxName, csrf: csrf, refreshSeconds: 30, body: body)
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let head = header.map { "<th>\(HTMLEscape.text($0))</th>" }.joined()
        let body = rows.map { row in "<tr>" + row.map { "<td>\(HTMLEscape.text($0))</td>" }.joined() + "</tr>" }.joined()
        return "<table><tr>\(head)</tr>\(body)</table>"
    }

    private static func modems(_ live: BoxStatus) -> String {
        guard let modems = live.modems else { return "<p>Unknown: smsgw-modemd did not answer.</p>" }
        let sims = live.sims?.sims ?? []
        let rows = modems.map { modem -> [String] in
            let own = sims.filter { $0.modem == modem.id }
            return [modem.id, modem.sending ? "\(modem.state), sending" : modem.state,
                    modem.signal.map(SignalGlyphs.text) ?? "-", modem.operatorName ?? "-",
                    own.first { $0.slot == modem.slot }?.sim ?? "slot \(modem.slot)",
                    own.isEmpty ? "-" : own.map { "\($0.sim) \($0.state)" }.joined(separator: ", "),
                    "\(modem.counters["sends_succeeded"] ?? 0)", modem.lastError ?? ""]
        }
        return table(["modem", "state", "signal", "operator", "on air", "SIMs", "sent", "last error"], rows)
    }

    private static func queue(_ live: BoxStatus) -> String {
        guard let queue = live.queue else { return "<p>Unknown: smsgw-queued did not answer.</p>" }
        let waiting = queue.depth.values.flatMap(\.values).reduce(0, +)
        let rows = queue.depth.keys.sorted().map { state in [state, "\(queue.depth[state]?.values.reduce(0, +) ?? 0)"] }
        let oldest = queue.oldestWaitingMilliseconds.map { "; oldest waiting \($0 / 1000) s" } ?? ""
        return "<p>\(waiting) waiting\(HTMLEscape.text(oldest)); \(queue.inFlight.count) in flight; "
            + "\(queue.readyModems.count) ready modems.</p>" + (rows.isEmpty ? "" : table(["state", "messages"], rows))
    }

    private static func daemons(_ live: BoxStatus) -> String {
        let names = Set(live.health.keys).union(live.unreachable.keys).sorted()
        let rows = names.map { name -> [String] in
            if let health = live.health[name] {
                return [name, health.healthy ? "ok" : "UNHEALTHY", "\(health.progress)", health.detail]
            }
            return [name, "DOWN", "", live.unreachable[name] ?? ""]
        }
        return table(["daemon", "health", "progress", "detail"], rows)
    }

    private static func health(_ snapshot: HealthSnapshot?) -> String {
        guard let snapshot, snapshot.box != nil || !snapshot.daemons.isEmpty || !snapshot.modems.isEmpty else {
            return "<p>No health recorded yet (smsgw-watchdogd writes it while it runs).</p>"
        }
        var html = ""
        if let box = snapshot.box {
            var facts = ["box \(box.state)", box.detail]
            if let disk = box.diskFreeBytes { facts.append("disk free \(disk >> 20) MiB") }
            if let memory = box.memoryAvailableBytes { facts.append("memory available \(memory >> 20) MiB") }
            if let integrity = box.integrity { facts.append("store check: \(integrity)") }
            if let feeding = box.hardwareFeeding { facts.append(feeding ? "hardware watchdog fed" : "hardware watchdog NOT fed") }
            html += "<p>\(HTMLEscape.text(facts.filter { !$0.isEmpty }.joined(separator: "; ")))</p>"
        }
        let rows = (snapshot.daemons + snapshot.modems).map { record in
            [record.subject, record.state, "\(record.restartsLastHour)", record.lastEscalation ?? "", record.detail]
        }
        return html + table(["subject", "state", "restarts (1 h)", "last escalation", "detail"], rows)
    }

    private static func escalations(_ records: [EscalationRecord]) -> String {
        guard !records.isEmpty else { return "<p>No escalations.</p>" }
        let rows = records.map { record in
            [RFC3339.format(record.at), record.subject, record.step, record.reason, record.outcome]
        }
        return "<h3>Recent escalations</h3>" + table(["when (UTC)", "subject", "step", "reason", "outcome"], rows)
    }
}
