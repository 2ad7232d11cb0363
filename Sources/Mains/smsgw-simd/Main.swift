import SimdDaemon

@main extension SimdCommand {}
