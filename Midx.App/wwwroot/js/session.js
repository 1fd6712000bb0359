// Keeps a sliding sign-in sliding while the person works on the circuit, which makes no HTTP request by itself: after
// a pause of at least `everyMs`, the next click or key press asks the server once, and the session cookie is renewed as
// it would be on any page load. A tab nobody touches lets the session expire.
export function keepAlive(url, everyMs) {
  let last = Date.now();
  const renew = () => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    fetch(url, { credentials: "same-origin", cache: "no-store" }).catch(() => {});
  };
  for (const type of ["pointerdown", "keydown"]) {
    document.addEventListener(type, renew, { passive: true, capture: true });
  }
}
