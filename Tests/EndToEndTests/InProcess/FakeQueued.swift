import GatewayIPC

/// smsgw-queued as simd's loop sees it (`IPCPeer`), in process: it pauses and resumes modems
/// and SIMs when asked, and its `status` says which are paused, with nothing in flight (so a
/// switch or a balance check finds the modem drained at once). Every request is kept, in order.
actor FakeQueued: IPCPeer {
    typealias P = QueuedProtocol

    private(set) var pausedModems: Set<String> = []
    private(set) var pausedSIMs: Set<String> = []
    private(set) var requests: [QueuedProtocol.Request] = []

    var isConnected: Bool { true }

    func call(_ request: QueuedProtocol.Request, timeout: Duration) async -> Result<QueuedProtocol.Response, IPCError> {
        requests.append(request)
        switch request {
        case .pauseModem(let modem): pausedModems.insert(modem)
        case .resumeModem(let modem): pausedModems.remove(modem)
        case .pauseSIM(let iccid): pausedSIMs.insert(iccid)
        case .resumeSIM(let iccid): pausedSIMs.remove(iccid)
        case .status:
            return .success(.status(QueueStatus(depth: [:], inFlight: [:], readyModems: [], oldestWaitingMilliseconds: nil,
                                                pausedModems: pausedModems.sorted(), pausedSIMs: pausedSIMs.sorted(),
                                                modemdConnected: true, counters: [:])))
        case .wake, .cancel, .health, .recover, .reload:
            return .failure(IPCError(.refused, "not played by the fake queued"))
        }
        return .success(.paused(modems: pausedModems.sorted(), sims: pausedSIMs.sorted()))
    }
}
