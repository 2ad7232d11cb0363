/// Listener ports and watchdog timings that contradict each other.
extension ConfigurationDecoder {
    /// Two enabled listeners cannot share a port on overlapping addresses.
    mutating func checkListeners(_ listeners: ListenerSettings) {
        let named = [("smpp", listeners.smpp), ("http", listeners.http), ("admin", listeners.admin.listener)]
        for (laterIndex, later) in named.enumerated() where later.1.enabled {
            for earlier in named[..<laterIndex] where earlier.1.enabled && earlier.1.port == later.1.port {
                let overlap = earlier.1.address == later.1.address
                    || IPAddressText.isWildcard(earlier.1.address) || IPAddressText.isWildcard(later.1.address)
                guard overlap else { continue }
                log.report(.duplicate("port \(later.1.port) is already used by listeners.\(earlier.0)",
                                      firstAt: log.position(of: "listeners.\(earlier.0).port")),
                           at: log.position(of: "listeners.\(later.0).port"), key: "listeners.\(later.0).port")
            }
        }
    }

    /// Each interval must be shorter than the timeout it feeds, and the hardware watchdog must
    /// outlast the time it takes to notice a sick daemon.
    mutating func checkWatchdog(_ watchdog: WatchdogSettings) {
        func require(_ shorter: Duration, _ shorterKey: String, below longer: Duration, _ longerKey: String) {
            guard shorter >= longer else { return }
            log.report(.conflict("must be shorter than watchdog.\(longerKey) (\(DurationText.format(longer)))"),
                       at: log.position(of: "watchdog.\(shorterKey)"), key: "watchdog.\(shorterKey)")
        }
        require(watchdog.healthInterval, "health_interval", below: watchdog.healthTimeout, "health_timeout")
        require(watchdog.modemPollInterval, "modem_poll_interval", below: watchdog.modemHangTimeout, "modem_hang_timeout")
        if watchdog.hardwareEnabled {
            require(watchdog.hardwarePingInterval, "hardware_ping_interval", below: watchdog.hardwareTimeout, "hardware_timeout")
            require(watchdog.healthTimeout, "health_timeout", below: watchdog.hardwareTimeout, "hardware_timeout")
        }
    }
}
