#if canImport(Glibc)
import Glibc
#endif

/// A started child: its process id and the read end of the pipe its stdout and stderr share.
struct ChildProcess: Sendable {
    var pid: pid_t
    var output: Int32

    /// Spawns `spec` as systemd would start its unit: standard input from /dev/null, standard
    /// output and error into one pipe, default signal dispositions and an empty signal mask,
    /// its own process group (a terminal's Ctrl-C reaches `up` only, which then stops the
    /// children in order), `NOTIFY_SOCKET` and, with a watchdog, `WATCHDOG_USEC` and
    /// `WATCHDOG_PID` (sd_watchdog_enabled(3)). `WATCHDOG_PID` must be the child's own pid, known
    /// only after the fork: a `/bin/sh` exports `$$` and `exec`s the daemon (same pid).
    /// `SMSGW_PARENT_PID` names `up`, so the child dies with it (no orphans holding the ports).
    static func spawn(_ spec: ChildSpec, notifySocket: String, environment: [String]) throws(UpError) -> ChildProcess {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw UpError("\(spec.name): pipe: \(errnoText())") }
        // Both ends close on exec (the dup2 onto 1 and 2 in the child clears it there): no
        // other child inherits this pipe. `up` is one thread, so nothing spawns in between.
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var variables = environment.filter { entry in
            !["NOTIFY_SOCKET=", "WATCHDOG_USEC=", "WATCHDOG_PID=", "LISTEN_FDS=", "LISTEN_PID=", "SMSGW_PARENT_PID="]
                .contains { entry.hasPrefix($0) }
        }
        variables.append("NOTIFY_SOCKET=\(notifySocket)")
        // The child asks for SIGTERM when `up` dies, even by SIGKILL (SystemBridge.ParentDeath).
        variables.append("SMSGW_PARENT_PID=\(getpid())")
        var argv = [spec.executable] + spec.arguments
        if let watchdog = spec.watchdog {
            let micros = watchdog.components.seconds * 1_000_000 + watchdog.components.attoseconds / 1_000_000_000_000
            variables.append("WATCHDOG_USEC=\(micros)")
            argv = ["/bin/sh", "-c", "WATCHDOG_PID=$$; export WATCHDOG_PID; exec \"$0\" \"$@\""] + argv
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        var pid: pid_t = 0
        let result = withCStrings(argv) { argvPointers in
            withCStrings(variables) { environmentPointers in
                posix_spawn(&pid, argv[0], &actions, &attributes, argvPointers, environmentPointers)
            }
        }
        close(fds[1])
        guard result == 0 else {
            close(fds[0])
            throw UpError("cannot start \(spec.executable): \(String(cString: strerror(result)))")
        }
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        return ChildProcess(pid: pid, output: fds[0])
    }
}

/// The strings as a NULL-terminated `char *[]` for the duration of `body`.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { buffer in
        // Never nil: the array is not empty (it ends with its nil terminator).
        body(buffer.baseAddress!)
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }

/// Something `up` could not do: one line on standard error.
struct UpError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
