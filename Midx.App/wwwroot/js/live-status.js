// Keeps job status on the page current without reload: listens for "jobUpdated" on the page's one SignalR connection
// (window.midxLive, opened by live-connection.js) and, after a (re)connect, refetches each unfinished job's state.
// Contract: [data-live-jobs] (data-job-states: the state names in enum order; data-status-url-template with "{id}")
// holding [data-job-id] elements (data-tiktok-username) with any of: [data-job-badge] [data-job-progress]
// [data-job-progress-text] [data-job-message] [data-job-error] [data-job-error-code] [data-job-error-message]
// [data-job-log-id] [data-job-link-box] a[data-job-link] [data-job-action=cancel|retry] ol[data-job-timeline].
// [data-job-error] stays hidden for the codes listed in its data-job-error-ignore (comma-separated).
import { localize } from "./local-time.js";

const root = document.querySelector("[data-live-jobs]");

const labels = {
  Scheduled: "Scheduled",
  Queued: "Waiting to start",
  Initializing: "Starting",
  Uploading: "Uploading to TikTok",
  Processing: "TikTok is processing",
  SentToInbox: "In your TikTok inbox",
  Published: "Posted",
  Failed: "Failed",
  Cancelled: "Cancelled",
};
const cancellable = new Set(["Scheduled", "Queued", "Uploading"]);
const tikTokHasVideo = new Set(["Processing", "SentToInbox", "Published"]);

function describeBytes(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, "")} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2).replace(/\.?0+$/, "")} GB`;
}

if (root) {
  const names = (root.dataset.jobStates || "").split(",");
  const template = root.dataset.statusUrlTemplate || "/jobs/{id}/status";
  const stateName = (state) => (typeof state === "number" ? names[state] : state);
  const seen = new Map();

  const find = (id) => root.querySelectorAll(`[data-job-id="${CSS.escape(id)}"]`);

  const apply = (update, { fromHub }) => {
    const id = String(update.jobId);
    const state = stateName(update.state);
    const at = parseAt(update.at);
    // A refetch may answer with an older picture than an update already shown; never step back in time.
    if ((seen.get(id) ?? 0) > at) return;
    seen.set(id, at);

    for (const job of find(id)) {
      job.dataset.state = state;
      const badge = job.querySelector("[data-job-badge]");
      if (badge) {
        badge.dataset.state = state;
        badge.textContent = update.stateLabel || labels[state] || state;
      }

      const bar = job.querySelector("[data-job-progress]");
      if (bar && update.fileSize > 0) {
        const sent = tikTokHasVideo.has(state) ? update.fileSize : Math.min(update.bytesUploaded, update.fileSize);
        bar.max = update.fileSize;
        bar.value = sent;
        const text = job.querySelector("[data-job-progress-text]");
        if (text) {
          text.textContent = sent >= update.fileSize
            ? `${describeBytes(update.fileSize)} sent to TikTok`
            : `${describeBytes(sent)} of ${describeBytes(update.fileSize)} sent to TikTok`;
        }
      }

      const message = job.querySelector("[data-job-message]");
      if (message && update.message) message.textContent = update.message;

      const error = job.querySelector("[data-job-error]");
      if (error) {
        const ignored = (error.dataset.jobErrorIgnore || "").split(",");
        error.hidden = !update.errorCode || ignored.includes(update.errorCode);
        if (update.errorCode) {
          const heading = error.querySelector("[data-job-error-heading]");
          if (heading) heading.textContent = update.errorSource === "Midx" ? "What Midx found" : "What TikTok said";
          const code = error.querySelector("[data-job-error-code]");
          if (code) code.textContent = update.errorCode;
          const plain = error.querySelector("[data-job-error-message]");
          if (plain && update.message && state === "Failed") plain.textContent = update.message;
          const log = error.querySelector("[data-job-log-id]");
          if (log) log.textContent = update.logId || "—";
        }
      }

      if (update.publicPostId) {
        const link = job.querySelector("[data-job-link]");
        if (link) {
          const user = job.dataset.tiktokUsername;
          link.href = user
            ? `https://www.tiktok.com/@${encodeURIComponent(user)}/video/${encodeURIComponent(update.publicPostId)}`
            : `https://www.tiktok.com/video/${encodeURIComponent(update.publicPostId)}`;
          link.hidden = false;
        }
        const box = job.querySelector("[data-job-link-box]");
        if (box) box.hidden = false;
      }

      const cancel = job.querySelector("[data-job-action=cancel]");
      if (cancel) cancel.hidden = !cancellable.has(state);
      const retry = job.querySelector("[data-job-action=retry]");
      if (retry) retry.hidden = state !== "Failed";

      const timeline = job.querySelector("[data-job-timeline]");
      if (timeline && fromHub) {
        addEvent(timeline, {
          state, label: update.stateLabel, message: update.message, errorCode: update.errorCode, errorSource: update.errorSource, logId: update.logId, at,
        });
      }
    }
  };

  // One history entry, in time order, unless it is already there (the hub and a refetch may both bring it).
  const addEvent = (timeline, event) => {
    const key = String(event.at);
    for (const existing of timeline.querySelectorAll("li[data-at]")) {
      if (existing.dataset.at === key && existing.dataset.eventState === event.state) return;
    }
    const item = document.createElement("li");
    item.dataset.eventState = event.state;
    item.dataset.at = key;
    const body = document.createElement("div");
    const title = document.createElement("div");
    title.className = "fw-semibold";
    title.textContent = event.label || labels[event.state] || event.state;
    body.append(title);
    if (event.message) {
      const text = document.createElement("div");
      text.className = "small text-body-secondary";
      text.textContent = event.message;
      body.append(text);
    }
    if (event.errorCode) {
      const code = document.createElement("div");
      code.className = "small";
      code.textContent = `${event.errorSource} code ${event.errorCode}${event.logId ? ` · log id ${event.logId}` : ""}`;
      body.append(code);
    }
    const time = document.createElement("time");
    time.dateTime = new Date(event.at).toISOString();
    time.dataset.localTime = "time";
    item.append(body, time);
    const later = [...timeline.querySelectorAll("li[data-at]")].find((li) => Number(li.dataset.at) > event.at);
    timeline.insertBefore(item, later ?? null);
    localize(item);
  };

  const parseAt = (value) => (value ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`) : Date.now());

  const refetch = async () => {
    const ids = new Set();
    for (const job of root.querySelectorAll("[data-job-id]")) {
      if (!["Published", "Failed", "Cancelled"].includes(job.dataset.state ?? "")) ids.add(job.dataset.jobId);
    }
    await Promise.all([...ids].map(async (id) => {
      try {
        const response = await fetch(template.replace("{id}", encodeURIComponent(id)), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          cache: "no-store",
        });
        if (!response.ok) return;
        const answer = await response.json();
        apply(answer.job, { fromHub: false });
        const events = answer.events ?? [];
        for (const job of find(String(answer.job.jobId))) {
          const timeline = job.querySelector("[data-job-timeline]");
          if (!timeline) continue;
          for (const e of events) {
            addEvent(timeline, {
              state: stateName(e.state), label: e.stateLabel, message: e.message, errorCode: e.errorCode, errorSource: e.errorSource, logId: e.logId, at: parseAt(e.at),
            });
          }
        }
      } catch {
        // Offline for a moment: the next reconnect refetches again.
      }
    }));
  };

  const listen = () => {
    const connection = window.midxLive;
    if (!connection || connection.__midxJobs) return;
    connection.__midxJobs = true;
    connection.on("jobUpdated", (update) => apply(update, { fromHub: true }));
  };

  for (const job of root.querySelectorAll("[data-job-id]")) {
    const badge = job.querySelector("[data-job-badge]");
    if (badge && !job.dataset.state) job.dataset.state = badge.dataset.state;
  }

  listen();
  document.addEventListener("midx:connected", () => { listen(); refetch(); });
  document.addEventListener("midx:reconnected", () => { listen(); refetch(); });
  // The connection may have opened before this module ran; whatever happened in between is fetched once.
  if (window.midxLive?.state === "Connected") refetch();
}
