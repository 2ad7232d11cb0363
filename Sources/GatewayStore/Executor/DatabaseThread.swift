#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A serial executor with one thread of its own, for an actor that calls SQLite.
///
/// Every SQLite call blocks its thread: a commit with `synchronous=FULL` waits for fsync (a
/// few hundred microseconds on an SSD, tens of milliseconds on an SD card), a busy writer lock
/// sleeps up to the busy timeout. Swift's cooperative pool has one thread per core — two on
/// this box — so a store actor running there would stall every unrelated task of its daemon
/// (SMPP sessions, modem sessions, the watchdog loop) for as long as its disk takes. An actor
/// that owns a connection runs on a `DatabaseThread` instead:
///
///     actor IngressStore {
///         private let thread = DatabaseThread(name: "ingress-store")
///         nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
///     }
///
/// Its jobs run one at a time, in order, on that thread; awaiting the actor from the pool
/// suspends the caller instead of blocking a pool thread. The thread ends when the executor is
/// released (after the jobs already queued).
public final class DatabaseThread: SerialExecutor, Sendable {
    private let queue: JobQueue

    /// Starts the thread. `name` shows in `top -H` and `/proc/<pid>/task/*/comm` (cut to 15
    /// bytes). Throws when the system refuses a thread (out of threads or memory).
    public init(name: String) throws(DatabaseThreadError) {
        queue = JobQueue()
        let queue = self.queue
        let body = Unmanaged.passRetained(ThreadBody(name: name) { queue.runUntilStopped() })
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            let body = Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue()
            body.run()
            return nil
        }, body.toOpaque())
        guard created == 0 else {
            body.release()
            throw DatabaseThreadError(name: name, code: created)
        }
        pthread_detach(thread)
    }

    deinit { queue.stop() }

    public func enqueue(_ job: consuming ExecutorJob) {
        queue.push(UnownedJob(job), on: asUnownedSerialExecutor())
    }

    /// Jobs queued and not yet started (a diagnostic; tests wait on it).
    public var waitingJobCount: Int { queue.count }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}

/// The system refused a thread for a store actor.
public struct DatabaseThreadError: Error, CustomStringConvertible {
    public let name: String
    public let code: Int32

    public var description: String {
        "cannot start the store thread \(name): \(String(cString: strerror(code)))"
    }
}

/// What the thread runs: its name, then the queue's loop.
private final class ThreadBody {
    let name: String
    let work: () -> Void

    init(name: String, work: @escaping () -> Void) {
        self.name = name
        self.work = work
    }

    func run() {
        nameThisThread()
        work()
    }

    /// What pthread_setname_np does (glibc declares it only for _GNU_SOURCE, which Swift's Glibc
    /// module does not set): write the name to this thread's `comm`. Best effort: a thread
    /// without a name works the same.
    private func nameThisThread() {
        let descriptor = open("/proc/thread-self/comm", O_WRONLY)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}

/// The jobs waiting for the thread. A mutex guards the list; a POSIX semaphore counts what
/// the thread may take (one post per job, one for the stop).
private final class JobQueue: Sendable {
    private struct State: ~Copyable {
        var jobs: [(job: UnownedJob, executor: UnownedSerialExecutor)] = []
        var stopped = false
    }

    private let state = Mutex(State())
    private let available = Semaphore()

    func push(_ job: UnownedJob, on executor: UnownedSerialExecutor) {
        state.withLock { $0.jobs.append((job, executor)) }
        available.post()
    }

    var count: Int { state.withLock { $0.jobs.count } }

    func stop() {
        state.withLock { $0.stopped = true }
        available.post()
    }

    func runUntilStopped() {
        while true {
            available.wait()
            let next = state.withLock { state -> (job: UnownedJob, executor: UnownedSerialExecutor)?? in
                if !state.jobs.isEmpty { return state.jobs.removeFirst() }
                return state.stopped ? .some(nil) : nil
            }
            switch next {
            case .some(.some(let entry)): entry.job.runSynchronously(on: entry.executor)
            case .some(.none): return  // stopped, nothing left
            case .none: continue
            }
        }
    }
}

/// An unnamed POSIX semaphore (sem_init(3)), heap-allocated so its address never moves.
private final class Semaphore: Sendable {
    // Safe to share between threads: sem_wait and sem_post are the synchronisation; the
    // pointer itself never changes after init.
    private nonisolated(unsafe) let handle: UnsafeMutablePointer<sem_t>

    init() {
        handle = .allocate(capacity: 1)
        sem_init(handle, 0, 0)
    }

    deinit {
        sem_destroy(handle)
        handle.deallocate()
    }

    func post() { sem_post(handle) }

    func wait() {
        while sem_wait(handle) != 0, errno == EINTR {}
    }
}
