import GatewayCore

/// Listener ports and watchdog timings that contradict each other. A clash is reported at the
/// key the file wrote (of two, the later), since a default has no line to point at.
extension ConfigurationDecoder {
    /// Two enabled listeners cannot share a port on overlapping addresses.
    mutating func checkListeners(_ named: [(name: String, listener: Listener)]) {
        for (laterIndex, later) in named.enumerated() where later.listener.enabled {
            for earlier in named[..<laterIndex] where earlier.listener.enabled && earlier.listener.port == later.listener.port {
                let overlap = earlier.listener.address == later.listener.address
                    || IPAddressText.isWildcard(earlier.listener.address) || IPAddressText.isWildcard(later.listener.address)
                guard overlap else { continue }
                let laterKey = "listeners.\(later.name).port"
                let earlierKey = "listeners.\(earlier.name).port"
                if log.position(of: laterKey) == nil, log.position(of: earlierKey) != nil {
                    log.report(.conflict("port \(earlier.listener.port) is also used by listeners.\(later.name)"), key: earlierKey)
                } else {
                    log.report(.duplicate("port \(later.listener.port) is already used by listeners.\(earlier.name)",
                                          firstAt: log.position(of: earlierKey)), key: laterKey)
                }
            }
        }
    }

    /// Each interval must be shorter than the timeout it feeds, and the hardware watchdog must
    /// outlast the time it takes to notice a sick daemon.
    mutating func checkWatchdog(_ watchdog: WatchdogSettings) {
        func require(_ shorter: Duration, _ shorterKey: String, below longer: Duration, _ longerKey: String) {
            guard shorter >= longer else { return }
            let shorterPath = "watchdog.\(shorterKey)", longerPath = "watchdog.\(longerKey)"
            if log.position(of: shorterPath) == nil, log.position(of: longerPath) != nil {
                log.report(.conflict("must be longer than \(shorterPath) (\(DurationText.format(shorter)))"), key: longerPath)
            } else {
                log.report(.conflict("must be shorter than \(longerPath) (\(DurationText.format(longer)))"), key: shorterPath)
            }
        }
        require(watchdog.healthInterval, "health_interval", below: watchdog.healthTimeout, "health_timeout")
        require(watchdog.modemPollInterval, "modem_poll_interval", below: watchdog.modemHangTimeout, "modem_hang_timeout")
        if watchdog.hardwareEnabled {
            require(watchdog.hardwarePingInterval, "hardware_ping_interval", below: watchdog.hardwareTimeout, "hardware_timeout")
            require(watchdog.healthTimeout, "health_timeout", below: watchdog.hardwareTimeout, "hardware_timeout")
        }
    }
}
