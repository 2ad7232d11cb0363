/// `GET /login`: the form; after a wrong user or password, the same form saying so.
enum AdminLoginPage {
    static func html(box: String, failed: Bool) -> String {
        var body = ""
        if failed { body += AdminLayout.banner("error", "Wrong user or password.") }
        body += """
            <form method="post" action="/login">
            <label>User <input type="text" name="user" autocomplete="username" required></label>
            <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
            <button>Log in</button></form>
            """
        return AdminLayout.page(title: "Log in", box: box, csrf: nil, body: body)
    }
}
