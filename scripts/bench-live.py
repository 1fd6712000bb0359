#!/usr/bin/env python3
"""Live-status benchmark: many open pages of one person follow their posts as the publish worker moves them.

Builds Midx.App (Release), starts it on 127.0.0.1 in sandbox mode with a fresh data folder, and runs
scripts/bench-live-browser.mjs: headless Chromium opens the history page in N tabs (N circuits of one user) and posts
a few videos through the compose page in another. Each sample is the time from the worker saving a job's change to
that change showing in one tab's DOM. It prints, for each N, the samples' p50 and p99 and the app's memory per circuit
(the growth of its resident set while the N tabs opened, divided by N).

Needs node and playwright-core in scripts/node_modules (see scripts/package.json). Chromium tabs cost the machine far
more than circuits cost Midx, so N is bounded by the machine's memory: on 24 GB, a few hundred tabs.

Usage: python3 scripts/bench-live.py [--pages 50,100] [--posts 5] [--keep]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

from benchlib import ROOT, build_app, ensure_playwright, free_port, memory_mb, start_app, stop_app

FIXTURE = os.path.join(ROOT, "Midx.Tests", "Publishing", "Fixtures", "two-seconds.mp4")
BROWSER_SCRIPT = os.path.join(ROOT, "scripts", "bench-live-browser.mjs")
TIMEOUT_SECONDS = 1800


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(dll, pages, posts, keep):
    data = tempfile.mkdtemp(prefix="midx-bench-live-")
    port = free_port()
    app = start_app(dll, data, port, Midx__Publishing__WorkerPollInterval="00:00:00.200",
                    Midx__Publishing__FirstStatusPollDelay="00:00:00.300", Midx__Publishing__MaxStatusPollInterval="00:00:00.500")
    try:
        node = subprocess.Popen(["node", BROWSER_SCRIPT, "--base", f"http://127.0.0.1:{port}", "--video", FIXTURE,
                                 "--pages", str(pages), "--posts", str(posts)], stdout=subprocess.PIPE, text=True)
        timer = threading.Timer(TIMEOUT_SECONDS, node.kill)
        timer.start()
        before = after = None
        result = None
        for line in node.stdout:
            line = line.strip()
            if line == "opening":
                before = memory_mb(app, "VmRSS")
            elif line == "connected":
                after = memory_mb(app, "VmRSS")
            elif line.startswith("{"):
                result = json.loads(line)
        node.wait()
        timer.cancel()
        if node.returncode != 0 or result is None or before is None or after is None:
            sys.exit(f"The browser script failed (exit {node.returncode}); the app's log is in {data}")
        latencies = result["latenciesMs"]
        return {
            "pages": pages, "samples": len(latencies),
            "p50": percentile(latencies, 50), "p99": percentile(latencies, 99), "max": max(latencies),
            "per_circuit_kb": (after - before) * 1024 / pages,
        }
    finally:
        stop_app(app)
        if not keep:
            shutil.rmtree(data, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default="50,100", help="comma-separated numbers of open history tabs")
    parser.add_argument("--posts", type=int, default=5, help="videos posted while the tabs watch")
    parser.add_argument("--keep", action="store_true", help="keep each run's data folder")
    options = parser.parse_args()
    ensure_playwright()
    dll = build_app()
    print(f"{'tabs':>6} {'samples':>8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'KB/circuit':>11}")
    for pages in (int(p) for p in options.pages.split(",")):
        r = run(dll, pages, options.posts, options.keep)
        print(f"{r['pages']:>6} {r['samples']:>8} {r['p50']:>7} {r['p99']:>7} {r['max']:>7} {r['per_circuit_kb']:>11.0f}", flush=True)


if __name__ == "__main__":
    main()
