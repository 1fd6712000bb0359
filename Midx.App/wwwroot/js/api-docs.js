// The API reference page: Scalar's viewer (loaded by the page as a plain script) over Midx's OpenAPI document.
// The element is not called "api-reference": Scalar would mount an empty viewer there on its own first.
// Fonts are the system's and no AI assistant or developer toolbar is offered: the page loads nothing from outside Midx.
const target = document.getElementById("reference");
globalThis.Scalar.createApiReference(target, {
  sources: [{ title: "Midx API v1", slug: "v1", url: target.dataset.openapi }],
  withDefaultFonts: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  agent: { disabled: true },
  metaData: { title: "Midx API reference" },
});
