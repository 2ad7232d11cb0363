/// The answer to `AT+CSQ`: `+CSQ: <rssi>,<ber>` (3GPP TS 27.007 §8.5).
public struct SignalQuality: Sendable, Hashable {
    /// 0 (≤ −113 dBm) … 31 (≥ −51 dBm), 99 not known; some LTE modules report 100–199.
    public var rssi: Int
    /// Channel bit error rate 0…7, 99 not known.
    public var bitErrorRate: Int

    public init(rssi: Int, bitErrorRate: Int) {
        self.rssi = rssi
        self.bitErrorRate = bitErrorRate
    }

    /// The received strength in dBm for rssi 0…31 (−113 + 2·rssi), nil when not known.
    public var dBm: Int? { (0...31).contains(rssi) ? -113 + 2 * rssi : nil }

    /// Parses `+CSQ: 21,99` (also `+CSQ:21,99`, `+CSQ: 21, 99`).
    public init(line: String) throws(ATParseError) {
        let fields = try ATInformationLine.fields(of: line, named: "+CSQ")
        guard fields.count == 2 else { throw ATParseError(.fieldCount(fields.count), line: line) }
        guard let rssi = fields[0].integer, rssi <= 199 else {
            throw ATParseError(.invalidField(name: "rssi", value: fields[0].text ?? ""), line: line)
        }
        guard let ber = fields[1].integer, ber <= 7 || ber == 99 else {
            throw ATParseError(.invalidField(name: "ber", value: fields[1].text ?? ""), line: line)
        }
        self.init(rssi: rssi, bitErrorRate: ber)
    }

    /// The line a modem sends (the simulator renders answers with this).
    public var line: String { "+CSQ: \(rssi),\(bitErrorRate)" }
}
