#!/usr/bin/env python3
"""Admin console benchmark at the scale target (100,000 users, 1,000,000 jobs).

Builds Midx.App (Release), starts it once on a fresh data folder so it creates the schema, stops it, fills the
database with scripts/admin-seed.sql, starts it again on 127.0.0.1, signs in as the sandbox admin
(ada@sandbox.midx.test) through the sandbox Google exactly as a browser would, then times every console page and
filter several times and prints the median and worst of each, in two legs:
- HTTP: the server's time to answer each page (its prerendered HTML) and each CSV export. Client and server share the
  loopback interface, so the figures are the server's time to produce the response.
- Chromium (scripts/admin-bench-browser.mjs, playwright-core): each page opened with the same session, timed until
  its HTML is parsed, until it runs on its circuit, and until its data (the first grid page) is on the screen; the
  keyset grids also time "Next page" clicked on the circuit.

Usage: python3 scripts/admin-bench.py [--data DIR] [--runs N] [--keep]
"""
import argparse
import os
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import ROOT, build_app, ensure_playwright, free_port, sign_in, start_app, stop_app


BROWSER_TIMEOUT_SECONDS = 1800

# (name, path, the attribute that marks the page's data on the screen, e.g. a grid row, and whether the grid's keyset
# "Next page" is timed on the circuit too)
PAGES = [
    ("Overview", "/admin", "data-worker", False),
    ("Users", "/admin/users", "data-user-row", False),
    ("Users, search", "/admin/users?q=user4242", "data-user-row", False),
    ("Users, by last seen", "/admin/users?sort=seen-desc", "data-user-row", False),
    ("Users, page 1000", "/admin/users?page=1000", "data-user-row", False),
    ("User page", "/admin/users/00000001-0000-7000-8000-000000001092", "data-user-name", False),
    ("Uploads", "/admin/uploads", "data-upload-row", True),
    ("Uploads, oldest first", "/admin/uploads?order=oldest", "data-upload-row", True),
    ("Uploads, state=Failed", "/admin/uploads?state=Failed", "data-upload-row", False),
    ("Uploads, error code", "/admin/uploads?error=spam_risk_text", "data-upload-row", False),
    ("Uploads, mode=Inbox", "/admin/uploads?mode=Inbox", "data-upload-row", False),
    ("Uploads, source=Url", "/admin/uploads?source=Url", "data-upload-row", False),
    ("Uploads, account", "/admin/uploads?account=%40creator4242", "data-upload-row", False),
    ("Uploads, date range", "/admin/uploads?from=2026-01-01&to=2026-01-31", "data-upload-row", False),
    ("Uploads, all filters", "/admin/uploads?state=Failed&mode=Direct&source=File&error=internal&from=2026-01-01",
     "data-upload-row", False),
    ("Upload page", "/admin/uploads/00000003-0000-7000-8000-000000000058", "data-timeline", False),
    ("Failures", "/admin/failures", "data-failure-table", False),
    ("Token health", "/admin/tokens", "data-token-row", False),
    ("Token health, failing", "/admin/tokens?problem=failing", "data-token-row", False),
    ("Audit log", "/admin/audit", "data-audit-row", True),
    ("Audit log, action", "/admin/audit?action=tiktok.linked", "data-audit-row", False),
    ("Audit log, user", "/admin/audit?email=user4242%40bench.test", "data-audit-row", False),
]
EXPORTS = [
    ("Uploads, one account", "/admin/uploads/export.csv?account=%40creator4242"),
    ("Users, search", "/admin/users/export.csv?q=user4242"),
    ("Audit log, one user", "/admin/audit/export.csv?email=user4242%40bench.test"),
    ("Token health", "/admin/tokens/export.csv"),
]


def measure(browser, path, runs):
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        response = browser.open(path)
        body = response.read()
        times.append((time.perf_counter() - began) * 1000)
        if response.status != 200:
            sys.exit(f"{path} answered {response.status}")
    return times, body


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="data folder to use (default: a new temporary folder)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the data folder afterwards")
    args = parser.parse_args()

    dll = build_app()
    data = args.data or tempfile.mkdtemp(prefix="midx-bench-")
    os.makedirs(data, exist_ok=True)
    database = os.path.join(data, "midx.db")
    port = free_port()

    seeded = os.path.exists(database) and sqlite3.connect(database).execute(
        "SELECT count(*) FROM PublishJobs WHERE SubmissionKey LIKE 'bench-%'").fetchone()[0] > 0
    if not seeded:
        stop_app(start_app(dll, data, port))
        began = time.perf_counter()
        with open(os.path.join(ROOT, "scripts", "admin-seed.sql")) as sql:
            connection = sqlite3.connect(database, isolation_level=None)
            connection.executescript(sql.read())
            connection.close()
        print(f"Seeded 100,000 users, 1,000,000 jobs, 4 events each, 200,000 audit events in {time.perf_counter() - began:.0f} s")

    process = start_app(dll, data, port)
    try:
        browser = sign_in(f"http://127.0.0.1:{port}", "ada@sandbox.midx.test", "Ada Lovelace")
        print(f"\nServer time of each page's HTTP response (the prerendered HTML), {args.runs} runs after one warm-up:")
        print(f"{'page':<28}{'median ms':>10}{'worst ms':>10}")
        slow = []
        for name, path, _, _ in PAGES:
            measure(browser, path, 1)
            times, _ = measure(browser, path, args.runs)
            median = statistics.median(times)
            print(f"{name:<28}{median:>10.1f}{max(times):>10.1f}")
            if median > 200:
                slow.append(name)
        print(f"\n{'CSV export':<28}{'median ms':>10}{'worst ms':>10}")
        for name, path in EXPORTS:
            measure(browser, path, 1)
            times, _ = measure(browser, path, args.runs)
            print(f"{name:<28}{statistics.median(times):>10.1f}{max(times):>10.1f}")
        print("\nTarget: every page under 200 ms." + (f" Over: {', '.join(slow)}" if slow else " All pages meet it."))

        ensure_playwright()
        session = next(c for c in browser.jar if c.name == "midx.session")
        pages = [{"name": name, "path": path, "marker": marker, "next": keyset} for name, path, marker, keyset in PAGES]
        measured = subprocess.run(
            ["node", os.path.join(ROOT, "scripts", "admin-bench-browser.mjs"), "--base", f"http://127.0.0.1:{port}",
             "--cookie", f"{session.name}={session.value}", "--runs", str(args.runs)],
            input=json.dumps(pages), capture_output=True, text=True, timeout=BROWSER_TIMEOUT_SECONDS)
        if measured.returncode != 0:
            sys.exit(f"The browser leg failed:\n{measured.stderr}")
        print(f"\nIn Chromium, a full page load each time (median ms from the start of the navigation; {args.runs} runs):")
        print(f"{'page':<28}{'HTML parsed':>12}{'live':>8}{'data shown':>12}{'next page':>11}")
        for line in measured.stdout.splitlines():
            result = json.loads(line)
            next_page = f"{statistics.median(result['nextMs']):>11.0f}" if result["nextMs"] else f"{'':>11}"
            print(f"{result['name']:<28}{statistics.median(result['loadedMs']):>12.0f}"
                  f"{statistics.median(result['liveMs']):>8.0f}{statistics.median(result['shownMs']):>12.0f}{next_page}")
        print("\n'live': the page runs on its circuit; 'data shown': its grid rows (or panels) are on the screen;"
              "\n'next page': its Next page link clicked on the circuit until the next rows show.")
    finally:
        stop_app(process)
        if not args.keep and not args.data:
            shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
