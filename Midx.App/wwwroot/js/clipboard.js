// Copies a text the person takes elsewhere: an invitation link (Midx sends no email itself) or a new API key.
export function copy(text) {
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}
