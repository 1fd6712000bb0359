// TikTok's commercial content disclosure rules on the compose page
// (https://developers.tiktok.com/doc/content-sharing-guidelines):
// - disclosure on with neither "Your brand" nor "Branded content" → Publish disabled, with TikTok's hover text;
// - "Branded content" chosen → "Only me" disabled with "Branded content visibility cannot be set to private.";
// - "Only me" chosen → "Branded content" disabled with the same explanation.
// Which parts are shown (options, labels, declarations) is pure CSS, so it works without this script.
// Contract: form[data-compose-form] (data-incomplete-text, data-branded-private-text, data-self-only),
// [data-disclosure-toggle] [data-your-brand] [data-branded-content] select[data-privacy] [data-mode-choice]
// button[data-publish] [data-publish-wrapper] [data-publish-blocked] [data-branded-private-note] [data-self-only-note].
const form = document.querySelector("[data-compose-form]");

if (form) {
  const toggle = form.querySelector("[data-disclosure-toggle]");
  const yourBrand = form.querySelector("[data-your-brand]");
  const branded = form.querySelector("[data-branded-content]");
  const privacy = form.querySelector("[data-privacy]");
  const publish = form.querySelector("[data-publish]");
  const wrapper = form.querySelector("[data-publish-wrapper]");
  const blocked = form.querySelector("[data-publish-blocked]");
  const brandedNote = form.querySelector("[data-branded-private-note]");
  const selfOnlyNote = form.querySelector("[data-self-only-note]");
  const incompleteText = form.dataset.incompleteText;
  const privateText = form.dataset.brandedPrivateText;
  const selfOnly = privacy?.querySelector(`option[value="${form.dataset.selfOnly}"]`);
  const inbox = () => form.querySelector("[data-mode-choice][value=Inbox]")?.checked === true;
  let sending = false;

  const update = () => {
    const direct = !inbox();
    const on = direct && toggle?.checked === true;
    const incomplete = on && !yourBrand.checked && !branded.checked;

    publish.disabled = incomplete || sending;
    if (incomplete) {
      wrapper.title = incompleteText;
      publish.title = incompleteText;
    } else {
      wrapper.removeAttribute("title");
      publish.removeAttribute("title");
    }
    blocked.hidden = !incomplete;

    const brandedChosen = on && branded.checked;
    if (selfOnly) {
      selfOnly.disabled = brandedChosen;
      if (brandedChosen) selfOnly.title = privateText; else selfOnly.removeAttribute("title");
    }
    if (selfOnlyNote) selfOnlyNote.hidden = !brandedChosen;

    const privateChosen = direct && privacy?.value === form.dataset.selfOnly;
    branded.disabled = privateChosen && !branded.checked;
    if (branded.disabled) branded.title = privateText; else branded.removeAttribute("title");
    if (brandedNote) brandedNote.hidden = !branded.disabled;
  };

  form.addEventListener("change", update);
  // One click, one submission: the server also treats a repeated submission key as the same post.
  form.addEventListener("submit", (e) => {
    if (publish.disabled) {
      e.preventDefault();
      return;
    }
    sending = true;
    setTimeout(() => { publish.disabled = true; }, 0);
  });
  window.addEventListener("pageshow", () => {
    sending = false;
    update();
  });
  update();
}
