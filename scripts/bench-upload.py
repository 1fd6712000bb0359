#!/usr/bin/env python3
"""Upload benchmark: one generated 1 GiB video from the browser to Midx and from Midx to (sandbox) TikTok.

Builds Midx.App (Release) and starts it on 127.0.0.1 in sandbox mode with a fresh data folder, signs in as a creator
through the sandbox Google and links the sandbox TikTok creator "public", exactly as a browser would. Then:

1. browser → app: curl streams the video to the upload endpoint (/publishing/uploads) the way the compose page's
   script does (raw body, antiforgery header); timed by curl.
2. app → TikTok: the compose form is submitted as an inbox draft; the publish worker sends the video to the sandbox's
   upload_url in the planned chunks. Timed by the sandbox, from the arrival of the first chunk to the last byte.
3. baseline: curl PUTs the same bytes, in the same chunks, to a fresh sandbox upload_url over one connection; timed
   the same way, so the two figures are comparable.

It prints the size, seconds and MB/s of each leg and the app's peak working set (VmHWM). The sandbox TikTok runs
inside the app's process, so the peak includes the sandbox receiving the chunks as well as Midx sending them.

Usage: python3 scripts/bench-upload.py [--size-mib N] [--keep]
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

from benchlib import ROOT, build_app, find_form, free_port, memory_mb, sign_in, start_app, stop_app

FIXTURE = os.path.join(ROOT, "Midx.Tests", "Publishing", "Fixtures", "two-seconds.mp4")
SANDBOX = "/sandbox/tiktok"
CONTROL = SANDBOX + "/__test"
# ChunkPlan (Midx.Core/TikTok/ChunkPlan.cs): whole up to 64,000,000 bytes, else 10,000,000-byte chunks, the last
# one taking the remainder.
WHOLE_UPLOAD = 64_000_000
CHUNK_SIZE = 10_000_000
PROCESSING = 4  # JobState.Processing; every state after it means the upload is over
FAILED = 7
TIMEOUT_SECONDS = 600


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


def link_tiktok(browser, creator):
    browser.post_json(CONTROL + "/consent", {"decision": "Approve", "creatorKey": creator})
    link = find_form(browser.get("/accounts"), lambda a: a.get("action") == "/tiktok/link")
    authorize = browser.post_form("/tiktok/link", link["hidden"])
    landing = browser.follow(browser.follow(authorize))
    if "notice=Linked" not in landing:
        sys.exit(f"Linking the sandbox TikTok creator failed; Midx sent the browser to {landing}")


def curl(*args):
    """Runs curl and returns its stdout; curl's own timing comes back through -w."""
    done = subprocess.run(["curl", "-sS", "--max-time", str(TIMEOUT_SECONDS), *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"curl failed: {done.stderr.strip()}")
    return done.stdout


def upload_through_app(browser, video):
    """browser → app: returns (upload id, seconds as curl measured them)."""
    # Any signed-in page's form carries the antiforgery token (the compose page's script reads it the same way).
    token = find_form(browser.get("/accounts"), lambda a: a.get("action") == "/tiktok/link")["hidden"]["__RequestVerificationToken"]
    out = curl("-X", "POST", "-T", video, browser.url("/publishing/uploads"),
               "-H", "Expect:", "-H", "Content-Type: application/octet-stream", "-H", "Accept: application/json",
               "-H", f"RequestVerificationToken: {token}", "-H", "X-File-Name: bench.mp4",
               "-H", f"Cookie: {browser.cookie_header()}", "-w", "\n%{http_code} %{time_total}")
    body, status = out.rsplit("\n", 1)
    code, seconds = status.split()
    if code != "201":
        sys.exit(f"The upload endpoint answered {code}: {body}")
    return json.loads(body)["id"], float(seconds)


def submit_inbox_draft(browser, upload_id):
    """Submits the compose form for the uploaded video, as an inbox draft sent now; returns the job's status path."""
    page = f"/compose?upload={upload_id}"
    form = find_form(browser.get(page), lambda a: a.get("id") == "compose-form")
    fields = dict(form["hidden"], **{
        "Form.Mode": "Inbox", "Form.Source": "File", "Form.UploadId": upload_id, "Form.Caption": "Upload benchmark",
        "Form.When": "now", "Form.ConsentGiven": "true"})
    job = browser.post_form(page, fields)
    if "/jobs/" not in job:
        sys.exit(f"The compose form did not create a job; it went to {job}")
    return urllib.parse.urlparse(job).path + "/status"


def wait_for_upload(browser, status_path):
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        job = browser.get_json(status_path)["job"]
        if job["state"] == FAILED:
            sys.exit(f"The job failed: {job['message']}")
        if job["state"] >= PROCESSING:
            return
        time.sleep(0.5)
    sys.exit(f"The upload did not finish within {TIMEOUT_SECONDS} s")


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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mib", type=int, default=1024, help="video size in MiB (default 1024)")
    parser.add_argument("--keep", action="store_true", help="keep the data folder afterwards")
    args = parser.parse_args()
    size = args.size_mib * 1024 * 1024

    dll = build_app()
    folder = tempfile.mkdtemp(prefix="midx-bench-upload-")
    data = os.path.join(folder, "data")
    os.mkdir(data)
    video = os.path.join(folder, "bench.mp4")
    generate_video(video, size)
    port = free_port()
    process = start_app(dll, data, port)
    try:
        browser = sign_in(f"http://127.0.0.1:{port}", "bench@sandbox.midx.test", "Bench Creator")
        browser.post_json(CONTROL + "/switches", {"processingDelaySeconds": 0})
        link_tiktok(browser, "public")
        idle = memory_mb(process, "VmHWM")

        upload_id, browser_seconds = upload_through_app(browser, video)
        journal_from = last_journal_sequence(browser)
        status_path = submit_inbox_draft(browser, upload_id)
        wait_for_upload(browser, status_path)
        publishes = [p for p in browser.get_json(CONTROL + "/publishes") if p["source"] == "FileUpload"]
        app_seconds, publish = sandbox_transfer_seconds(browser, publishes[-1]["publishId"], journal_from)
        if publish["videoSize"] != size:
            sys.exit(f"The sandbox received {publish['videoSize']} bytes instead of {size}")
        peak = memory_mb(process, "VmHWM")

        curl_seconds, curl_wall = curl_baseline(browser, video, size, folder)
    finally:
        stop_app(process)

    mb = size / 1_000_000
    print(f"\nVideo: {size:,} bytes ({args.size_mib} MiB), {len(chunk_ranges(size))} chunks to TikTok\n")
    print(f"{'leg':<34}{'seconds':>9}{'MB/s':>9}")
    for name, seconds in [("browser → app (curl upload)", browser_seconds),
                          ("app → TikTok sandbox (worker)", app_seconds),
                          ("curl → TikTok sandbox (baseline)", curl_seconds)]:
        print(f"{name:<34}{seconds:>9.2f}{mb / seconds:>9.0f}")
    print(f"\n(curl's own wall time for the baseline: {curl_wall:.2f} s)")
    print(f"App peak working set (VmHWM): {peak:.0f} MB (after start-up and sign-in: {idle:.0f} MB)")
    ratio = curl_seconds / app_seconds
    print(f"\nTargets: peak under 300 MB: {'met' if peak < 300 else 'NOT met'}; "
          f"app → TikTok at least half of curl: {ratio:.2f}× curl, {'met' if ratio >= 0.5 else 'NOT met'}")
    if args.keep:
        os.remove(video)
        print(f"Data folder kept: {data}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
