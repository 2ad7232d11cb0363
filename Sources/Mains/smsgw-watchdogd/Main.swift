import WatchdogdDaemon

@main extension WatchdogdCommand {}
