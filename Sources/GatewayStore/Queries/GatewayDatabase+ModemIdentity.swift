import GatewayCore

/// What modemd reads from a module after each init (3GPP TS 27.007 §5.1 manufacturer, §5.2
/// model, §5.4 IMEI), kept on its `modems` row.
extension GatewayDatabase {
    enum ModemIdentitySQL {
        static let update = "UPDATE modems SET vendor = ?, model = ?, imei = ?, updated_at = ? WHERE id = ?"
    }

    /// Records the vendor (the profile's manufacturer), model and IMEI of modem `modemID`; nil
    /// clears a field the module would not tell.
    public func setModemIdentity(_ modemID: Int64, vendor: String?, model: String?, imei: String?, now: Timestamp) throws {
        try expectOne(connection.run(ModemIdentitySQL.update, vendor, model, imei, now.millisecondsSince1970, modemID),
                      "modem", modemID)
    }
}
