#include <systemd/sd-daemon.h>
#include "parent_death.h"
