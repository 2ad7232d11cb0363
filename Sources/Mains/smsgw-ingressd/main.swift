import IngressdDaemon

await IngressdCommand.main()
