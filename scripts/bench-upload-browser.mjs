// The browser side of scripts/bench-upload.py: Debian's headless Chromium, driven by playwright-core, signs in through
// the sandbox Google as "Grace Hopper", links the sandbox TikTok creator "Avery Stone", opens /compose and gives the
// video to the file input, so the page's own module (js/video-upload.js) sends it to /publishing/uploads with
// XMLHttpRequest. Then it sends the draft to the TikTok inbox and waits on the job's status until the publish worker
// has sent the video to the sandbox. Every wait has a timeout. It prints one line of JSON on stdout:
//   uploadSeconds   the upload request's own duration in the page (PerformanceResourceTiming: request start to response end)
//   pickedToShown   seconds from giving the file to the input until the page shows the stored video ([data-upload-summary])
//   uploadUrl, token, cookie   the endpoint with the page's account, and what curl needs to post there as the same person
//   jobStatusPath   the job the compose page created
// Usage: node scripts/bench-upload-browser.mjs --base http://127.0.0.1:PORT --video FILE [--timeout-seconds 600]
import { launchChromium } from "./chromium.mjs";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    video: { type: "string" },
    "timeout-seconds": { type: "string", default: "600" },
  },
});
if (!args.base || !args.video) {
  console.error("Usage: node scripts/bench-upload-browser.mjs --base http://127.0.0.1:PORT --video FILE [--timeout-seconds 600]");
  process.exit(2);
}
const longWait = Number(args["timeout-seconds"]) * 1000; // the upload and the worker's send
const stepWait = 60_000; // every other step
const PROCESSING = 4; // JobState.Processing; every state after it means the upload to TikTok is over
const FAILED = 7;
const log = (message) => console.error(`[browser] ${message}`);

const browser = await launchChromium(stepWait, ["--disable-quic"]);
try {
  const context = await browser.newContext({ baseURL: args.base, viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  context.setDefaultTimeout(stepWait);
  context.setDefaultNavigationTimeout(stepWait);
  const page = await context.newPage();
  const circuit = () => page.locator("[data-circuit=on]").waitFor();

  log("signing in through the sandbox Google as Grace Hopper");
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByRole("button", { name: "Grace Hopper" }).click();
  await page.locator("[data-user-name]", { hasText: "Grace Hopper" }).first().waitFor();
  await circuit();

  log("linking the sandbox TikTok creator Avery Stone");
  await page.goto("/accounts");
  await circuit();
  await page.getByRole("button", { name: /^Link (a|another) TikTok account$/ }).first().click();
  await page.getByLabel("Avery Stone").check();
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.locator('[data-notice="Linked"]').waitFor();
  await circuit();

  log("uploading through the compose page");
  await page.goto("/compose");
  await circuit();
  let token = null;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/publishing/uploads") {
      token = request.headers()["requestverificationtoken"] ?? null;
    }
  });
  const input = page.getByLabel("Video file (MP4, MOV or WebM, up to 4 GB)");
  await input.waitFor({ state: "attached" });
  const picked = performance.now();
  await input.setInputFiles(args.video, { timeout: stepWait });
  const summary = page.locator("[data-upload-summary]");
  const refusal = page.locator("[data-upload-error]");
  await summary.or(refusal).first().waitFor({ timeout: longWait });
  const pickedToShown = (performance.now() - picked) / 1000;
  if (await refusal.count()) {
    throw new Error(`The compose page refused the upload: ${await refusal.first().innerText()}`);
  }
  const entries = await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => new URL(e.name).pathname === "/publishing/uploads")
    .map((e) => ({ url: e.name, initiator: e.initiatorType, duration: e.duration })));
  if (entries.length !== 1 || entries[0].initiator !== "xmlhttprequest") {
    throw new Error(`Expected one XMLHttpRequest to /publishing/uploads, the page timed: ${JSON.stringify(entries)}`);
  }
  log(`shown: ${(await summary.innerText()).trim()}`);

  log("sending it to the TikTok inbox");
  await page.getByText("Send to TikTok inbox", { exact: true }).first().click();
  const publish = page.locator("button[data-publish]", { hasText: "Send to TikTok inbox" });
  await publish.waitFor();
  await publish.click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}/, { waitUntil: "commit" });
  const jobStatusPath = new URL(page.url()).pathname + "/status";

  // The person watches the job page while the worker sends the video; the status endpoint says when it is over.
  const deadline = Date.now() + longWait;
  for (;;) {
    const job = (await (await page.request.get(jobStatusPath, { timeout: stepWait })).json()).job;
    if (job.state === FAILED) throw new Error(`The job failed: ${job.message}`);
    if (job.state >= PROCESSING) break;
    if (Date.now() > deadline) throw new Error(`The job did not finish its upload within ${longWait / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const cookie = (await context.cookies(args.base)).map((c) => `${c.name}=${c.value}`).join("; ");
  console.log(JSON.stringify({
    uploadSeconds: entries[0].duration / 1000, pickedToShown, uploadUrl: entries[0].url, token, cookie, jobStatusPath,
  }));
} finally {
  await browser.close();
}
