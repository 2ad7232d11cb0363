/// The web page's routes on `[listeners.admin]` (docs/webpage.md).
enum AdminRoutes {
    static func router(site: AdminSite) -> HTTPRouter {
        // A page that does not exist is a page too, not the API's JSON error.
        var router = HTTPRouter(miss: { status, message in
            let body = "<h1>Not here</h1>" + AdminLayout.banner("error", HTMLEscape.text(message))
                + "<p><a href=\"/\">Overview</a></p>"
            return AdminResponses.html(AdminLayout.page(title: "Not here", box: "smsgw", csrf: nil, body: body), status: status)
        })
        router.add(.GET, "/login") { request, _ in await site.loginForm(request) }
        router.add(.POST, "/login") { request, _ in await site.logIn(request) }
        router.add(.POST, "/logout") { request, _ in await site.logOut(request) }
        router.add(.GET, "/") { request, _ in await site.home(request) }
        router.add(.GET, "/config") { request, _ in await site.configuration(request) }
        router.add(.POST, "/config") { request, _ in await site.saveConfiguration(request) }
        router.add(.GET, "/password") { request, _ in await site.passwordForm(request) }
        router.add(.POST, "/password") { request, _ in await site.changePassword(request) }
        return router
    }
}
