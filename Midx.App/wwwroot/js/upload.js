// Streams the chosen video to Midx with a progress bar and a Cancel button, checks its length against the creator's
// limit before sending a byte, then shows the preview. Contract with the page:
//   form[data-upload-form] (data-max-duration-sec, data-max-bytes, holds the antiforgery token and input[data-upload-input])
//   [data-upload-status] [data-upload-name] [data-upload-progress] [data-upload-progress-text] [data-upload-cancel]
//   [data-upload-error] [data-upload-done] [data-upload-summary] input[data-upload-id] video[data-preview] [data-preview-empty]
// It announces a finished upload with the "midx:upload-ready" event ({ durationMs, previewUrl }) for the cover picker.
const form = document.querySelector("[data-upload-form]");

function describeBytes(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, "")} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2).replace(/\.?0+$/, "")} GB`;
}

function describeSeconds(seconds) {
  if (seconds === 1) return "1 second";
  if (seconds < 120) return `${seconds} seconds`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

// The browser's own reading of the file's length; null when it cannot play the file (the server still checks).
function readDuration(file) {
  return new Promise((resolve) => {
    const probe = document.createElement("video");
    const url = URL.createObjectURL(file);
    const done = (value) => {
      URL.revokeObjectURL(url);
      probe.removeAttribute("src");
      resolve(value);
    };
    probe.preload = "metadata";
    probe.muted = true;
    probe.addEventListener("loadedmetadata", () => done(Number.isFinite(probe.duration) ? probe.duration : null), { once: true });
    probe.addEventListener("error", () => done(null), { once: true });
    setTimeout(() => done(null), 5000);
    probe.src = url;
  });
}

if (form) {
  const input = form.querySelector("[data-upload-input]");
  const submit = form.querySelector("[data-upload-submit]");
  const token = form.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";
  const maxSeconds = Number(form.dataset.maxDurationSec || 0);
  const maxBytes = Number(form.dataset.maxBytes || 0);
  const status = document.querySelector("[data-upload-status]");
  const nameText = document.querySelector("[data-upload-name]");
  const bar = document.querySelector("[data-upload-progress]");
  const barText = document.querySelector("[data-upload-progress-text]");
  const cancel = document.querySelector("[data-upload-cancel]");
  const error = document.querySelector("[data-upload-error]");
  const done = document.querySelector("[data-upload-done]");
  const summary = document.querySelector("[data-upload-summary]");
  const uploadId = document.querySelector("[data-upload-id]");
  const preview = document.querySelector("[data-preview]");
  const previewEmpty = document.querySelector("[data-preview-empty]");
  let request = null;

  // With the script, choosing a file is enough; the Upload button is for pages without JavaScript.
  if (submit) submit.hidden = true;

  const showError = (message) => {
    error.textContent = message;
    error.hidden = false;
  };

  const reset = () => {
    status.hidden = true;
    bar.value = 0;
    barText.textContent = "";
    input.disabled = false;
    request = null;
  };

  const ready = (upload) => {
    uploadId.value = upload.id;
    summary.textContent = `${upload.fileName} · ${describeBytes(upload.size)} · ${describeSeconds(Math.ceil(upload.durationMs / 1000))}`;
    done.hidden = false;
    if (preview) {
      preview.src = upload.previewUrl;
      preview.hidden = false;
      if (previewEmpty) previewEmpty.hidden = true;
    }

    // A reload keeps the uploaded video instead of asking for it again.
    const url = new URL(window.location.href);
    url.searchParams.set("upload", upload.id);
    url.searchParams.delete("uploadError");
    window.history.replaceState(null, "", url);
    document.dispatchEvent(new CustomEvent("midx:upload-ready", { detail: { durationMs: upload.durationMs, previewUrl: upload.previewUrl } }));
  };

  const send = (file) => {
    error.hidden = true;
    done.hidden = true;
    uploadId.value = "";
    nameText.textContent = file.name;
    bar.max = 100;
    bar.value = 0;
    barText.textContent = `0 of ${describeBytes(file.size)}`;
    status.hidden = false;
    input.disabled = true;

    request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("RequestVerificationToken", token);
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.setRequestHeader("Accept", "application/json");
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    request.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.floor((e.loaded / e.total) * 100);
      bar.value = percent;
      barText.textContent = `${describeBytes(e.loaded)} of ${describeBytes(e.total)} (${percent}%)`;
    });
    request.upload.addEventListener("load", () => {
      barText.textContent = "Checking the video…";
    });
    request.addEventListener("load", () => {
      const answer = (() => {
        try { return JSON.parse(request.responseText); } catch { return null; }
      })();
      const ok = request.status === 201 && answer;
      reset();
      if (ok) {
        ready(answer);
      } else {
        showError(answer?.message ?? "The upload did not work. Try again.");
        input.value = "";
      }
    });
    request.addEventListener("error", () => {
      reset();
      showError("The connection to Midx broke during the upload. Check your connection and choose the file again.");
    });
    request.addEventListener("abort", () => {
      reset();
      input.value = "";
      showError("Upload cancelled. Nothing was kept.");
    });
    request.send(file);
  };

  const start = async () => {
    const file = input.files?.[0];
    if (!file || request) return;
    if (file.size === 0) {
      showError("The file is empty (0 bytes). Choose the video file again.");
      return;
    }
    if (maxBytes && file.size > maxBytes) {
      showError("The file is larger than 4 GB, the most TikTok accepts. Export a shorter or smaller version and upload that.");
      return;
    }
    const seconds = await readDuration(file);
    if (seconds !== null && maxSeconds && seconds > maxSeconds + 0.5) {
      showError(`The video is ${describeSeconds(Math.ceil(seconds))} long; this TikTok account can post videos of at most ${describeSeconds(maxSeconds)}. Trim it and choose it again.`);
      input.value = "";
      return;
    }
    send(file);
  };

  input.addEventListener("change", start);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    start();
  });
  cancel.addEventListener("click", () => request?.abort());
}
