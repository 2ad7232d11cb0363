// prctl(2) PR_SET_PDEATHSIG, which Swift cannot call directly (prctl is variadic). What a child
// of a supervisor (systemd's own children get the same from PID 1 going away, `smsgwctl up`'s
// children need it) uses to die with its parent.
#include <sys/prctl.h>

static inline int smsgw_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}
