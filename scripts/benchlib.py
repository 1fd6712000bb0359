"""What the benchmarks share: building and starting Midx.App on a free loopback port, reading its memory, and
signing in through the sandbox Google exactly as a browser would (cookies, redirects and hidden form fields)."""
import html.parser
import http.cookiejar
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_TIMEOUT_SECONDS = 1800  # a Release build on 2 busy cores
REQUEST_TIMEOUT_SECONDS = 120  # one request of Browser (a page, a sandbox control call)


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


def find_form(page, predicate):
    parser = Forms()
    parser.feed(page)
    return next(f for f in parser.forms if predicate(f["attrs"]))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_app():
    """Builds Midx.App in Release and returns the path of its dll."""
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "Midx.App"), "-c", "Release", "-v", "q", "-nologo"], check=True,
                   timeout=BUILD_TIMEOUT_SECONDS)
    return os.path.join(ROOT, "Midx.App", "bin", "Release", "net10.0", "Midx.App.dll")


def start_app(dll, data, port, **settings):
    """Starts the app in Development (sandbox mode) on 127.0.0.1:port with its data in `data`; waits until healthy."""
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", ASPNETCORE_URLS=f"http://127.0.0.1:{port}",
               Midx__DataFolder=data, Midx__SignIn__PermitsPerMinute="1000", Logging__LogLevel__Default="Warning")
    env.update(settings)
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


def memory_mb(process, field):
    """A /proc/<pid>/status memory figure in MB: VmRSS (now) or VmHWM (the peak so far)."""
    with open(f"/proc/{process.pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} is not in /proc/{process.pid}/status")


class Browser:
    """A cookie-keeping HTTP client that reports redirects instead of following them."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def url(self, path):
        return urllib.parse.urljoin(self.base, path)

    def open(self, path, data=None, headers=None, method=None):
        request = urllib.request.Request(self.url(path), data=data, headers=headers or {}, method=method)
        try:
            return self.opener.open(request, timeout=REQUEST_TIMEOUT_SECONDS)
        except urllib.error.HTTPError as answer:
            if answer.code in (301, 302, 303):
                return answer
            raise

    def get(self, path):
        return self.open(path).read().decode()

    def get_json(self, path):
        return json.loads(self.get(path))

    def post_json(self, path, body):
        with self.open(path, json.dumps(body).encode(), {"Content-Type": "application/json"}) as answer:
            text = answer.read().decode()
            return json.loads(text) if text else None

    def post_form(self, path, fields):
        """Posts a form and returns the absolute URL it redirects to."""
        answer = self.open(path, urllib.parse.urlencode(fields).encode())
        if answer.status not in (301, 302, 303):
            raise RuntimeError(f"POST {path} answered {answer.status} instead of redirecting")
        return self.url(answer.headers["Location"])

    def follow(self, url):
        """GETs a URL that redirects and returns where it points."""
        answer = self.open(url)
        if answer.status not in (301, 302, 303):
            raise RuntimeError(f"GET {url} answered {answer.status} instead of redirecting")
        return self.url(answer.headers["Location"])

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def sign_in(base, email, name):
    """Signs in through the sandbox Google's custom identity form; returns the signed-in Browser."""
    browser = Browser(base)
    start = find_form(browser.get("/signin"), lambda a: "data-signin-google" in a)
    chooser = browser.post_form(start["attrs"]["action"], start["hidden"])
    custom = find_form(browser.get(chooser), lambda a: "data-custom-account" in a)
    fields = dict(custom["hidden"], custom_email=email, custom_name=name, custom_sub="", identity="custom")
    callback = browser.post_form(urllib.parse.urljoin(chooser, custom["attrs"]["action"]), fields)
    browser.open(callback).read()
    if not any(c.name == "midx.session" for c in browser.jar):
        sys.exit(f"Signing in as {email} failed.")
    return browser


def ensure_playwright():
    """Installs playwright-core into scripts/node_modules (pinned in scripts/package.json; it downloads no browser)."""
    scripts = os.path.join(ROOT, "scripts")
    if not os.path.isdir(os.path.join(scripts, "node_modules", "playwright-core")):
        subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=scripts, check=True,
                       env=dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1"))
