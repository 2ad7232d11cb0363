import ArgumentParser
import GatewayCore
import GatewayDaemon
import GatewayIPC
import Logging
import Metrics
import ServiceLifecycle
import SystemBridge
import Webhooks

/// `smsgw-ingressd`: upstream ingress (docs/ingressd.md). Its story: load the configuration,
/// open the store, bind the SMPP, HTTP and web page listeners, notify READY, serve until SIGTERM. Each durable
/// group commit wakes smsgw-queued with one datagram; queued's DLRs and modemd's inbound
/// messages wake the upstream outbox through `ingressd.wake` the same way.
public struct IngressdCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "smsgw-ingressd",
        abstract: "Accept messages from upstream platforms (SMPP 3.4, HTTP) durably and wake the queue.")

    public init() {}

    @OptionGroup var options: DaemonOptions

    @Option(name: .long, help: "Seconds between the upstream outbox's safety-net sweeps (its work arrives as wake-ups from queued and modemd, and as binds).")
    var outboxSweep: Int = 1

    public func validate() throws {
        guard outboxSweep > 0 else { throw ValidationError("--outbox-sweep must be positive") }
    }

    public func run() async throws {
        let logger = options.bootstrapLogging(label: "smsgw.ingressd")
        let metrics = PrometheusMetricsFactory()
        MetricsSystem.bootstrap(metrics)
        let configuration = try options.loadConfiguration()
        let assemblyTimeout = configuration.listeners.smppTimers.assemblyTimeout
        // The box's clocks, handed to the loops below that read the time or wait.
        let clock = SystemClock()
        let store = try IngressStore(path: configuration.store.path, assemblyTimeout: assemblyTimeout, now: clock.now())
        let wakePath = "\(configuration.runtime.directory)/queued.wake"
        let statusLine = StatusLine()
        let committer = GroupCommitter(logger: logger, heartbeat: DaemonHeartbeat.make(logger: logger), statusLine: statusLine,
                                       commit: { batch in try await store.accept(batch, now: clock.now()) },
                                       afterCommit: { _ in _ = Wakeup.send(to: wakePath) })
        let canceller = QueuedCanceller(path: "\(configuration.runtime.directory)/queued.sock")
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        // The way back upstream: the outbox dispatcher, its routes, woken by queued and by binds.
        let (binds, bindSink) = AsyncStream.makeStream(of: String.self)
        let receivers = ReceiverRegistry(onBind: { bindSink.yield($0) })
        let outboxStore = try OutboxStore(path: configuration.store.path, now: clock.now())
        let forwarder = InboundForwarder(store: outboxStore, settings: configuration.inbound,
                                         accounts: Set(configuration.accounts.filter(\.enabled).map(\.id)), logger: logger)
        // Routes in order, first match wins: the message's Kannel dlr-url, the account's webhook,
        // its bound SMPP receivers; none → held until a receiver binds.
        // Every part reads the accounts from one book, which a reload replaces.
        let accounts = AccountBook(accounts: configuration.accounts)
        let httpClient = HTTPCallClient(userAgent: ProductVersion.userAgent)
        let callbacks = WebhookChannel(client: httpClient)
        let routes = [
            KannelCallbackChannel(http: callbacks, store: outboxStore, accounts: accounts).route(),
            WebhookUpstreamChannel(http: callbacks, accounts: accounts).route(),
            SMPPDeliverChannel(receivers: receivers).route(),
        ]
        let dispatcher = OutboxDispatcher(store: outboxStore, routes: routes,
                                          forwarder: forwarder, settings: configuration.delivery,
                                          accounts: Set(configuration.accounts.map(\.id)), binds: binds,
                                          sweepInterval: .seconds(outboxSweep), clock: clock, logger: logger)
        let wakes = try await WakeupReceiver.bind(path: "\(configuration.runtime.directory)/ingressd.wake")
        services.append(.init(service: HTTPCallClientService(client: httpClient)))  // stops after the dispatcher
        services.append(.init(service: dispatcher))
        // queued sends a wake-up after it queues a DLR, modemd one after it stores a complete
        // inbound message: the outbox dispatcher looks at once.
        services.append(.init(service: WakeupForwarder(receiver: wakes) { dispatcher.poke() }))
        let upstream = SessionServices(accounts: accounts, receivers: receivers,
                                       throughput: ThroughputLimiter(accounts: configuration.accounts),
                                       bindGuard: BindFailureGuard(), timers: configuration.listeners.smppTimers)
        let authenticator = BindAuthenticator(book: accounts)
        let smpp = configuration.listeners.smpp
        if smpp.enabled {
            let requests = MessageRequests(store: store, canceller: canceller,
                                           wake: { _ = Wakeup.send(to: wakePath) })
            let session = SMPPSession(authenticator: authenticator, committer: committer,
                                      translator: SubmitTranslator(), requests: requests, upstream: upstream, logger: logger)
            let listener = try await SMPPListener.bind(host: smpp.address, port: smpp.port, session: session, logger: logger)
            services.append(.init(service: listener))
            logger.notice("ingressd ready: SMPP on \(smpp.address):\(listener.port)")
        }
        // Accounts, [delivery], [inbound] and the web page's login are live; listeners and the store stay as opened.
        let adminAuth = AdminAuth(admin: configuration.listeners.admin)
        let live = IngressReload(accounts: accounts, authenticator: authenticator, throughput: upstream.throughput,
                                 dispatcher: dispatcher, admin: adminAuth, logger: logger)
        let reloader = ConfigurationReloader(daemon: "ingressd", file: options.config, startup: configuration,
                                             policy: .ingressd, logger: logger, apply: live.apply)
        let http = configuration.listeners.http
        if http.enabled {
            let listener = try await HTTPServerSetup.listener(
                configuration: configuration, accounts: accounts, committer: committer, limiter: upstream.throughput,
                canceller: canceller, metrics: metrics, logger: logger)
            services.append(.init(service: listener))
            logger.notice("ingressd ready: HTTP on \(http.address):\(listener.port)")
        }
        let admin = configuration.listeners.admin.listener
        if admin.enabled {
            let listener = try await AdminServerSetup.listener(configuration: configuration, file: options.config,
                                                               reloader: reloader, auth: adminAuth, logger: logger)
            services.append(.init(service: listener))
            logger.notice("ingressd ready: web page on http://\(admin.address):\(listener.port)")
        }
        services.append(.init(service: try await IngressControl.bind(configuration: configuration, committer: committer, outbox: outboxStore,
                                                                    reloader: reloader, logger: logger)))
        services.append(.init(service: AssemblySweeper(store: store, timeout: assemblyTimeout, clock: clock, logger: logger)))
        // Turns the idle group-commit loop once a second, so its heartbeat beats while no submit
        // arrives; the beat itself comes from the loop's turn.
        services.append(.init(service: Ticker(every: .seconds(1)) { await committer.tick() }))
        services.append(.init(service: await ReloadService(reloader: reloader)))
        // The committer last: it stops after the listeners (reverse order) and answers what is left.
        services.insert(.init(service: committer), at: 0)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        ServiceNotifier().ready(status: "accepting")
        statusLine.update("accepting")
        try await group.run()
    }
}
