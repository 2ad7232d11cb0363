#!/usr/bin/env bash
# Third-party drivers against smsgw-modemsim: Debian's gammu, smstools and Kannel (the `at`
# driver, in kannel.sh) each send one SMS through a simulated modem of their own (what each
# driver needs and does: Tests/Drivers/README.md). Usage:
#   Tests/Drivers/drivers.sh PATH/TO/smsgw-modemsim
# Exits non-zero when a driver fails; takes well under a minute.
set -euo pipefail
simulator=$1
work=$(mktemp -d)
sim_pid=""
smsd_pid=""
cleanup() {
    [[ -n "$smsd_pid" ]] && kill "$smsd_pid" 2>/dev/null || true
    [[ -n "$sim_pid" ]] && kill "$sim_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Realistic boot would cost seconds per modem; --fast keeps the answers correct and the test short.
"$simulator" --ports 3 --dir "$work" --fast --report-delay 1 >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 50); do [[ -S "$work/modemsim.sock" ]] && break; sleep 0.1; done
[[ -S "$work/modemsim.sock" ]] || { echo "drivers: simulator did not start"; cat "$work/sim.log"; exit 1; }

failures=0

# gammu: `sendsms` prints "OK, message reference=N" and exits 0.
printf '[gammu]\ndevice = %s/m1\nconnection = at\n' "$work" >"$work/gammurc"
if out=$(timeout 60 gammu -c "$work/gammurc" sendsms TEXT +31612345678 -text "Hello from gammu" 2>&1) \
    && grep -q "OK, message reference=" <<<"$out"; then
    echo "drivers: gammu sent: $(grep -o 'message reference=[0-9]*' <<<"$out")"
else
    echo "drivers: gammu FAILED:"; echo "$out"; failures=$((failures + 1))
fi

# smstools: a file dropped in outgoing/ moves to sent/ with a Message_id.
mkdir -p "$work"/{outgoing,checked,failed,incoming,sent}
cat >"$work/smsd.conf" <<CONF
devices = GSM1
outgoing = $work/outgoing
checked = $work/checked
failed = $work/failed
incoming = $work/incoming
sent = $work/sent
logfile = $work/smsd.log
loglevel = 7
infofile = $work/smsd.working
pidfile = $work/smsd.pid

[GSM1]
device = $work/m2
incoming = yes
report = yes
CONF
printf 'To: 31612345678\n\nHello from smstools\n' >"$work/outgoing/message"
smsd -c "$work/smsd.conf" -t -u root -g root >"$work/smsd.out" 2>&1 &
smsd_pid=$!
for _ in $(seq 1 600); do [[ -e "$work/sent/message" || -e "$work/failed/message" ]] && break; sleep 0.1; done
if [[ -e "$work/sent/message" ]] && grep -q "Message_id" "$work/smsd.log"; then
    echo "drivers: smstools sent: $(grep -o 'Message_id: [0-9]*' "$work/smsd.log" | head -1)"
else
    echo "drivers: smstools FAILED:"; tail -n 30 "$work/smsd.log" 2>/dev/null || true; cat "$work"/failed/* 2>/dev/null || true
    failures=$((failures + 1))
fi

# Kannel: bearerbox with the `at` driver on m3, smsbox's HTTP sendsms, DLR callbacks.
if ! "$(dirname "$0")/kannel.sh" "$work/m3" "$work/modemsim.sock" m3; then
    failures=$((failures + 1))
fi

echo "drivers: $((3 - failures)) passed, $failures failed"
exit "$failures"
