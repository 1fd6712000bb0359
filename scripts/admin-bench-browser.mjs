// The browser side of scripts/admin-bench.py: Debian's headless Chromium, driven by playwright-core, opens each console
// page with the admin's session cookie as a person following a shared link would (a full page load, so a new circuit
// every time) and times three moments from the start of the navigation: the prerendered HTML parsed (domcontentloaded),
// the page live on its circuit ([data-circuit=on]), and the page's data on the screen (the first element carrying its
// `marker` attribute, e.g. a grid row, which MudDataGrid asks the server for once the circuit runs). A page with
// `next` also times its "Next page" link clicked on the circuit until the first marked row names another record.
// Reads the pages as JSON on stdin: [{ name, path, marker, next }]; prints one line of JSON per page on stdout:
// { name, loadedMs: [...], liveMs: [...], shownMs: [...], nextMs: [...] }.
// Usage: node scripts/admin-bench-browser.mjs --base http://127.0.0.1:PORT --cookie NAME=VALUE [--runs 5] < pages.json
import { launchChromium } from "./chromium.mjs";
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    cookie: { type: "string" },
    runs: { type: "string", default: "5" },
  },
});
if (!args.base || !args.cookie) {
  console.error("Usage: node scripts/admin-bench-browser.mjs --base http://127.0.0.1:PORT --cookie NAME=VALUE [--runs 5] < pages.json");
  process.exit(2);
}
const pages = JSON.parse(readFileSync(0, "utf8"));
const runs = Number(args.runs);
const stepWait = 120_000;
const [cookieName, ...cookieValue] = args.cookie.split("=");

const browser = await launchChromium(stepWait);
try {
  const context = await browser.newContext({ baseURL: args.base, viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  context.setDefaultTimeout(stepWait);
  context.setDefaultNavigationTimeout(stepWait);
  await context.addCookies([{ name: cookieName, value: cookieValue.join("="), url: args.base }]);
  const tab = await context.newPage();
  tab.on("console", (message) => { if (message.type() === "error") console.error(`[page] ${message.text()}`); });
  tab.on("pageerror", (error) => console.error(`[page] ${error.message}`));

  const open = async ({ path, marker }) => {
    const began = performance.now();
    await tab.goto(path, { waitUntil: "domcontentloaded" });
    const loaded = performance.now() - began;
    await tab.locator("[data-circuit=on]").waitFor();
    const live = performance.now() - began;
    await tab.locator(`[${marker}]`).first().waitFor();
    return { loaded, live, shown: performance.now() - began };
  };

  const nextPage = async (marker) => {
    const before = await tab.locator(`[${marker}]`).first().getAttribute(marker);
    const began = performance.now();
    await tab.locator("a[rel=next]").first().click();
    await tab.waitForFunction(([name, old]) => {
      const row = document.querySelector(`[${name}]`);
      return row !== null && row.getAttribute(name) !== old;
    }, [marker, before]);
    return performance.now() - began;
  };

  for (const page of pages) {
    await open(page); // warm-up
    const result = { name: page.name, loadedMs: [], liveMs: [], shownMs: [], nextMs: [] };
    for (let i = 0; i < runs; i++) {
      const { loaded, live, shown } = await open(page);
      result.loadedMs.push(loaded);
      result.liveMs.push(live);
      result.shownMs.push(shown);
      if (page.next) result.nextMs.push(await nextPage(page.marker));
    }
    console.log(JSON.stringify(result));
    console.error(`[browser] ${page.name}`);
  }
} finally {
  await browser.close();
}
