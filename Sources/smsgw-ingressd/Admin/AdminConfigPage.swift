import GatewayCore

/// `GET /config` and the answer to `POST /config`: the file in a textarea, and above it what
/// the last save came to — every problem of a refused text (file:line:column, key, reason),
/// or each daemon's reload answer.
enum AdminConfigPage {
    static func html(box: String, file: String, text: String, csrf: String, outcome: ConfigurationSaveOutcome?) -> String {
        var body = outcome.map(AdminSaveReport.html) ?? ""
        body += """
            <p>The file <code>\(HTMLEscape.text(file))</code>. Saving checks it first: a file with problems is not written.</p>
            <form method="post" action="/config">\(AdminLayout.field(csrf: csrf))
            <textarea name="text" spellcheck="false" aria-label="configuration">\(HTMLEscape.text(text))</textarea>
            <button>Check and save</button></form>
            """
        return AdminLayout.page(title: "Configuration", box: box, csrf: csrf, body: body)
    }
}

/// A save's outcome as HTML, shared by the configuration and password pages.
enum AdminSaveReport {
    static func html(_ outcome: ConfigurationSaveOutcome) -> String {
        switch outcome {
        case .refused(let problems):
            let items = problems.map { problem in
                var place = problem.file
                if let position = problem.position { place += ":\(position.line):\(position.column)" }
                let key = problem.keyPath.isEmpty ? "" : " <code>\(HTMLEscape.text(problem.keyPath))</code>"
                return "<li>\(HTMLEscape.text(place))\(key): \(HTMLEscape.text(problem.reason.description))</li>"
            }.joined()
            return AdminLayout.banner("error", "Not saved: \(problems.count) problem(s); the file is unchanged.")
                + "<ul class=\"problems\">\(items)</ul>"
        case .unwritable(let reason):
            return AdminLayout.banner("error", "Not saved: the file could not be written (\(HTMLEscape.text(reason))); it is unchanged.")
        case .saved(_, let answers):
            let rows = answers.map { answer -> String in
                let text: String
                switch answer.answer {
                case .accepted(let applied, let restart):
                    text = "reloaded; applied: " + (applied.isEmpty ? "nothing changed live" : applied.joined(separator: ", "))
                        + (restart.isEmpty ? "" : "; after a restart: " + restart.joined(separator: ", "))
                case .refused(let problems):
                    text = "refused: " + problems.joined(separator: "; ")
                case .notRunning(let why):
                    text = "not running (\(why))"
                }
                return "<tr><td>\(HTMLEscape.text(answer.daemon))</td><td>\(HTMLEscape.text(text))</td></tr>"
            }.joined()
            return AdminLayout.banner("ok", "Saved. Each daemon was asked to reload:")
                + "<table class=\"reload\"><tr><th>daemon</th><th>answer</th></tr>\(rows)</table>"
        }
    }
}
