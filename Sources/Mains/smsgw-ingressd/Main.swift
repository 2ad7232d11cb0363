import IngressdDaemon

@main extension IngressdCommand {}
