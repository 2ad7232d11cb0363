/// A SIM in a simulated modem's slot: what `AT+CCID`, `AT+CIMI`, `AT+COPS?` and `AT+CNUM`
/// report. The configuration has no SIM identities, so the simulator derives them from the
/// modem's position in the bank and the slot (`derived(modemIndex:slot:)`).
struct SimulatedSIM: Sendable, Hashable {
    /// ICCID (ITU-T E.118): 19 digits plus the Luhn check digit.
    var iccid: String
    /// IMSI (3GPP TS 23.003 §2.2): MCC, MNC, MSIN.
    var imsi: String
    /// The network's long alphanumeric name (27.007 §7.3 `<oper>` format 0).
    var operatorName: String
    /// MCC and MNC (`<oper>` format 2).
    var operatorCode: String
    /// The subscriber's own number (27.007 §7.1 `+CNUM`).
    var msisdn: String
    /// The SMS service centre this SIM's network uses (27.005 §3.3.1).
    var serviceCentre: String

    /// Three fictional networks, so a bank shows a mix of operators (MCC 001 is the test network).
    static let networks: [(name: String, code: String, centre: String)] = [
        ("SimNet One", "00101", "+31653131313"),
        ("SimNet Two", "00102", "+31624000000"),
        ("SimNet Three", "00103", "+31626000000"),
    ]

    /// The SIM of `slot` in the modem at `modemIndex` (0-based): the same every run.
    static func derived(modemIndex: Int, slot: Int) -> SimulatedSIM {
        let network = networks[(modemIndex + slot) % networks.count]
        let serial = modemIndex * 16 + slot + 1
        let iccidBody = "8900" + network.code.dropFirst(3) + padded(serial, 13)
        let iccid = iccidBody + String(luhnCheckDigit(iccidBody))
        let imsi = network.code + padded(serial, 10)
        let msisdn = "+3161" + padded(serial, 7)
        return SimulatedSIM(
            iccid: iccid, imsi: imsi, operatorName: network.name, operatorCode: network.code,
            msisdn: msisdn, serviceCentre: network.centre)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The Luhn check digit (ISO/IEC 7812-1 Annex B) ICCIDs and IMEIs end with.
    static func luhnCheckDigit(_ digits: String) -> Int {
        var sum = 0
        for (position, character) in digits.reversed().enumerated() {
            guard var value = character.wholeNumberValue else { continue }
            if position % 2 == 0 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return (10 - sum % 10) % 10
    }
}
