// Sends the video a person picked on the compose page to Midx's streaming upload endpoint with XMLHttpRequest, so the
// bytes never travel over the Blazor circuit (which moves a few MB/s where a plain request moves well over 100). The
// component (a DotNetObjectReference) hears about it through OnUploadProgress (at most four times a second),
// OnUploadChecking and OnUploadFinished; every word the person reads comes from the server. A reconnecting circuit
// misses some progress, never the result: the last call is tried again until the circuit answers.
const running = new WeakMap();

// The file's name, size and type, and the browser's own reading of its length (null when it cannot play it).
export async function inspect(input) {
  const file = input.files?.[0];
  if (!file) return null;
  return { name: file.name, size: file.size, type: file.type, durationSeconds: await readDuration(file) };
}

export function send(input, url, token, component) {
  const file = input.files?.[0];
  if (!file || running.has(input)) return;
  const request = new XMLHttpRequest();
  running.set(input, request);
  let lastProgress = 0;
  const done = (status, body) => {
    running.delete(input);
    input.value = "";
    deliver(component, "OnUploadFinished", status, body);
  };

  request.open("POST", url);
  request.setRequestHeader("RequestVerificationToken", token);
  request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
  request.setRequestHeader("Accept", "application/json");
  request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
  request.upload.addEventListener("progress", (e) => {
    const now = performance.now();
    if (!e.lengthComputable || now - lastProgress < 250) return;
    lastProgress = now;
    component.invokeMethodAsync("OnUploadProgress", e.loaded, e.total).catch(() => {});
  });
  request.upload.addEventListener("load", () => component.invokeMethodAsync("OnUploadChecking").catch(() => {}));
  request.addEventListener("load", () => done(request.status, request.responseText));
  request.addEventListener("error", () => done(0, null));
  request.addEventListener("abort", () => done(-1, null));
  request.send(file);
}

export function abort(input) {
  running.get(input)?.abort();
}

// Shows the chosen cover frame in the preview.
export function seek(video, ms) {
  if (video && video.src && Number.isFinite(video.duration)) {
    video.pause();
    video.currentTime = ms / 1000;
  }
}

async function deliver(component, method, ...args) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      await component.invokeMethodAsync(method, ...args);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function readDuration(file) {
  return new Promise((resolve) => {
    const probe = document.createElement("video");
    const url = URL.createObjectURL(file);
    const finish = (value) => {
      URL.revokeObjectURL(url);
      probe.removeAttribute("src");
      resolve(value);
    };
    probe.preload = "metadata";
    probe.muted = true;
    probe.addEventListener("loadedmetadata", () => finish(Number.isFinite(probe.duration) ? probe.duration : null), { once: true });
    probe.addEventListener("error", () => finish(null), { once: true });
    setTimeout(() => finish(null), 5000);
    probe.src = url;
  });
}
