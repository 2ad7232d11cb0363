/// The statements on the hot paths of the daemons, by name: a test runs EXPLAIN QUERY PLAN on
/// each and fails on a table scan or a temporary sort, and docs/store.md lists the index each uses.
enum HotQueries {
    static let all: [(name: String, sql: String)] = [
        ("pick", GatewayDatabase.PickSQL.pick),
        ("pick.parts", GatewayDatabase.PickSQL.unsentParts),
        ("history.byMessage", GatewayDatabase.HistorySQL.byMessage),
        ("history.setState", GatewayDatabase.HistorySQL.setState),
        ("attempt.claimParts", GatewayDatabase.AttemptSQL.claimParts),
        ("attempt.markPartSent", GatewayDatabase.AttemptSQL.markPartSent),
        ("attempt.partsStillSending", GatewayDatabase.AttemptSQL.partsStillSending),
        ("attempt.partsOfAttempt", GatewayDatabase.AttemptSQL.partsOfAttempt),
        ("attempt.inFlight", GatewayDatabase.AttemptSQL.inFlight),
        ("report.pending", GatewayDatabase.StatusReportSQL.pending),
        ("report.partsByReference", GatewayDatabase.QueueDecisionSQL.partsByReference),
        ("report.partsWithoutReference", GatewayDatabase.QueueDecisionSQL.partsWithoutReference),
        ("report.partsByReferenceAnySIM", GatewayDatabase.QueueDecisionSQL.partsByReferenceAnySIM),
        ("queue.lastSender", GatewayDatabase.QueueDecisionSQL.lastSender),
        ("queue.countedAttempts", GatewayDatabase.QueueDecisionSQL.countedAttempts),
        ("report.partStates", GatewayDatabase.StatusReportSQL.partStates),
        ("outbox.claimDue", GatewayDatabase.OutboxSQL.claimDue),
        ("counters.increment", GatewayDatabase.SimCounterSQL.increment),
        ("inbound.findIncomplete", GatewayDatabase.InboundSQL.findIncomplete),
        ("inbound.readyToForward", GatewayDatabase.InboundSQL.readyToForward),
        ("inbound.findFinishedWithPart", GatewayDatabase.InboundSQL.findFinishedWithPart),
        ("sweep.dueHeld", GatewayDatabase.SweepSQL.dueHeld),
        ("sweep.expired", GatewayDatabase.SweepSQL.expired),
        ("http.message", GatewayDatabase.LookupSQL.message),
        ("http.parts", GatewayDatabase.LookupSQL.parts),
        ("http.inbound", GatewayDatabase.LookupSQL.inbound),
    ]
}
