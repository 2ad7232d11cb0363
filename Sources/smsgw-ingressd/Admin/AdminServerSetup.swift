import GatewayCore
import GatewayDaemon
import GatewayIPC
import Logging

/// Builds the web page's listener (`[listeners.admin]`, docs/webpage.md): the login of the
/// configuration, the editor of the file ingressd was started with, the overview's store
/// reader and control-socket probe, and the reload of every daemon after a save.
enum AdminServerSetup {
    static func listener(configuration: GatewayConfiguration, file: String, reloader: ConfigurationReloader,
                         auth: AdminAuth, logger: Logger) async throws -> HTTPListener {
        let runtime = configuration.runtime.directory
        let reloads = DaemonReloads(runtimeDirectory: runtime, ingressd: reloader)
        for leftover in AtomicFileReplace.removeLeftovers(of: file) {
            logger.notice("web page: removed \(leftover), left by a save that did not finish")
        }
        let editor = ConfigurationEditor(path: file, boxName: configuration.box.name, reload: { await reloads.all() })
        let reader = try AdminStoreReader(path: configuration.store.path)
        let site = AdminSite(auth: auth, editor: editor, overview: {
            async let live = BoxStatusProbe.gather(socket: { "\(runtime)/\($0).sock" }, timeout: .seconds(3))
            var overview = AdminOverview(boxName: await editor.boxName, usesShippedPassword: await auth.usesShippedPassword,
                                         health: nil, escalations: [], storeProblem: nil, live: await live)
            do {
                (overview.health, overview.escalations) = try await reader.health(escalations: 10)
            } catch {
                overview.storeProblem = "\(error)"
            }
            return overview
        })
        let connection = HTTPConnection(router: AdminRoutes.router(site: site), metrics: HTTPMetrics(), logger: logger)
        let admin = configuration.listeners.admin.listener
        return try await HTTPListener.bind(host: admin.address, port: admin.port, connection: connection, logger: logger)
    }
}
