/// What one daemon said when the web page asked it to reload the saved file: its report
/// (took the file, with the sections applied live and those waiting for a restart; or
/// refused it, with its problems), or why it did not answer ("not running").
struct DaemonReloadAnswer: Sendable, Equatable {
    enum Answer: Sendable, Equatable {
        case accepted(applied: [String], needsRestart: [String])
        case refused(problems: [String])
        case notRunning(String)
    }

    var daemon: String
    var answer: Answer
}
