/// The frame of every page: a title, a little inline CSS that reads on a phone (one column,
/// wide tables scroll), the navigation with a logout form, then the page's own HTML (already
/// escaped by its builder). No JavaScript.
enum AdminLayout {
    static func page(title: String, box: String, csrf: String?, refreshSeconds: Int? = nil, body: String) -> String {
        var head = "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        if let refreshSeconds { head += "<meta http-equiv=\"refresh\" content=\"\(refreshSeconds)\">" }
        var navigation = ""
        if let csrf {
            navigation = """
                <nav><a href="/">Overview</a> <a href="/config">Configuration</a> <a href="/password">Password</a>
                <form method="post" action="/logout" class="inline">\(field(csrf: csrf))<button>Log out</button></form></nav>
                """
        }
        return """
            <!doctype html>
            <html lang="en"><head>\(head)<title>\(HTMLEscape.text(title)) · \(HTMLEscape.text(box))</title>
            <style>\(css)</style></head>
            <body><header><strong>\(HTMLEscape.text(box))</strong> · smsgw</header>\(navigation)
            <main><h1>\(HTMLEscape.text(title))</h1>
            \(body)
            </main></body></html>

            """
    }

    /// The hidden CSRF field every POST form carries.
    static func field(csrf: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTMLEscape.text(csrf))\">"
    }

    /// A paragraph in a coloured box: `warning` (the shipped password), `error`, `ok`.
    static func banner(_ kind: String, _ html: String) -> String {
        "<p class=\"banner \(kind)\">\(html)</p>"
    }

    static let css = """
        body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
        header{background:#234;color:#fff;padding:.6em 1em}nav{padding:.5em 1em;background:#e8edf2}
        nav a{margin-right:1em}main{padding:0 1em 2em;max-width:60em}
        .inline{display:inline}table{border-collapse:collapse;display:block;overflow-x:auto;margin:.5em 0}
        td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;white-space:nowrap}
        .banner{padding:.7em;border-radius:4px}.warning{background:#fff3cd;border:1px solid #e0c060}
        .error{background:#f8d7da;border:1px solid #d08088}.ok{background:#d4edda;border:1px solid #80b890}
        textarea{width:100%;min-height:28em;font-family:monospace;font-size:.9em}
        input[type=text],input[type=password]{width:100%;max-width:20em;padding:.3em}
        label{display:block;margin:.6em 0}button{padding:.4em 1em;margin-top:.5em}
        """
}
