#!/usr/bin/env python3
"""Admin console benchmark at the scale target (100,000 users, 1,000,000 jobs).

Builds Midx.App (Release), starts it once on a fresh data folder so it creates the schema, stops it, fills the
database with scripts/admin-seed.sql, starts it again on 127.0.0.1, signs in as the sandbox admin
(ada@sandbox.midx.test) through the sandbox Google exactly as a browser would, then requests every console page and
filter several times and prints the median and worst response time of each. Client and server share the loopback
interface, so the figures are the server's time to produce the page.

Usage: python3 scripts/admin-bench.py [--data DIR] [--runs N] [--keep]
"""
import argparse
import os
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time

from benchlib import ROOT, build_app, free_port, sign_in, start_app, stop_app


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
        _, first = measure(browser, "/admin/uploads", 1)
        after = re.search(rb'href="(/admin/uploads\?after=[^"]+)" rel="next"', first).group(1).decode().replace("&amp;", "&")
        pages = [
            ("Overview", "/admin"),
            ("Users", "/admin/users"),
            ("Users, search", "/admin/users?q=user4242"),
            ("Users, page 1000", "/admin/users?page=1000"),
            ("User page", "/admin/users/00000001-0000-7000-8000-000000001092"),
            ("Uploads", "/admin/uploads"),
            ("Uploads, next page", after),
            ("Uploads, state=Failed", "/admin/uploads?state=Failed"),
            ("Uploads, error code", "/admin/uploads?error=spam_risk_text"),
            ("Uploads, mode=Inbox", "/admin/uploads?mode=Inbox"),
            ("Uploads, source=Url", "/admin/uploads?source=Url"),
            ("Uploads, account", "/admin/uploads?account=%40creator4242"),
            ("Uploads, date range", "/admin/uploads?from=2026-01-01&to=2026-01-31"),
            ("Uploads, all filters", "/admin/uploads?state=Failed&mode=Direct&source=File&error=internal&from=2026-01-01"),
            ("Upload page", "/admin/uploads/00000003-0000-7000-8000-000000000058"),
            ("Failures", "/admin/failures"),
            ("Audit log", "/admin/audit"),
            ("Audit log, action", "/admin/audit?action=tiktok.linked"),
            ("Audit log, user", "/admin/audit?email=user4242%40bench.test"),
            ("CSV, one account", "/admin/uploads/export.csv?account=%40creator4242"),
        ]
        print(f"\n{'page':<26}{'median ms':>10}{'worst ms':>10}   ({args.runs} runs each, after one warm-up)")
        slow = []
        for name, path in pages:
            measure(browser, path, 1)
            times, _ = measure(browser, path, args.runs)
            median = statistics.median(times)
            print(f"{name:<26}{median:>10.1f}{max(times):>10.1f}")
            if median > 200:
                slow.append(name)
        print("\nTarget: every page under 200 ms." + (f" Over: {', '.join(slow)}" if slow else " All pages meet it."))
    finally:
        stop_app(process)
        if not args.keep and not args.data:
            shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
