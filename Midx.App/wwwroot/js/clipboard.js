// Copies an invitation link for the person to paste into their own message: Midx sends no email itself.
export function copy(text) {
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}
