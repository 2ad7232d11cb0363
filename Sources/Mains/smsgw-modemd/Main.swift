import ModemdDaemon

@main extension ModemdCommand {}
