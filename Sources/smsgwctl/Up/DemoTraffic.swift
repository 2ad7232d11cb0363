#if canImport(Glibc)
import Glibc
#endif

/// `up --demo-traffic N`: once the box is ready, N `smsgwctl send` runs (the demo account's
/// API key) to different numbers, each printing its id and every state change on standard
/// output, so a newcomer watches messages go through. They are not supervised; `stop()` ends
/// whatever is still following when the box stops.
final class DemoTraffic {
    private let executable: String
    private let config: String
    private let count: Int
    private var pids: [pid_t] = []

    init(executable: String, config: String, count: Int) {
        self.executable = executable
        self.config = config
        self.count = count
    }

    static let texts = [
        "Your verification code is 481516. It expires in 10 minutes.",
        "Reminder: your appointment is tomorrow at 10:30. Reply STOP to opt out.",
        "Grüße aus dem Gateway — ünïcödé ✓ travels as UCS-2.",
        "This one is long enough to need two parts: the gateway splits it with a concatenation header, sends both through the same SIM, and the handset joins them again.",
    ]

    func start() {
        for index in 0..<count {
            let argv = [executable, "send", "--config", config, "--to", "+3161234\(String(5670 + index))",
                        "--text", Self.texts[index % Self.texts.count], "--label", "demo \(index + 1)"]
            let pointers: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
            defer { for pointer in pointers { free(pointer) } }
            var pid: pid_t = 0
            if posix_spawn(&pid, executable, nil, nil, pointers, environ) == 0 { pids.append(pid) }
        }
    }

    func stop() {
        for pid in pids {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == 0 {
                kill(pid, SIGTERM)
                waitpid(pid, &status, 0)
            }
        }
        pids.removeAll()
    }
}
