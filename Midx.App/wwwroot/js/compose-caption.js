// Counts the caption the way TikTok does (UTF-16 code units, which is what String.length counts) against its limit.
// Contract: textarea[data-caption] (data-max) and [data-caption-count].
const caption = document.querySelector("[data-caption]");
const count = document.querySelector("[data-caption-count]");

if (caption && count) {
  const max = Number(caption.dataset.max || 2200);
  const number = new Intl.NumberFormat("en-US");
  const update = () => {
    const length = caption.value.length;
    const over = length > max;
    count.textContent = over
      ? `${number.format(length)} / ${number.format(max)} — ${number.format(length - max)} too many`
      : `${number.format(length)} / ${number.format(max)}`;
    count.classList.toggle("text-danger", over);
    count.classList.toggle("fw-semibold", over);
    caption.classList.toggle("is-invalid", over);
  };
  caption.addEventListener("input", update);
  update();
}
