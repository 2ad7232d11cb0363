import Foundation
import SystemBridge
import Testing

@Suite("Simulated GPIO chip")
struct SimulatedGPIOTests {
    static func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gpio-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a driven line is a file holding its physical level; active-low inverts it")
    func levels() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let chip = SimulatedGPIOController(directory: directory)
        let power = GPIOLineAddress(chip: "/dev/gpiochip0", offset: 3)
        let select = GPIOLineAddress(chip: "gpiochip0", offset: 8, activeLow: true)
        #expect(SimulatedGPIOController.level(of: power, in: directory) == nil)  // never driven
        try chip.requestOutput(power, initialValue: true)
        try chip.requestOutput(select, initialValue: true)
        #expect(try String(contentsOfFile: "\(directory)/gpiochip0/3", encoding: .utf8) == "1\n")
        #expect(SimulatedGPIOController.level(of: select, in: directory) == false)  // active-low: logical 1 is low
        try chip.setValue(false, of: power)
        #expect(try chip.value(of: power) == false)
        #expect(try chip.value(of: select) == true)
        chip.release(power)
        #expect(throws: GPIOError.self) { try chip.setValue(true, of: power) }  // released lines are not driven
    }
}
