#!/usr/bin/env bash
# Debian's Kannel (bearerbox + smsbox, the `at` driver) sends one SMS through a simulated modem
# (configuration and behaviour: Tests/Drivers/README.md). Called by drivers.sh with a running
# simulator; usable alone the same way:
#   Tests/Drivers/kannel.sh DEVICE CONTROL_SOCKET MODEM_ID
# Passes when the simulator counted the AT+CMGS for MODEM_ID, bearerbox's access log says
# "Sent SMS", and the DLR callbacks arrive at a local listener: type 8 (the modem took it) and
# a final one (1 delivered, 2 failed or 16 rejected) from the +CDS status report; then an SMS
# injected into the simulator (+CMT) reaches the same listener through an smsbox service.
# Everything binds 127.0.0.1 on free ports; only processes started here are stopped, by PID.
set -euo pipefail
device=$1
control=$2
modem=$3
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "drivers: kannel FAILED: $1"
    for log in bearerbox.log access.log smsbox.log dlr.log mo.log; do
        [[ -s "$work/$log" ]] && { echo "--- $log"; tail -n 40 "$work/$log"; }
    done
    exit 1
}

# The distributed modem definitions (`modemtype = auto` detects against them).
modems_conf=""
for candidate in /etc/kannel/modems.conf /usr/share/doc/kannel/examples/modems.conf; do
    [[ -r "$candidate" ]] && { modems_conf=$candidate; break; }
done
if [[ -z "$modems_conf" && -r /usr/share/doc/kannel/examples/modems.conf.gz ]]; then
    gunzip -c /usr/share/doc/kannel/examples/modems.conf.gz >"$work/modems.conf"
    modems_conf=$work/modems.conf
fi
[[ -n "$modems_conf" ]] || fail "no modems.conf (is the kannel package installed?)"

# Four free loopback ports: admin, smsbox link, sendsms, callback listener.
read -r admin_port box_port sendsms_port dlr_port < <(python3 - <<'PY'
import socket
sockets = [socket.socket() for _ in range(4)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))
PY
)

# Callback listener: one line per request into dlr.log ("<type> <smsc-id> <receiver>") or
# mo.log ("<sender> <text>").
python3 - "$dlr_port" "$work" >"$work/listener.out" 2>&1 <<'PY' &
import http.server, sys, urllib.parse
port, work = int(sys.argv[1]), sys.argv[2]
FIELDS = {"/dlr": ("type", "smsc", "to"), "/mo": ("from", "text")}
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path in FIELDS:
            with open(f"{work}{url.path}.log", "a") as log:
                print(*(query.get(k, ["-"])[0] for k in FIELDS[url.path]), file=log, flush=True)
        self.send_response(200)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY
pids+=($!)

cat >"$work/kannel.conf" <<CONF
group = core
admin-port = $admin_port
admin-interface = 127.0.0.1
admin-password = smsgw
admin-allow-ip = 127.0.0.1
smsbox-port = $box_port
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "$work/bearerbox.log"
log-level = 0
access-log = "$work/access.log"
dlr-storage = internal

group = smsc
smsc = at
smsc-id = sim
modemtype = auto
device = $device
speed = 115200

include = "$modems_conf"

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $box_port
sendsms-port = $sendsms_port
sendsms-interface = 127.0.0.1
global-sender = 31600000000
log-file = "$work/smsbox.log"
log-level = 0

group = sendsms-user
username = smsgw
password = smsgw

group = sms-service
keyword = default
get-url = "http://127.0.0.1:$dlr_port/mo?from=%p&text=%a"
max-messages = 0
CONF

bearerbox "$work/kannel.conf" >"$work/bearerbox.out" 2>&1 &
pids+=($!)
# smsbox connects to bearerbox once, at start: wait (10 s at most) until bearerbox listens.
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$box_port") 2>/dev/null && break; sleep 0.1; done
(exec 3<>"/dev/tcp/127.0.0.1/$box_port") 2>/dev/null || fail "bearerbox did not listen on $box_port"
smsbox "$work/kannel.conf" >"$work/smsbox.out" 2>&1 &
pids+=($!)

# One request to the simulator's control socket (docs/modemsim.md); prints the JSON answer.
control() {
    python3 - "$control" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(sys.argv[2].encode() + b"\n")
data = b""
while not data.endswith(b"\n"):
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
print(data.decode().strip())
PY
}
# How many bodies with TEXT went out to 31612345678, by the simulator's ledger (every AT+CMGS
# body its modems took; docs/modemsim.md).
went_out() {
    control '{"command":"ledger"}' | python3 -c '
import json, sys
print(sum(1 for e in json.load(sys.stdin)["ledger"]
          if (e.get("destination") or "").lstrip("+") == "31612345678" and e.get("text") == sys.argv[1] and e["answer"] != "refused"))' "$1"
}

# Wait until the at driver has detected and initialised the modem (bearerbox status says
# "online"): before that bearerbox would only queue the message ("3: Queued for later delivery").
online=""
for _ in $(seq 1 300); do
    curl -s "http://127.0.0.1:$admin_port/status.txt?password=smsgw" 2>/dev/null | grep -q "(online" \
        && { online=yes; break; }
    sleep 0.1
done
[[ -n "$online" ]] || fail "the at driver did not bring the modem online"

dlr_url="http://127.0.0.1:$dlr_port/dlr?type=%d&smsc=%i&to=%p"
answer=""
for _ in $(seq 1 100); do
    answer=$(curl -s -G "http://127.0.0.1:$sendsms_port/cgi-bin/sendsms" \
        --data-urlencode "username=smsgw" --data-urlencode "password=smsgw" \
        --data-urlencode "to=31612345678" --data-urlencode "text=Hello from Kannel" \
        --data-urlencode "dlr-mask=31" --data-urlencode "dlr-url=$dlr_url" 2>/dev/null) && break
    sleep 0.1
done
[[ "$answer" == "0: Accepted for delivery" ]] || fail "sendsms answered '$answer'"

for _ in $(seq 1 300); do
    grep -q "Sent SMS" "$work/access.log" 2>/dev/null \
        && grep -qE '^(1|2|16) ' "$work/dlr.log" 2>/dev/null && break
    grep -q "FAILED Send SMS" "$work/access.log" 2>/dev/null && break
    sleep 0.1
done
grep -q "Sent SMS" "$work/access.log" 2>/dev/null || fail "bearerbox did not log 'Sent SMS'"
sent=$(went_out "Hello from Kannel") || fail "cannot read the simulator's ledger from $control"
[[ "$sent" == 1 ]] || fail "the message went out $sent times by the simulator's ledger, not once"
grep -q '^8 sim ' "$work/dlr.log" 2>/dev/null || fail "no DLR type 8 (SMSC ack) callback"
final=$(grep -oE '^(1|2|16) ' "$work/dlr.log" | head -1 || true)
[[ -n "$final" ]] || fail "no final DLR callback (from the +CDS status report)"
dlr_types=$(cut -d' ' -f1 "$work/dlr.log" | paste -sd,)

# Inbound: the simulator delivers +CMT (Kannel sets CNMI mt=2); smsbox calls the service URL.
reply=$(control "{\"command\":\"inbound\",\"modem\":\"$modem\",\"from\":\"+31611111111\",\"text\":\"Hello Kannel\"}") \
    || fail "cannot inject an inbound SMS through $control"
[[ "$reply" == '{"ok":true}' ]] || fail "the simulator refused the inbound SMS: $reply"
for _ in $(seq 1 100); do
    grep -qx "+31611111111 Hello Kannel" "$work/mo.log" 2>/dev/null && break
    sleep 0.1
done
grep -qx "+31611111111 Hello Kannel" "$work/mo.log" 2>/dev/null || fail "the inbound SMS did not reach the service URL"
echo "drivers: kannel sent (DLR types $dlr_types) and received"
