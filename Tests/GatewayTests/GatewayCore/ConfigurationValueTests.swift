import Testing
@testable import GatewayCore
@testable import GatewayConfig

/// The small value grammars the configuration accepts.
@Suite("Configuration values")
struct ConfigurationValueTests {
    @Test(arguments: [
        ("0.0.0.0", true), ("127.0.0.1", true), ("255.255.255.255", true),
        ("256.0.0.1", false),        // octet out of range
        ("01.2.3.4", false),         // leading zero: octal in some parsers, refused
        ("1.2.3", false), ("localhost", false),  // no host names
        ("::", true), ("::1", true), ("fe80::1:2", true), ("2001:db8:0:0:0:0:0:1", true),
        ("2001:db8::1::2", false),   // two "::"
        ("2001:db8:0:0:0:0:0:0:1", false),  // nine groups
        ("12345::", false),          // group of five digits
        ("", false),
    ])
    func ipAddresses(text: String, valid: Bool) {
        #expect(IPAddressText.isValid(text) == valid)
    }

    @Test func timeZonesComeFromTheSystemDatabase() {
        #expect(TimeZoneNames.isInstalled("UTC", under: "/nonexistent"))
        #expect(TimeZoneNames.isInstalled("Europe/Amsterdam", under: "/usr/share/zoneinfo"))
        #expect(!TimeZoneNames.isInstalled("Europe/Atlantis", under: "/usr/share/zoneinfo"))
        // Paths that would escape the zone database are refused before touching the disk.
        #expect(!TimeZoneNames.isInstalled("../../etc/passwd", under: "/usr/share/zoneinfo"))
        #expect(!TimeZoneNames.isInstalled("/etc/localtime", under: "/usr/share/zoneinfo"))
        // A directory is not a zone.
        #expect(!TimeZoneNames.isInstalled("Europe", under: "/usr/share/zoneinfo"))
    }

    @Test func gpioLinesAreTheSameWhetherNamedOrByPath() {
        let named = GPIOLine(chip: "gpiochip0", offset: 4)
        let byPath = GPIOLine(chip: "/dev/gpiochip0", offset: 4, activeLow: true)
        #expect(named.identity == byPath.identity)
        #expect(GPIOLine(chip: "gpiochip1", offset: 4).identity != named.identity)
    }

    @Test(arguments: [(0, 1), (1, 2), (2, 4), (3, 8)])
    func gpioSelectionAddressesTwoToTheLines(lines: Int, slots: Int) {
        let selection = lines == 0 ? SlotSelection.fixed
            : .gpio((0..<lines).map { GPIOLine(chip: "gpiochip0", offset: $0) })
        #expect(selection.addressableSlots == slots)
    }
}
