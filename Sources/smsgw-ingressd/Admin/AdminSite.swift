import GatewayCore
import NIOHTTP1
import GatewayConfig

/// The web page's handlers (docs/webpage.md). Every page but the login form needs a live
/// session; every POST of a session carries its CSRF token in the `csrf` field, compared in
/// constant time, and the login POST the token of its form (`AdminCookie`); anything else is
/// refused with 403 and changes nothing.
struct AdminSite: Sendable {
    let auth: AdminAuth
    let editor: ConfigurationEditor
    /// The overview's data (store reads and control-socket calls).
    let overview: @Sendable () async -> AdminOverview

    /// A logged-in request: its session token and CSRF token.
    struct Session: Sendable {
        var token: String
        var csrf: String
        var form: FormFields
    }

    func loginForm(_ request: HTTPRequest) async -> HTTPResponse {
        if let token = AdminCookie.token(in: request.headers), await auth.session(token: token) != nil {
            return AdminResponses.redirect(to: "/")
        }
        return await loginPage(problem: nil, status: .ok)
    }

    /// The login form with a fresh token in the form and in the `smsgw_login` cookie.
    private func loginPage(problem: String?, status: HTTPResponseStatus) async -> HTTPResponse {
        let token = SessionToken.make()
        return AdminResponses.html(AdminLoginPage.html(box: await editor.boxName, csrf: token, problem: problem),
                                   status: status, cookie: AdminCookie.setLogin(token))
    }

    func logIn(_ request: HTTPRequest) async -> HTTPResponse {
        let form = FormFields(parsing: request.body)
        guard let cookie = AdminCookie.value(of: AdminCookie.loginName, in: request.headers), let sent = form.first("csrf"),
              ConstantTime.equal(Array(sent.utf8), Array(cookie.utf8)) else {
            return await loginPage(problem: "The login form was stale or came from elsewhere; log in again.", status: .forbidden)
        }
        guard let opened = await auth.logIn(user: form.first("user") ?? "", password: form.first("password") ?? "",
                                            from: request.peer ?? "unknown") else {
            return await loginPage(problem: "Wrong user or password.", status: .unauthorized)
        }
        return AdminResponses.redirect(to: "/", cookie: AdminCookie.set(opened.token))
    }

    func logOut(_ request: HTTPRequest) async -> HTTPResponse {
        await authenticated(request) { session in
            await auth.logOut(token: session.token)
            return AdminResponses.redirect(to: "/login", cookie: AdminCookie.cleared)
        }
    }

    func home(_ request: HTTPRequest) async -> HTTPResponse {
        await authenticated(request) { session in
            AdminResponses.html(AdminOverviewPage.html(await overview(), csrf: session.csrf))
        }
    }

    func configuration(_ request: HTTPRequest) async -> HTTPResponse {
        await authenticated(request) { session in
            let text: String
            do { text = try await editor.currentText() } catch {
                return AdminResponses.html(AdminLayout.page(
                    title: "Configuration", box: await editor.boxName, csrf: session.csrf,
                    body: AdminLayout.banner("error", "Cannot read \(HTMLEscape.text(editor.path)): \(HTMLEscape.text("\(error)"))")),
                    status: .internalServerError)
            }
            return AdminResponses.html(AdminConfigPage.html(box: await editor.boxName, file: editor.path, text: text,
                                                           csrf: session.csrf, outcome: nil))
        }
    }

    func saveConfiguration(_ request: HTTPRequest) async -> HTTPResponse {
        await authenticated(request) { session in
            let text = ConfigurationEditor.fileText(fromForm: session.form.first("text") ?? "")
            let outcome = await editor.save(text) { configuration in
                await auth.take(configuration.listeners.admin, keeping: session.token)
            }
            let status: HTTPResponseStatus = if case .saved = outcome { .ok } else { .unprocessableEntity }
            // A refused text is shown again as sent, so the operator can fix it.
            return AdminResponses.html(AdminConfigPage.html(box: await editor.boxName, file: editor.path, text: text,
                                                           csrf: session.csrf, outcome: outcome), status: status)
        }
    }

    func passwordForm(_ request: HTTPRequest) async -> HTTPResponse {
        await authenticated(request) { session in
            AdminResponses.html(AdminPasswordPage.html(box: await editor.boxName, csrf: session.csrf, message: nil))
        }
    }

    func changePassword(_ request: HTTPRequest) async -> HTTPResponse {
        await authenticated(request) { session in
            let new = session.form.first("new") ?? ""
            let box = await editor.boxName
            if let problem = AdminPasswordRule.problem(new: new, again: session.form.first("again") ?? "") {
                return AdminResponses.html(AdminPasswordPage.html(box: box, csrf: session.csrf,
                                                                 message: AdminLayout.banner("error", HTMLEscape.text(problem))),
                                           status: .unprocessableEntity)
            }
            let outcome: ConfigurationSaveOutcome
            do {
                outcome = await editor.changeAdminPassword(to: try PasswordHash.make(password: new)) { configuration in
                    await auth.take(configuration.listeners.admin, keeping: session.token)
                }
            } catch {
                outcome = .unwritable("\(error)")
            }
            guard case .saved = outcome else {
                return AdminResponses.html(AdminPasswordPage.html(box: box, csrf: session.csrf, message: AdminSaveReport.html(outcome)),
                                           status: .unprocessableEntity)
            }
            let message = AdminLayout.banner("ok", "The password is changed. It works at once; other "
                + "browsers are logged out.") + AdminSaveReport.html(outcome)
            return AdminResponses.html(AdminPasswordPage.html(box: box, csrf: session.csrf, message: message))
        }
    }

    /// Runs `body` for a live session whose POST carries its CSRF token; otherwise the login
    /// page (no session) or 403 (no or a wrong token).
    private func authenticated(_ request: HTTPRequest, _ body: (Session) async -> HTTPResponse) async -> HTTPResponse {
        guard let token = AdminCookie.token(in: request.headers), let csrf = await auth.session(token: token) else {
            return request.method == .GET ? AdminResponses.redirect(to: "/login")
                : AdminResponses.html(AdminLayout.page(title: "Logged out", box: await editor.boxName, csrf: nil,
                                                       body: "<p>Your session ended. <a href=\"/login\">Log in</a> again.</p>"),
                                      status: .unauthorized)
        }
        let form = request.method == .POST ? FormFields(parsing: request.body) : FormFields()
        if request.method == .POST {
            guard let sent = form.first("csrf"), ConstantTime.equal(Array(sent.utf8), Array(csrf.utf8)) else {
                return AdminResponses.html(AdminLayout.page(
                    title: "Refused", box: await editor.boxName, csrf: csrf,
                    body: "<p>The form did not carry this session's token (an old page, or another site's form); nothing changed.</p>"),
                    status: .forbidden)
            }
        }
        return await body(Session(token: token, csrf: csrf, form: form))
    }
}
