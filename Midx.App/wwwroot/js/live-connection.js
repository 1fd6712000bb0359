// Opens the one SignalR connection a page shares and reports its state in the footer.
// Page modules get the connection through `window.midxLive` instead of opening their own.
// Contract: [data-live-status] is rendered for signed-in users only. Without it there is nothing live to follow and no
// connection is opened (the hub refuses signed-out visitors with 401).
const status = document.querySelector("[data-live-status]");
const off = "Live updates: off — reload the page to see new changes";
const signedOut = "Live updates: off — sign in again to see new changes";

function show(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

// The client reports a refused negotiate only in the error's text. A 401 means the session has ended (signed out
// elsewhere, disabled): trying again cannot help, so the connection stops instead of retrying.
const refused = (error) => /Status code '401'/.test(String(error?.message ?? error ?? ""));

if (status && window.signalR) {
  let sessionEnded = false;
  const retryDelays = [0, 2000, 10000, 30000];
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/publish")
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: ({ previousRetryCount, retryReason }) => {
        if (refused(retryReason)) {
          sessionEnded = true;
          return null;
        }
        return retryDelays[previousRetryCount] ?? null;
      },
    })
    .build();

  connection.onreconnecting(() => show("connecting", "Live updates: reconnecting…"));
  connection.onreconnected(() => {
    show("connected", "Live updates: on");
    document.dispatchEvent(new CustomEvent("midx:reconnected"));
  });
  connection.onclose(() => show("disconnected", sessionEnded ? signedOut : off));

  window.midxLive = connection;
  connection.start()
    .then(() => {
      show("connected", "Live updates: on");
      document.dispatchEvent(new CustomEvent("midx:connected"));
    })
    .catch((error) => show("disconnected", refused(error) ? signedOut : off));
} else if (status) {
  show("disconnected", "Live updates: unavailable");
}
