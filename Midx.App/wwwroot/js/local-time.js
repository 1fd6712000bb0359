// Shows server-rendered UTC times (<time data-local-time>) in the reader's own time zone and locale.
const formats = {
  date: { dateStyle: "medium" },
  time: { timeStyle: "medium" },
  datetime: { dateStyle: "medium", timeStyle: "short" },
};

// One UTC timestamp (ISO 8601) as the reader would write it; `kind` is "date", "time" or "datetime".
export function format(iso, kind) {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, formats[kind] ?? formats.datetime).format(value);
}

// The reader's time zone as an IANA name ("Europe/Berlin"), for filters by local day.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function localize(root = document) {
  for (const element of root.querySelectorAll("time[data-local-time]")) {
    element.textContent = format(element.getAttribute("datetime"), element.dataset.localTime);
  }
}

localize();
