// Python's tomllib (the standard library's TOML 1.0 reader, /usr/bin/python3 3.11) run as a
// child process over a whole corpus at once: for each document, its tagged tree or its error.
import Foundation
import Testing

enum TOMLLibOracle {
    static let python = "/usr/bin/python3"

    struct Verdict: Decodable {
        var ok: TOMLTagged?
        var error: String?
    }

    private static let script = #"""
    import datetime, json, math, struct, sys, tomllib

    def tag(v):
        if isinstance(v, bool):
            return {"type": "bool", "value": "true" if v else "false"}
        if isinstance(v, int):
            return {"type": "integer", "value": str(v)}
        if isinstance(v, float):
            return {"type": "float", "value": "nan" if math.isnan(v) else struct.pack(">d", v).hex()}
        if isinstance(v, str):
            return {"type": "string", "value": v}
        if isinstance(v, datetime.datetime):
            text = "%04d-%02d-%02dT%02d:%02d:%02d.%06d" % (v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond)
            if v.tzinfo is None:
                return {"type": "datetime-local", "value": text}
            minutes = int(v.utcoffset().total_seconds()) // 60
            sign = "-" if minutes < 0 else "+"
            return {"type": "datetime", "value": text + "%s%02d:%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)}
        if isinstance(v, datetime.date):
            return {"type": "date-local", "value": "%04d-%02d-%02d" % (v.year, v.month, v.day)}
        if isinstance(v, datetime.time):
            return {"type": "time-local", "value": "%02d:%02d:%02d.%06d" % (v.hour, v.minute, v.second, v.microsecond)}
        if isinstance(v, list):
            return {"array": [tag(x) for x in v]}
        if isinstance(v, dict):
            return {"table": [[k, tag(x)] for k, x in v.items()]}
        raise TypeError(type(v))

    with open(sys.argv[1], encoding="utf-8") as f:
        documents = json.load(f)
    verdicts = []
    for document in documents:
        try:
            verdicts.append({"ok": tag(tomllib.loads(document))})
        except tomllib.TOMLDecodeError as e:
            verdicts.append({"error": str(e)})
    json.dump(verdicts, sys.stdout)
    """#

    /// tomllib's verdict on each document, in order. Fails (never skips) when Python 3.11
    /// is missing.
    static func verdicts(_ documents: [String]) throws -> [Verdict] {
        try #require(FileManager.default.isExecutableFile(atPath: python), "\(python) is required for the tomllib oracle")
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("toml-oracle-\(UUID().uuidString).json")
        try JSONEncoder().encode(documents).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, input.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "tomllib oracle failed: \(errorText)")
        return try JSONDecoder().decode([Verdict].self, from: data)
    }
}
