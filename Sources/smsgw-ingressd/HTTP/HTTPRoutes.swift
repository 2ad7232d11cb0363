import GatewayDaemon

/// The HTTP API's routes (docs/openapi.yaml is their contract; docs/ingressd.md, "HTTP API").
enum HTTPRoutes {
    static func router(context: APIContext, metrics: PrometheusMetricsFactory) -> HTTPRouter {
        let messages = MessagesAPI(context: context)
        let status = MessageStatusAPI(context: context)
        let inbound = InboundAPI(context: context)
        let kannel = KannelSendSMSAPI(context: context)
        let operations = OperationsAPI(reader: context.reader, metrics: metrics)
        var router = HTTPRouter()
        router.add(.POST, "/api/v1/messages") { request, _ in await messages.create(request) }
        router.add(.POST, "/api/v1/messages/batch") { request, _ in await messages.batch(request) }
        router.add(.GET, "/api/v1/messages/{id}") { request, parameters in await status.get(request, parameters) }
        router.add(.DELETE, "/api/v1/messages/{id}") { request, parameters in await status.cancel(request, parameters) }
        router.add(.GET, "/api/v1/inbound") { request, _ in await inbound.list(request) }
        router.add(.GET, "/api/v1/openapi.yaml") { _, _ in
            .text(OpenAPIDocument.yaml, contentType: "application/yaml")
        }
        router.add(.GET, "/cgi-bin/sendsms") { request, _ in await kannel.sendsms(request) }
        router.add(.POST, "/cgi-bin/sendsms") { request, _ in await kannel.sendsms(request) }
        router.add(.GET, "/healthz") { request, _ in await operations.health(request) }
        router.add(.GET, "/metrics") { request, _ in await operations.scrape(request) }
        return router
    }
}
