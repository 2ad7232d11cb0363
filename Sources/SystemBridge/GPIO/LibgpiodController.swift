import CGPIOD
import Glibc

/// Real GPIO lines through libgpiod 1.6 (Debian 12): `gpiod_chip_open_by_name`,
/// `gpiod_line_request_output_flags`, `gpiod_line_set_value`. Lines stay requested until
/// released; chips stay open while they have requested lines.
public final class LibgpiodController: GPIOController {
    private var chips: [String: OpaquePointer] = [:]
    private var lines: [GPIOLineAddress: OpaquePointer] = [:]
    private let consumer: String

    public init(consumer: String) {
        self.consumer = consumer
    }

    deinit {
        for line in lines.values { gpiod_line_release(line) }
        for chip in chips.values { gpiod_chip_close(chip) }
    }

    public func requestOutput(_ line: GPIOLineAddress, initialValue: Bool) throws(GPIOError) {
        if lines[line] != nil { return try setValue(initialValue, of: line) }
        let chip: OpaquePointer
        if let open = chips[line.chip] {
            chip = open
        } else {
            guard let open = gpiod_chip_open_by_name(line.chip) else { throw GPIOError(line, .openChip, errorText()) }
            chips[line.chip] = open
            chip = open
        }
        guard let handle = gpiod_chip_get_line(chip, UInt32(line.offset)) else { throw GPIOError(line, .request, errorText()) }
        let flags: Int32 = line.activeLow ? Int32(GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW) : 0
        guard gpiod_line_request_output_flags(handle, consumer, flags, initialValue ? 1 : 0) == 0 else {
            throw GPIOError(line, .request, errorText())
        }
        lines[line] = handle
    }

    public func setValue(_ value: Bool, of line: GPIOLineAddress) throws(GPIOError) {
        guard let handle = lines[line] else { throw GPIOError(line, .setValue, "line not requested as output") }
        guard gpiod_line_set_value(handle, value ? 1 : 0) == 0 else { throw GPIOError(line, .setValue, errorText()) }
    }

    public func value(of line: GPIOLineAddress) throws(GPIOError) -> Bool {
        guard let handle = lines[line] else { throw GPIOError(line, .readValue, "line not requested") }
        let value = gpiod_line_get_value(handle)
        guard value >= 0 else { throw GPIOError(line, .readValue, errorText()) }
        return value == 1
    }

    public func release(_ line: GPIOLineAddress) {
        guard let handle = lines.removeValue(forKey: line) else { return }
        gpiod_line_release(handle)
    }

    private func errorText() -> String { String(cString: strerror(errno)) }
}
