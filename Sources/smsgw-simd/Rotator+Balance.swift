import GatewayCore
import GatewayIPC
import GatewayStore
import SimPolicy

/// USSD balance checks (`balance_ussd`, `balance_interval`): the SIM on air of a
/// ready modem is asked when its last check is older than its interval (a failed check is
/// tried again after a tenth of it, at least a minute). A check takes the modem the way a
/// switch does — queued pauses it, its send in flight finishes, modemd sends `AT+CUSD` and
/// waits for the network's `+CUSD`, queued resumes it — so the USSD session never overlaps a
/// send (some modules refuse `AT+CMGS` while a USSD session is open, and the answer can take
/// seconds). The answer is stored per SIM (`sim_balances`) with the amount found in it.
extension Rotator {
    /// The balance check the SIM on air of `modem` is due for, if any.
    func balanceDue(modem: String, sim: SIMConfiguration, now: Timestamp) async throws -> BalancePlan? {
        let check = sim.balanceCheck(group: group(of: sim))
        guard let code = check.code else { return nil }
        if let last = try await store.balances()[sim.id] {
            let wait = last.error == nil ? check.interval : max(.seconds(60), check.interval / 10)
            guard now >= last.attemptedAt + wait else { return nil }
        }
        return BalancePlan(modem: modem, sim: sim.id, code: code)
    }

    /// Pauses the modem, asks the network, stores the answer, resumes the modem.
    func performBalanceCheck(_ plan: BalancePlan) async {
        let started = clock.now()
        guard await pause(plan.modem, reason: "balance check") else {
            logger.warning("\(plan.modem): queued did not pause it; balance check postponed")
            finished(plan.modem)
            return
        }
        if await drained(plan.modem) {
            await ask(plan, started: started)
        } else {
            logger.warning("\(plan.modem): a send still in flight after \(timings.drainTimeout); balance check postponed")
        }
        if !(await resume(plan.modem)) { pendingResumes.insert(plan.modem) }
        finished(plan.modem)
    }

    private func ask(_ plan: BalancePlan, started: Timestamp) async {
        var record = (try? await store.balances()[plan.sim])
            ?? SimBalanceRecord(sim: plan.sim, text: nil, amount: nil, checkedAt: nil, attemptedAt: started, error: nil)
        record.attemptedAt = started
        switch await modemd.call(.ussd(modem: plan.modem, code: plan.code), timeout: timings.ussdTimeout) {
        case .success(.ussdAnswer(let answer)):
            let text = answer.text ?? ""
            record.text = text
            record.amount = BalanceAmount.parse(text)
            record.checkedAt = clock.now()
            record.error = nil
            logger.notice("balance of \(plan.sim) on \(plan.modem): \(text)")
        case .success(let other):
            record.error = "unexpected answer \(other)"
        case .failure(let error):
            record.error = error.message
            logger.warning("balance check of \(plan.sim) on \(plan.modem) failed: \(error.message)")
        }
        do { try await store.saveBalance(record) } catch { logger.error("cannot store the balance of \(plan.sim): \(error)") }
    }
}

/// A balance check the turn decided: `code` on `modem` for its SIM on air `sim`.
struct BalancePlan: Sendable {
    var modem: String
    var sim: String
    var code: String
}
