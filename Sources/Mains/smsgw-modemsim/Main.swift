import ModemSimulator

@main extension ModemSimCommand {}
