// Sends the browser's time-zone offset with a scheduled time, so the server can store it in UTC, and says which zone
// the time is in. Contract: input[data-schedule-local], input[data-schedule-offset], [data-schedule-zone].
const local = document.querySelector("[data-schedule-local]");
const offset = document.querySelector("[data-schedule-offset]");
const zone = document.querySelector("[data-schedule-zone]");

if (local && offset) {
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const update = () => {
    // The offset of the chosen date itself, so a time across a daylight-saving change is still right.
    const at = local.value ? new Date(local.value) : new Date();
    offset.value = String(Number.isNaN(at.getTime()) ? new Date().getTimezoneOffset() : at.getTimezoneOffset());
  };
  if (zone) zone.textContent = `In your time zone${name ? ` (${name})` : ""}.`;
  if (!local.min) {
    const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
    local.min = now.toISOString().slice(0, 16);
  }
  local.addEventListener("input", update);
  local.form?.addEventListener("submit", update);
  update();
}
