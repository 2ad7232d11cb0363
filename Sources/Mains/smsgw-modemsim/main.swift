import ModemSimulator

ModemSimCommand.main()
