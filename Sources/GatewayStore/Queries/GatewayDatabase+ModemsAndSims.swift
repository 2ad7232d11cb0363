import GatewayCore

/// Modems and SIMs as configured and seen (writer of both: `smsgw-modemd`).
extension GatewayDatabase {
    enum ModemSimSQL {
        static let upsertModem = """
            INSERT INTO modems (name, device, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET device = excluded.device, updated_at = excluded.updated_at
            RETURNING id
            """
        static let upsertSim = """
            INSERT INTO sims (iccid, imsi, operator, modem_id, slot, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (iccid) DO UPDATE SET imsi = excluded.imsi, operator = excluded.operator,
                modem_id = excluded.modem_id, slot = excluded.slot, updated_at = excluded.updated_at
            RETURNING id
            """
        static let modemState = "UPDATE modems SET state = ?, updated_at = ?, last_seen_at = ? WHERE id = ?"
    }

    /// Registers (or updates) the modem named `name` in the configuration; returns its id.
    public func upsertModem(name: String, device: String, now: Timestamp) throws -> Int64 {
        guard let id = try connection.queryFirst(ModemSimSQL.upsertModem, name, device, now.millisecondsSince1970,
                                                 row: { $0.int64(0) })
        else { throw StoreError(.invalidRequest("modem \(name) was not stored"), path: connection.path) }
        return id
    }

    /// Registers (or updates) the SIM with `iccid`, in `slot` of `modemID`; returns its id.
    public func upsertSim(iccid: String, imsi: String?, operatorName: String?, modemID: Int64?, slot: Int?,
                          now: Timestamp) throws -> Int64 {
        guard let id = try connection.queryFirst(ModemSimSQL.upsertSim, iccid, imsi, operatorName, modemID, slot,
                                                 now.millisecondsSince1970, row: { $0.int64(0) })
        else { throw StoreError(.invalidRequest("SIM \(iccid) was not stored"), path: connection.path) }
        return id
    }

    /// Sets a modem's state, as seen now.
    public func setModemState(_ modemID: Int64, state: ModemState, now: Timestamp) throws {
        try expectOne(connection.run(ModemSimSQL.modemState, state.rawValue, now.millisecondsSince1970,
                                     now.millisecondsSince1970, modemID), "modem", modemID)
    }
}
