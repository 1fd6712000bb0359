// Lets the creator scrub the preview to choose the cover frame; the chosen moment goes into the number field the form
// posts (video_cover_timestamp_ms). Contract: [data-cover-picker] (data-duration-ms) holding input[data-cover-range]
// and input[data-cover-ms]; video[data-preview]. Listens to "midx:upload-ready" for a newly uploaded video.
const picker = document.querySelector("[data-cover-picker]");

if (picker) {
  const range = picker.querySelector("[data-cover-range]");
  const field = picker.querySelector("[data-cover-ms]");
  const help = picker.querySelector("[data-cover-help]");
  const video = document.querySelector("[data-preview]");

  const seek = (ms) => {
    if (video && video.src && Number.isFinite(video.duration)) {
      video.pause();
      video.currentTime = ms / 1000;
    }
  };

  const describe = (ms) => `${(ms / 1000).toFixed(1)} s`;

  const enable = (durationMs) => {
    if (!durationMs) return;
    range.max = String(durationMs);
    field.max = String(durationMs);
    range.hidden = false;
    const current = Number(field.value || 0);
    range.value = String(Math.min(current, durationMs));
    if (help) help.textContent = "Drag to the frame TikTok should show as the cover; the preview follows. Leave it at the start for the first frame.";
  };

  range.addEventListener("input", () => {
    field.value = range.value;
    seek(Number(range.value));
  });

  field.addEventListener("input", () => {
    const ms = Number(field.value);
    if (Number.isFinite(ms) && ms >= 0) {
      range.value = String(Math.min(ms, Number(range.max)));
      seek(ms);
    }
  });

  video?.addEventListener("loadedmetadata", () => {
    const ms = Number(field.value);
    if (field.value !== "" && Number.isFinite(ms)) seek(ms);
  });

  document.addEventListener("midx:upload-ready", (e) => {
    field.value = "";
    enable(e.detail.durationMs);
    range.value = "0";
  });

  enable(Number(picker.dataset.durationMs || 0));
}
