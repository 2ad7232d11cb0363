"""A webhook receiver for smsgw's tests: verifies signatures with the `verify` function of
docs/webhooks.md (so the documented code is the code that runs) and records each request.

    webhook_receiver.py --secret S --docs docs/webhooks.md --log requests.jsonl [--cert c --key k]

Prints its port on the first line of stdout. Paths: /hook answers 204 when the signature
verifies and 401 when not; /status/<code> answers <code>; /slow/<seconds> sleeps, then 200;
anything else 200. Every request is one JSON line in --log (method, path, headers, body,
verified, client_port, received_at: the wall-clock time it was read, seconds since 1970)."""
import argparse, json, re, signal, ssl, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A child of a Swift test inherits the spawning thread's blocked signals: unblock them, so
# that the test's SIGTERM ends this receiver.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
parser = argparse.ArgumentParser()
parser.add_argument("--secret", required=True)
parser.add_argument("--docs", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--cert")
parser.add_argument("--key")
args = parser.parse_args()

documented = re.search(r"```python\n(.*?)```", open(args.docs, encoding="utf-8").read(), re.S)
namespace = {}
exec(documented.group(1), namespace)
verify = namespace["verify"]
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_):
        pass

    def record(self, body, verified, received_at):
        entry = {"method": self.command, "path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                 "body": body.decode("utf-8", "replace"), "verified": verified, "client_port": self.client_address[1],
                 "received_at": received_at}
        with lock, open(args.log, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry, sort_keys=True) + "\n")

    def answer(self, status):
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def handle_any(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        received_at = time.time()
        verified = verify(args.secret.encode(), self.headers.get("X-Smsgw-Timestamp", ""), body,
                          self.headers.get("X-Smsgw-Signature", ""))
        self.record(body, verified, received_at)
        if self.path.startswith("/hook"):
            self.answer(204 if verified else 401)
        elif self.path.startswith("/status/"):
            self.answer(int(self.path.split("/")[2]))
        elif self.path.startswith("/slow/"):
            time.sleep(float(self.path.split("/")[2]))
            self.answer(200)
        else:
            self.answer(200)

    do_GET = do_POST = handle_any


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
if args.cert:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
