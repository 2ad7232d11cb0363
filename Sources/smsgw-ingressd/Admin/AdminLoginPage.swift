/// `GET /login`: the form (with its token, see `AdminCookie`); after a wrong user or password,
/// the same form saying so.
enum AdminLoginPage {
    static func html(box: String, csrf: String, problem: String?) -> String {
        var body = ""
        if let problem { body += AdminLayout.banner("error", HTMLEscape.text(problem)) }
        body += """
            <form method="post" action="/login">\(AdminLayout.field(csrf: csrf))
            <label>User <input type="text" name="user" autocomplete="username" required></label>
            <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
            <button>Log in</button></form>
            """
        return AdminLayout.page(title: "Log in", box: box, csrf: nil, body: body)
    }
}
