#!/usr/bin/env python3
"""A Bot API stand-in for the campaign benchmark, rate-limited like Telegram: at most LIMIT sendMessage
calls per second in all (a sliding one-second window); beyond that it answers 429 with retry_after=1.
Counts accepted messages, 429s and messages a chat received more than once (duplicates).
GET /stats returns the figures as JSON. Loopback only. Usage: fake_bot_api_limited.py PORT_FILE [LIMIT]"""
import collections
import itertools
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LIMIT = int(sys.argv[2]) if len(sys.argv) > 2 else 30
counter = itertools.count(1)
lock = threading.Lock()
window = collections.deque()
stats = {"sent": 0, "rejected_429": 0, "duplicates": 0, "first": None, "last": None}
chats = set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        if not self.path.lower().endswith("/sendmessage"):
            return self.reply(200, {"ok": True, "result": True})
        now = time.monotonic()
        with lock:
            while window and now - window[0] >= 1.0:
                window.popleft()
            if len(window) >= LIMIT:
                stats["rejected_429"] += 1
                limited = True
            else:
                window.append(now)
                limited = False
                stats["sent"] += 1
                stats["first"] = stats["first"] or time.time()
                stats["last"] = time.time()
                chat = json.loads(body).get("chat_id")
                if chat in chats:
                    stats["duplicates"] += 1
                chats.add(chat)
        if limited:
            return self.reply(429, {"ok": False, "error_code": 429,
                                    "description": "Too Many Requests: retry after 1",
                                    "parameters": {"retry_after": 1}})
        self.reply(200, {"ok": True, "result": {"message_id": next(counter), "date": 1763800000,
                                                  "chat": {"id": 1, "type": "private"}, "text": "x"}})

    def do_GET(self):
        with lock:
            self.reply(200, dict(stats))

    def reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
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
