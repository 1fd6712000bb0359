// The browser side of scripts/bench-live.py: Debian's headless Chromium, driven by playwright-core, signs in through the
// sandbox Google as "Grace Hopper", links the sandbox TikTok creator "Avery Stone", opens the history page in --pages
// tabs (each its own circuit), then posts --posts videos through the compose page in one more tab. Every history row
// carries the moment of the job's last saved change (data-updated-at, the server's clock); a MutationObserver in each
// tab notes when that moment changes in its DOM, so each sample is the time from the worker's save to the row on the
// screen. The browser and the app share one machine and one clock. Prints "opening" on stdout before the tabs open and
// "connected" once every tab listens (bench-live.py reads the app's memory at both), then one line of JSON:
// { pages, samples, latenciesMs: [...] }.
// Usage: node scripts/bench-live-browser.mjs --base http://127.0.0.1:PORT --video FILE [--pages 100] [--posts 5]
import { launchChromium } from "./chromium.mjs";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    video: { type: "string" },
    pages: { type: "string", default: "100" },
    posts: { type: "string", default: "5" },
  },
});
if (!args.base || !args.video) {
  console.error("Usage: node scripts/bench-live-browser.mjs --base http://127.0.0.1:PORT --video FILE [--pages 100] [--posts 5]");
  process.exit(2);
}
const stepWait = 120_000;
const watchers = Number(args.pages);
const posts = Number(args.posts);
const log = (message) => console.error(`[browser] ${message}`);

// A hundred background tabs must keep running their timers and observers.
const browser = await launchChromium(stepWait,
  ["--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"]);
try {
  const context = await browser.newContext({ baseURL: args.base, viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  context.setDefaultTimeout(stepWait);
  context.setDefaultNavigationTimeout(stepWait);
  const driver = await context.newPage();
  const circuit = (page) => page.locator("[data-circuit=on]").waitFor();

  log("signing in and linking Avery Stone");
  await driver.goto("/signin");
  await driver.getByRole("button", { name: "Sign in with Google" }).click();
  await driver.getByRole("button", { name: "Grace Hopper" }).click();
  await driver.locator("[data-user-name]", { hasText: "Grace Hopper" }).first().waitFor();
  await driver.goto("/accounts");
  await circuit(driver);
  await driver.getByRole("button", { name: /^Link (a|another) TikTok account$/ }).first().click();
  await driver.getByLabel("Avery Stone").check();
  await driver.getByRole("button", { name: "Authorize" }).click();
  await driver.locator('[data-notice="Linked"]').waitFor();

  log(`opening the history in ${watchers} tabs`);
  console.log("opening");
  const tabs = [];
  for (let i = 0; i < watchers; i++) {
    const tab = await context.newPage();
    await tab.goto("/history");
    await tab.locator("[data-live-status][data-state=connected]").waitFor();
    await tab.evaluate(() => {
      window.__latencies = [];
      const seen = new Map();
      const note = () => {
        const now = Date.now();
        for (const row of document.querySelectorAll("[data-job-id][data-updated-at]")) {
          const at = Number(row.dataset.updatedAt);
          if (seen.has(row.dataset.jobId) && seen.get(row.dataset.jobId) !== at) window.__latencies.push(now - at);
          seen.set(row.dataset.jobId, at);
        }
      };
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-updated-at"] });
    });
    tabs.push(tab);
  }
  console.log("connected");

  for (let i = 0; i < posts; i++) {
    log(`post ${i + 1} of ${posts}`);
    await driver.goto("/compose");
    await circuit(driver);
    await driver.getByLabel("Video file (MP4, MOV or WebM, up to 4 GB)").setInputFiles(args.video);
    await driver.locator("[data-upload-summary]").waitFor();
    await driver.getByLabel("Who can see this video").selectOption("SELF_ONLY");
    await driver.locator("button[data-publish]").click();
    await driver.waitForURL(/\/jobs\/[0-9a-f-]{36}/, { waitUntil: "commit" });
    await driver.locator("[data-job-badge]", { hasText: "Posted" }).waitFor({ timeout: stepWait });
  }

  // The last changes reach every tab.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const latencies = [];
  for (const tab of tabs) latencies.push(...await tab.evaluate(() => window.__latencies));
  console.log(JSON.stringify({ pages: watchers, samples: latencies.length, latenciesMs: latencies }));
} finally {
  await browser.close();
}
