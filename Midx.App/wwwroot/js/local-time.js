// Shows server-rendered UTC times (<time data-local-time>) in the reader's own time zone and locale.
const formats = {
  date: { dateStyle: "medium" },
  time: { timeStyle: "medium" },
  datetime: { dateStyle: "medium", timeStyle: "short" },
};

export function localize(root = document) {
  for (const element of root.querySelectorAll("time[data-local-time]")) {
    const value = new Date(element.getAttribute("datetime"));
    if (Number.isNaN(value.getTime())) continue;
    const options = formats[element.dataset.localTime] ?? formats.datetime;
    element.textContent = new Intl.DateTimeFormat(undefined, options).format(value);
  }
}

localize();
