// What the browser legs of the benchmarks share: Debian's headless Chromium through playwright-core (which downloads no
// browser), without the background work (sync, component updates, first-run pages) that would add noise to a timing.
import { chromium } from "playwright-core";

const quiet = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--disable-dev-shm-usage"];

/** Launches Chromium, giving up after `timeout` ms; `extraArgs` adds what one benchmark needs on top. */
export const launchChromium = (timeout, extraArgs = []) =>
  chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, timeout, args: [...quiet, ...extraArgs] });
