// The admin overview's live feed: every job update the hub sends to the admins group (PublishHubForwarder's
// "jobUpdated", a JobUpdate record) is added to the top of the list, newest first, without reloading.
// Contract with the markup: [data-admin-feed] (the list, with data-admin-feed-limit and data-admin-feed-event)
// and [data-admin-feed-status] (a text status line).
const feed = document.querySelector("[data-admin-feed]");
const status = document.querySelector("[data-admin-feed-status]");
const limit = Number(feed?.dataset.adminFeedLimit ?? 20);
const eventName = feed?.dataset.adminFeedEvent ?? "jobUpdated";

// JobState in declaration order: SignalR's JSON protocol sends enums as numbers.
const stateNames = ["Scheduled", "Queued", "Initializing", "Uploading", "Processing", "SentToInbox", "Published", "Failed", "Cancelled"];

const stateLabels = { SentToInbox: "Sent to inbox" };
const stateClasses = {
  Published: "text-bg-success", SentToInbox: "text-bg-success", Failed: "text-bg-danger",
  Cancelled: "text-bg-secondary", Scheduled: "text-bg-light border", Queued: "text-bg-info",
};

function pick(message, ...names) {
  for (const name of names) {
    if (message?.[name] !== undefined && message[name] !== null) return message[name];
  }
  return null;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function formatTime(date) {
  const month = date.toLocaleString("en", { month: "short", timeZone: "UTC" });
  const pad = (n) => String(n).padStart(2, "0");
  return `${month} ${date.getUTCDate()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

function render(message) {
  const jobId = pick(message, "jobId", "id");
  const rawState = pick(message, "state");
  const state = typeof rawState === "number" ? (stateNames[rawState] ?? "Changed") : String(rawState ?? "Changed");
  const at = new Date(pick(message, "at", "updatedAt") ?? Date.now());

  const item = element("li", "midx-feed-item midx-feed-new");
  item.dataset.jobId = jobId ?? "";
  const time = element("time", null, formatTime(at));
  time.dateTime = at.toISOString();
  const label = pick(message, "stateLabel") ?? stateLabels[state] ?? state;
  const badge = element("span", `badge rounded-pill ${stateClasses[state] ?? "text-bg-primary"}`, label);
  badge.dataset.state = state;
  const link = element("a", null, pick(message, "fileName") ?? `Upload ${String(jobId ?? "").slice(-8)}`);
  if (jobId) link.href = `/admin/uploads/${jobId}`;
  item.append(time, " ", badge, " ", link);

  const who = [pick(message, "userEmail"), pick(message, "accountUsername")].filter(Boolean);
  if (who.length > 0) {
    item.append(" ", element("span", "text-body-secondary small", who.length === 2 ? `${who[0]} → @${who[1]}` : who[0]));
  }
  const text = pick(message, "message");
  if (text) item.append(" ", element("span", "small", text));
  const code = pick(message, "errorCode");
  if (code) item.append(" ", element("code", "small", code));
  return item;
}

function add(message) {
  feed.querySelector("[data-admin-feed-empty]")?.remove();
  feed.prepend(render(message));
  while (feed.children.length > limit) feed.lastElementChild.remove();
  if (status) status.textContent = "Live: new events appear at the top";
}

function subscribe(connection) {
  if (!connection || connection.midxAdminFeed) return;
  connection.midxAdminFeed = true;
  connection.on(eventName, add);
  if (status) status.textContent = "Live: new events appear at the top";
}

if (feed) {
  subscribe(window.midxLive);
  document.addEventListener("midx:connected", () => subscribe(window.midxLive));
}
