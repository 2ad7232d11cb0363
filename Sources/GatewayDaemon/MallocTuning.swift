import CMalloc
#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings for the daemons. By default glibc trims a thread arena's heap as soon
/// as more than 128 KiB at its top is free, and raises that threshold only when an mmap'ed block
/// is freed; a daemon that allocates and frees a group commit's worth of messages (a few hundred
/// KiB) many times a second then grows the heap (page faults, zeroing) and gives it back
/// (madvise) on every batch. Measured on ingressd (`scripts/bench IngressBenchmarks`, perf):
/// 42% of its CPU in page faults under the heap top, 6,600 durable submit_sm/s; with these
/// settings 11,900/s. Fixed thresholds keep up to `trimThreshold` free at each arena's top;
/// two arenas bound what that can cost in RSS on a 2-core box.
public enum MallocTuning {
    public static let trimThreshold: Int32 = 4 << 20
    public static let mmapThreshold: Int32 = 1 << 20
    public static let arenas: Int32 = 2

    /// Applies the settings (idempotent); an environment variable the operator set
    /// (`MALLOC_TRIM_THRESHOLD_`, `MALLOC_MMAP_THRESHOLD_`, `MALLOC_ARENA_MAX`) wins.
    public static func apply() {
        #if canImport(Glibc)
        if getenv("MALLOC_TRIM_THRESHOLD_") == nil { _ = mallopt(M_TRIM_THRESHOLD, trimThreshold) }
        if getenv("MALLOC_MMAP_THRESHOLD_") == nil { _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold) }
        if getenv("MALLOC_ARENA_MAX") == nil { _ = mallopt(M_ARENA_MAX, arenas) }
        #endif
    }
}
