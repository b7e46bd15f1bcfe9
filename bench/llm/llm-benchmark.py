#!/usr/bin/env python3
"""Measures model-composed answers on the repository's question sets.

Sends every question of the chosen sets (knowledge-base/src/test/resources/eval/<set>.tsv) to a running
service's POST /api/v1/chat, one new session per question, and reports: how many answers the guard accepted
(composer "llm") and how many got the template, the reasons for refusals (from /prometheus,
dvc_llm_answers_total), and latency p50/p99 end to end and of the model alone (dvc_llm_model_seconds).

The service must run with DVC_LLM_PROVIDER etc. set, and with DVC_RATE_LIMIT_ENABLED=false (or the per-session
limit is the benchmark). /prometheus needs an admin: pass --user/--password (or DVC_BENCH_USER/_PASSWORD).

--fake PORT also starts a fake OpenAI-compatible model server on 127.0.0.1:PORT (point the service at
http://127.0.0.1:PORT/v1): it answers with the summary line of the entry it is sent, and every fifth answer
invents a fee, so that both the accepted and the refused paths are measured. Its figures say nothing about a
real model's quality; they show the overhead of the path and the output format.

Usage: bench/llm/llm-benchmark.py [--url http://127.0.0.1:8080] [--sets questions,holdout] [--limit N]
                                  [--user U --password P] [--fake PORT --fake-delay-ms 300] [--out FILE]
"""
import argparse
import base64
import csv
import http.server
import json
import os
import re
import statistics
import sys
import threading
import time
import urllib.request
import uuid

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
EVAL = os.path.join(ROOT, "knowledge-base", "src", "test", "resources", "eval")


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def prometheus(url, user, password):
    request = urllib.request.Request(url + "/prometheus")
    if user:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        request.add_header("Authorization", "Basic " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


def counters(text):
    """dvc_llm_answers_total by (composer, reason), and the model histogram's buckets, sum and count."""
    answers, buckets, total = {}, {}, {"sum": 0.0, "count": 0.0}
    for line in text.splitlines():
        if line.startswith("dvc_llm_answers_total{"):
            labels = dict(re.findall(r'(\w+)="([^"]*)"', line))
            answers[(labels.get("composer"), labels.get("reason"))] = float(line.rsplit(" ", 1)[1])
        elif line.startswith("dvc_llm_model_seconds_bucket{"):
            le = re.search(r'le="([^"]+)"', line).group(1)
            buckets[float("inf") if le == "+Inf" else float(le)] = float(line.rsplit(" ", 1)[1])
        elif line.startswith("dvc_llm_model_seconds_sum"):
            total["sum"] = float(line.rsplit(" ", 1)[1])
        elif line.startswith("dvc_llm_model_seconds_count"):
            total["count"] = float(line.rsplit(" ", 1)[1])
    return answers, buckets, total


def bucket_percentile(before, after, p):
    """Upper bound of the bucket holding the p-th percentile of the calls made during the run."""
    diff = sorted((le, after.get(le, 0) - before.get(le, 0)) for le in after)
    count = diff[-1][1] if diff else 0
    if count <= 0:
        return float("nan")
    for le, cumulative in diff:
        if cumulative >= p / 100.0 * count:
            return le
    return float("inf")


def questions(sets, limit):
    rows = []
    for name in sets:
        with open(os.path.join(EVAL, name + ".tsv"), encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row.get("question"):
                    rows.append((name, row["question"]))
    return rows[:limit] if limit else rows


def ask(url, text):
    body = json.dumps({"sessionId": str(uuid.uuid4()), "text": text}).encode()
    request = urllib.request.Request(url + "/api/v1/chat", data=body,
                                     headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        reply = json.loads(response.read().decode())
    return time.perf_counter() - start, reply


class FakeModel(http.server.BaseHTTPRequestHandler):
    delay = 0.0
    served = 0
    lock = threading.Lock()

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        system = next((m.get("content", "") for m in body.get("messages", []) if m.get("role") == "system"), "")
        summary = re.search(r"^Tóm tắt: (.*)$", system, re.M)
        text = summary.group(1) if summary else "Bạn xem hướng dẫn trên trang chính thức."
        with FakeModel.lock:
            FakeModel.served += 1
            if FakeModel.served % 5 == 0:
                text += " Lệ phí là 123.456 đồng."
        time.sleep(FakeModel.delay)
        answer = json.dumps({"id": "fake", "object": "chat.completion", "created": int(time.time()),
                             "model": body.get("model", "fake"),
                             "choices": [{"index": 0, "finish_reason": "stop",
                                          "message": {"role": "assistant", "content": text}}],
                             "usage": {"prompt_tokens": len(system) // 3, "completion_tokens": len(text) // 3,
                                       "total_tokens": (len(system) + len(text)) // 3}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--sets", default="questions")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--user", default=os.environ.get("DVC_BENCH_USER", ""))
    parser.add_argument("--password", default=os.environ.get("DVC_BENCH_PASSWORD", ""))
    parser.add_argument("--fake", type=int, default=0, help="also serve a fake model on this port")
    parser.add_argument("--fake-delay-ms", type=int, default=300)
    parser.add_argument("--fake-only", action="store_true", help="serve the fake model until interrupted")
    parser.add_argument("--out", default="")
    args = parser.parse_args()

    if args.fake:
        FakeModel.delay = args.fake_delay_ms / 1000.0
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.fake), FakeModel)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        if args.fake_only:
            print(f"fake model on http://127.0.0.1:{args.fake}/v1", flush=True)
            threading.Event().wait()

    url = args.url.rstrip("/")
    before = counters(prometheus(url, args.user, args.password))
    latencies, by_composer, kinds = [], {}, {}
    for _, question in questions(args.sets.split(","), args.limit):
        took, reply = ask(url, question)
        kinds[reply.get("kind")] = kinds.get(reply.get("kind"), 0) + 1
        if reply.get("kind") == "answer":
            latencies.append(took)
            by_composer[reply.get("composer")] = by_composer.get(reply.get("composer"), 0) + 1
    after = counters(prometheus(url, args.user, args.password))

    reasons = {}
    for key, value in after[0].items():
        delta = value - before[0].get(key, 0)
        if delta > 0 and key[0] == "template":
            reasons[key[1]] = int(delta)
    model_seconds = after[2]["sum"] - before[2]["sum"]
    model_calls = after[2]["count"] - before[2]["count"]
    answers = len(latencies)
    lines = [
        "# LLM composer benchmark",
        "",
        f"- service: {url}; sets: {args.sets}; messages: {sum(kinds.values())} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})",
        f"- answers: {answers}; composed by the model and accepted by the guard: {by_composer.get('llm', 0)}"
        f" ({100.0 * by_composer.get('llm', 0) / answers if answers else 0:.1f} %); template: {by_composer.get('template', 0)}",
        "- template reasons: " + (", ".join(f"{r} {n}" for r, n in sorted(reasons.items(), key=lambda x: -x[1])) or "none"),
        "",
        "| latency (answers) | p50 | p99 |",
        "|---|---|---|",
        f"| end to end, client side | {percentile(latencies, 50) * 1000:.0f} ms | {percentile(latencies, 99) * 1000:.0f} ms |",
        f"| the model alone (histogram bucket bound) | <= {bucket_percentile(before[1], after[1], 50) * 1000:.0f} ms"
        f" | <= {bucket_percentile(before[1], after[1], 99) * 1000:.0f} ms |",
        "",
        f"- model calls: {int(model_calls)}; the model's share of end-to-end time: "
        f"{100.0 * model_seconds / sum(latencies) if latencies else 0:.0f} %",
    ]
    report = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report)
    sys.stdout.write(report)


if __name__ == "__main__":
    main()
