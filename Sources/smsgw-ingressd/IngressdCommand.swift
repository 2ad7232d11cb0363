import ArgumentParser
import GatewayCore
import GatewayIPC
import Logging
import ServiceLifecycle
import SystemBridge

/// `smsgw-ingressd`: upstream ingress (docs/ingressd.md). Its story: load the configuration,
/// open the store, bind the SMPP listener, notify READY, serve until SIGTERM. Each durable
/// group commit wakes smsgw-queued with one datagram.
@main
struct IngressdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smsgw-ingressd",
        abstract: "Accept messages from upstream platforms (SMPP 3.4) durably and wake the queue.")

    @Option(name: .long, help: "The gateway configuration file.")
    var config: String = "/etc/smsgw/gateway.toml"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \"\(logLevel)\"") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "smsgw.ingressd")
        let configuration: GatewayConfiguration
        do { configuration = try ConfigurationLoader.load(file: config) } catch {
            throw ValidationError(error.description)
        }
        let store = try IngressStore(path: configuration.store.path)
        let wakePath = "\(configuration.runtime.directory)/queued.wake"
        let committer = GroupCommitter(logger: logger, commit: { batch in try await store.accept(batch) },
                                       afterCommit: { _ in _ = Wakeup.send(to: wakePath) })
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        let smpp = configuration.listeners.smpp
        if smpp.enabled {
            let session = SMPPSession(authenticator: BindAuthenticator(accounts: configuration.accounts), committer: committer,
                                      translator: SubmitTranslator(), window: 100, logger: logger)
            let listener = try await SMPPListener.bind(host: smpp.address, port: smpp.port, session: session, logger: logger)
            services.append(.init(service: listener))
            logger.notice("ingressd ready: SMPP on \(smpp.address):\(listener.port)")
        }
        // The committer last: it stops after the listeners (reverse order) and answers what is left.
        services.insert(.init(service: committer), at: 0)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        ServiceNotifier().ready(status: "accepting")
        try await group.run()
    }
}
