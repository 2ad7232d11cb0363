/// `GET /password` and the answer to `POST /password`: the new password twice.
enum AdminPasswordPage {
    static func html(box: String, csrf: String, message: String?) -> String {
        var body = message ?? ""
        body += """
            <p>At least \(AdminPasswordRule.minimumLength) characters. It is stored hashed (yescrypt) in the
            configuration file; other logged-in browsers are logged out.</p>
            <form method="post" action="/password">\(AdminLayout.field(csrf: csrf))
            <label>New password <input type="password" name="new" autocomplete="new-password" required></label>
            <label>Again <input type="password" name="again" autocomplete="new-password" required></label>
            <button>Change password</button></form>
            """
        return AdminLayout.page(title: "Password", box: box, csrf: csrf, body: body)
    }
}

/// What a new admin password must be: the same twice, long enough, not the shipped one.
enum AdminPasswordRule {
    static let minimumLength = 8

    /// Why `new`/`again` cannot be the new password; nil when they can.
    static func problem(new: String, again: String) -> String? {
        if new != again { return "The two passwords differ." }
        if new.count < minimumLength { return "The password is shorter than \(minimumLength) characters." }
        if new == AdminAuth.shippedPassword { return "That is the shipped password." }
        return nil
    }
}
