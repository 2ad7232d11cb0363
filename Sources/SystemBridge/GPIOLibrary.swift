import CGPIOD

/// The libgpiod the box links against (Debian 12 ships the 1.6 API: `gpiod_chip_open`,
/// `gpiod_line_request_output`); shown by `smsgwctl version` so an operator can tell which
/// GPIO stack a box runs.
public enum GPIOLibrary {
    public static var version: String {
        guard let text = gpiod_version_string() else { return "unknown" }
        return String(cString: text)
    }
}
