#!/usr/bin/env python3
"""A Bot API stand-in for the webhook benchmark: answers every method with ok=true at once and counts
sendMessage calls. GET /count returns the count. Loopback only. Usage: fake_bot_api.py PORT_FILE"""
import itertools
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counter = itertools.count(1)
lock = threading.Lock()
sent = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        global sent
        length = int(self.headers.get("Content-Length", 0))
        self.rfile.read(length)
        if self.path.lower().endswith("/sendmessage"):
            with lock:
                sent += 1
            result = {"message_id": next(counter), "date": 1763800000, "chat": {"id": 1, "type": "private"}, "text": "x"}
        else:
            result = True
        self.reply(json.dumps({"ok": True, "result": result}))

    def do_GET(self):
        self.reply(json.dumps({"sendMessage": sent}))

    def reply(self, body):
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(sys.argv[1], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
