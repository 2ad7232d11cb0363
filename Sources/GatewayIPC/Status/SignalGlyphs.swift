/// `+CSQ` RSSI (3GPP TS 27.007 §8.5: 0 ≤ -113 dBm … 31 ≥ -51 dBm, 99 unknown) as phone-style
/// bars ▂▄▆█, the missing ones as dots, then the value (`smsgwctl status`, the web page).
public enum SignalGlyphs {
    public static func text(_ rssi: Int) -> String {
        guard (0...31).contains(rssi) else { return "???? \(rssi)" }
        let bars = rssi >= 20 ? 4 : rssi >= 15 ? 3 : rssi >= 10 ? 2 : rssi >= 2 ? 1 : 0
        return String(Array("▂▄▆█").prefix(bars)) + String(repeating: "·", count: 4 - bars) + " \(rssi)"
    }
}
