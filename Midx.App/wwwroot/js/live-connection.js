// Opens the one SignalR connection a page shares and reports its state in the footer.
// Page modules get the connection through `window.midxLive` instead of opening their own.
const status = document.querySelector("[data-live-status]");

function show(state, text) {
  if (!status) return;
  status.dataset.state = state;
  status.textContent = text;
}

if (window.signalR) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/publish")
    .withAutomaticReconnect()
    .build();

  connection.onreconnecting(() => show("connecting", "Live updates: reconnecting…"));
  connection.onreconnected(() => {
    show("connected", "Live updates: on");
    document.dispatchEvent(new CustomEvent("midx:reconnected"));
  });
  connection.onclose(() => show("disconnected", "Live updates: off — reload the page to see new changes"));

  window.midxLive = connection;
  connection.start()
    .then(() => {
      show("connected", "Live updates: on");
      document.dispatchEvent(new CustomEvent("midx:connected"));
    })
    .catch(() => show("disconnected", "Live updates: off — reload the page to see new changes"));
} else {
  show("disconnected", "Live updates: unavailable");
}
