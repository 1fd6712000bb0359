#!/usr/bin/env python3
"""Upload benchmark: one generated 1 GiB video from the browser to Midx and from Midx to (sandbox) TikTok.

Builds Midx.App (Release) and starts it on 127.0.0.1 in sandbox mode with a fresh data folder. Then:

1. browser → app: scripts/bench-upload-browser.mjs drives Debian's headless Chromium (/usr/bin/chromium) with
   playwright-core: it signs in through the sandbox Google as "Grace Hopper", links the sandbox TikTok creator
   "Avery Stone", opens /compose and sets the video on its file input, so the page's own module
   (js/video-upload.js) sends it to /publishing/uploads with XMLHttpRequest. Timed in the page by the request's
   PerformanceResourceTiming (request start to response end); the time from setting the file until the page shows
   the stored video is printed too.
2. app → TikTok: the same page sends the draft to the TikTok inbox; the publish worker sends the video to the
   sandbox's upload_url in the planned chunks. Timed by the sandbox, from the arrival of the first chunk to the last byte.
3. curl → app (reference for leg 1): curl posts the same file to the same endpoint as the same person (the page's
   cookies and antiforgery token), the way the page's module does (raw body); timed by curl.
4. curl → TikTok (baseline for leg 2): curl PUTs the same bytes, in the same chunks, to a fresh sandbox upload_url over
   one connection; timed by the sandbox like leg 2.

It prints the size, seconds and MB/s of each leg, the ratios to curl and the app's peak working set (VmHWM) after
legs 1 and 2, and after all four. The sandbox TikTok runs inside the app's process, so the peak includes the sandbox
receiving the chunks as well as Midx sending them. Every wait has a timeout (--timeout-seconds, default 600).

Needs node and playwright-core in scripts/node_modules: when it is missing the script runs `npm install` in scripts/
(the version is pinned in scripts/package.json; no browser is downloaded).

Usage: python3 scripts/bench-upload.py [--size-mib N] [--timeout-seconds S] [--keep]
"""
import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

from benchlib import ROOT, Browser, build_app, ensure_playwright, free_port, memory_mb, start_app, stop_app

FIXTURE = os.path.join(ROOT, "Midx.Tests", "Publishing", "Fixtures", "two-seconds.mp4")
SANDBOX = "/sandbox/tiktok"
CONTROL = SANDBOX + "/__test"
# ChunkPlan (Midx.Core/TikTok/ChunkPlan.cs): whole up to 64,000,000 bytes, else 10,000,000-byte chunks, the last
# one taking the remainder.
WHOLE_UPLOAD = 64_000_000
CHUNK_SIZE = 10_000_000
TIMEOUT_SECONDS = 600  # for each curl run and each long wait; --timeout-seconds changes it
SCRIPTS = os.path.join(ROOT, "scripts")
BROWSER_SCRIPT = os.path.join(SCRIPTS, "bench-upload-browser.mjs")


def generate_video(path, size):
    """A valid MP4 of `size` bytes: a real two-second MP4 followed by one ISO-BMFF `free` box of varied filler."""
    with open(FIXTURE, "rb") as fixture:
        head = fixture.read()
    filler = size - len(head)
    if not 8 <= filler < 2 ** 32:
        sys.exit(f"--size-mib must give between {len(head) + 8} bytes and 4 GiB")
    block = os.urandom(16 * 1024 * 1024)
    with open(path, "wb") as video:
        video.write(head)
        video.write(filler.to_bytes(4, "big") + b"free")
        left = filler - 8
        while left > 0:
            video.write(block[:min(left, len(block))])
            left -= min(left, len(block))


def chunk_ranges(size):
    if size <= WHOLE_UPLOAD:
        return [(0, size - 1)]
    count = size // CHUNK_SIZE
    return [(i * CHUNK_SIZE, size - 1 if i == count - 1 else (i + 1) * CHUNK_SIZE - 1) for i in range(count)]


def curl(*args):
    """Runs curl and returns its stdout; curl's own timing comes back through -w."""
    done = subprocess.run(["curl", "-sS", "--max-time", str(TIMEOUT_SECONDS), *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"curl failed: {done.stderr.strip()}")
    return done.stdout


def browser_legs(base, video):
    """Legs 1 and 2 in headless Chromium through the compose page; returns what bench-upload-browser.mjs printed."""
    try:
        done = subprocess.run(["node", BROWSER_SCRIPT, "--base", base, "--video", video,
                               "--timeout-seconds", str(TIMEOUT_SECONDS)],
                              stdout=subprocess.PIPE, text=True, timeout=2 * TIMEOUT_SECONDS + 300)
    except subprocess.TimeoutExpired:
        sys.exit("The browser script did not finish in time.")
    if done.returncode != 0:
        sys.exit(f"The browser script failed (exit {done.returncode}); its messages are above.")
    return json.loads(done.stdout.strip().splitlines()[-1])


def curl_to_app(video, upload_url, token, cookie):
    """curl → app: the page's request (raw body, antiforgery header) as the same person; returns curl's seconds."""
    out = curl("-X", "POST", "-T", video, upload_url,
               "-H", "Expect:", "-H", "Content-Type: video/mp4", "-H", "Accept: application/json",
               "-H", f"RequestVerificationToken: {token}", "-H", "X-File-Name: bench.mp4",
               "-H", f"Cookie: {cookie}", "-w", "\n%{http_code} %{time_total}")
    body, status = out.rsplit("\n", 1)
    code, seconds = status.split()
    if code != "201":
        sys.exit(f"The upload endpoint answered curl with {code}: {body}")
    return float(seconds)


def at(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def sandbox_transfer_seconds(browser, publish_id, journal_from):
    """Seconds from the first chunk's arrival at the sandbox to its last byte, for this publish's upload."""
    publish = browser.get_json(f"{CONTROL}/publishes/{urllib.parse.quote(publish_id)}")
    puts = [e for e in browser.get_json(f"{CONTROL}/requests?endpoint=upload") if e["sequence"] > journal_from]
    if publish["uploadCompletedAt"] is None or not puts:
        sys.exit(f"The sandbox has no completed upload for {publish_id}")
    return (at(publish["uploadCompletedAt"]) - at(puts[0]["at"])).total_seconds(), publish


def last_journal_sequence(browser):
    entries = browser.get_json(f"{CONTROL}/requests")
    return entries[-1]["sequence"] if entries else 0


def curl_baseline(browser, video, size, folder):
    """Inits an inbox upload with a sandbox token and PUTs the chunks with one curl over one connection."""
    token = browser.post_json(CONTROL + "/tokens", {"creatorKey": "public", "scopes": ["video.upload"]})["access_token"]
    ranges = chunk_ranges(size)
    init = json.loads(curl("-X", "POST", browser.url(SANDBOX + "/v2/post/publish/inbox/video/init/"),
                           "-H", f"Authorization: Bearer {token}", "-H", "Content-Type: application/json; charset=UTF-8",
                           "--data", json.dumps({"source_info": {
                               "source": "FILE_UPLOAD", "video_size": size,
                               "chunk_size": ranges[0][1] + 1 if len(ranges) == 1 else CHUNK_SIZE,
                               "total_chunk_count": len(ranges)}})))
    if init["error"]["code"] != "ok":
        sys.exit(f"The sandbox refused the baseline init: {init['error']}")
    upload_url = init["data"]["upload_url"]
    target = urllib.parse.urlparse(upload_url)
    target = target.path + "?" + target.query

    # curl reads each chunk from its own file (prepared before the clock starts); --request-target keeps curl from
    # appending the file's name to the URL's path, which ends in "/".
    args = []
    with open(video, "rb") as source:
        for index, (first, last) in enumerate(ranges):
            part = os.path.join(folder, f"chunk{index:04}")
            with open(part, "wb") as chunk:
                chunk.write(source.read(last - first + 1))
            if args:
                args.append("--next")
            args += ["-X", "PUT", "-T", part, "--request-target", target, upload_url, "-o", "/dev/null",
                     "-H", "Expect:", "-H", "Content-Type: video/mp4", "-H", f"Content-Range: bytes {first}-{last}/{size}",
                     "-w", "%{http_code}\n"]
    journal_from = last_journal_sequence(browser)
    began = time.perf_counter()
    codes = curl(*args).split()
    wall = time.perf_counter() - began
    for index in range(len(ranges)):
        os.remove(os.path.join(folder, f"chunk{index:04}"))
    if codes[-1] != "201" or any(c != "206" for c in codes[:-1]):
        sys.exit(f"The sandbox answered the baseline chunks with {' '.join(sorted(set(codes)))}")
    seconds, _ = sandbox_transfer_seconds(browser, init["data"]["publish_id"], journal_from)
    return seconds, wall


def main():
    global TIMEOUT_SECONDS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mib", type=int, default=1024, help="video size in MiB (default 1024)")
    parser.add_argument("--timeout-seconds", type=int, default=TIMEOUT_SECONDS,
                        help=f"limit for each upload and each curl run (default {TIMEOUT_SECONDS})")
    parser.add_argument("--keep", action="store_true", help="keep the data folder afterwards")
    args = parser.parse_args()
    TIMEOUT_SECONDS = args.timeout_seconds
    size = args.size_mib * 1024 * 1024

    ensure_playwright()
    dll = build_app()
    folder = tempfile.mkdtemp(prefix="midx-bench-upload-")
    data = os.path.join(folder, "data")
    os.mkdir(data)
    video = os.path.join(folder, "bench.mp4")
    generate_video(video, size)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_app(dll, data, port)
    try:
        # The sandbox's control endpoints need no sign-in; the browser signs itself in.
        sandbox = Browser(base)
        sandbox.post_json(CONTROL + "/switches", {"processingDelaySeconds": 0})
        journal_from = last_journal_sequence(sandbox)
        idle = memory_mb(process, "VmHWM")

        page = browser_legs(base, video)
        publishes = [p for p in sandbox.get_json(CONTROL + "/publishes") if p["source"] == "FileUpload"]
        app_seconds, publish = sandbox_transfer_seconds(sandbox, publishes[-1]["publishId"], journal_from)
        if publish["videoSize"] != size:
            sys.exit(f"The sandbox received {publish['videoSize']} bytes instead of {size}")
        peak = memory_mb(process, "VmHWM")

        curl_app_seconds = curl_to_app(video, page["uploadUrl"], page["token"], page["cookie"])
        curl_seconds, curl_wall = curl_baseline(sandbox, video, size, folder)
        peak_all = memory_mb(process, "VmHWM")
    finally:
        stop_app(process)

    mb = size / 1_000_000
    browser_seconds = page["uploadSeconds"]
    print(f"\nVideo: {size:,} bytes ({args.size_mib} MiB), {len(chunk_ranges(size))} chunks to TikTok\n")
    print(f"{'leg':<44}{'seconds':>9}{'MB/s':>9}")
    for name, seconds in [("browser → app (Chromium, compose page)", browser_seconds),
                          ("curl → app (same endpoint, reference)", curl_app_seconds),
                          ("app → TikTok sandbox (worker)", app_seconds),
                          ("curl → TikTok sandbox (baseline)", curl_seconds)]:
        print(f"{name:<44}{seconds:>9.2f}{mb / seconds:>9.0f}")
    print(f"\n(in the page, from setting the file to the stored video shown: {page['pickedToShown']:.2f} s; "
          f"curl's own wall time for the baseline: {curl_wall:.2f} s)")
    print(f"App peak working set (VmHWM): {peak:.0f} MB after the browser upload and the worker's send, "
          f"{peak_all:.0f} MB after the curl legs too (after start-up: {idle:.0f} MB)")
    browser_ratio = curl_app_seconds / browser_seconds
    app_ratio = curl_seconds / app_seconds
    print(f"\nTargets: peak under 300 MB: {'met' if peak < 300 else 'NOT met'}; "
          f"browser → app at least half of curl: {browser_ratio:.2f}× curl, {'met' if browser_ratio >= 0.5 else 'NOT met'}; "
          f"app → TikTok at least half of curl: {app_ratio:.2f}× curl, {'met' if app_ratio >= 0.5 else 'NOT met'}")
    if args.keep:
        os.remove(video)
        print(f"Data folder kept: {data}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
