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
import html.parser
import http.cookiejar
import os
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Forms(html.parser.HTMLParser):
    """Collects each form's attributes and its hidden inputs."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"attrs": attrs, "hidden": {}})
        elif tag == "input" and self.forms and attrs.get("type") == "hidden" and attrs.get("name"):
            self.forms[-1]["hidden"][attrs["name"]] = attrs.get("value", "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(dll, data, port):
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", ASPNETCORE_URLS=f"http://127.0.0.1:{port}",
               Midx__DataFolder=data, Midx__SignIn__PermitsPerMinute="1000",
               Logging__LogLevel__Default="Warning")
    log = open(os.path.join(data, "app.log"), "a")
    process = subprocess.Popen(["dotnet", dll], cwd=os.path.dirname(dll), env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
            return process
        except Exception:
            if process.poll() is not None:
                sys.exit(f"The app exited; see {data}/app.log")
            time.sleep(0.5)
    process.kill()
    sys.exit("The app did not become healthy in 2 minutes.")


def stop_app(process):
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


def sign_in(base, email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def get(url):
        return opener.open(urllib.parse.urljoin(base, url)).read().decode()

    def post(url, fields):
        try:
            opener.open(urllib.parse.urljoin(base, url), urllib.parse.urlencode(fields).encode())
        except urllib.error.HTTPError as redirect:
            if redirect.code in (301, 302, 303):
                return urllib.parse.urljoin(base, redirect.headers["Location"])
            raise
        raise RuntimeError(f"POST {url} did not redirect")

    def form(page, marker):
        parser = Forms()
        parser.feed(page)
        return next(f for f in parser.forms if marker in f["attrs"])

    start = form(get("/signin"), "data-signin-google")
    chooser_url = post(start["attrs"]["action"], start["hidden"])
    custom = form(get(chooser_url), "data-custom-account")
    fields = dict(custom["hidden"], custom_email=email, custom_name="Ada Lovelace", custom_sub="", identity="custom")
    callback = post(urllib.parse.urljoin(chooser_url, custom["attrs"]["action"]), fields)
    try:
        opener.open(callback)
    except urllib.error.HTTPError as redirect:
        if redirect.code not in (301, 302, 303):
            raise
    if not any(c.name == "midx.session" for c in jar):
        sys.exit("Signing in as the admin failed.")
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def measure(opener, base, path, runs):
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        response = opener.open(base + path)
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

    subprocess.run(["dotnet", "build", os.path.join(ROOT, "Midx.App"), "-c", "Release", "-v", "q", "-nologo"], check=True)
    dll = os.path.join(ROOT, "Midx.App", "bin", "Release", "net10.0", "Midx.App.dll")
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
        base = f"http://127.0.0.1:{port}"
        opener = sign_in(base, "ada@sandbox.midx.test")
        _, first = measure(opener, base, "/admin/uploads", 1)
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
            measure(opener, base, path, 1)
            times, _ = measure(opener, base, path, args.runs)
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
