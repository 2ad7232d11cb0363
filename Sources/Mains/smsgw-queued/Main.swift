import QueuedDaemon

@main extension QueuedCommand {}
