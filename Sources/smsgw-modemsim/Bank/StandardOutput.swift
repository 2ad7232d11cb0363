import Glibc

/// Flushes standard output, so that whoever started the simulator sees the ready lines at
/// once. `fflush(nil)` flushes every stream without touching the global `stdout`.
func fflushStandardOutput() {
    fflush(nil)
}
