// Remembers the light/dark choice for a year. Read by the server (ThemePreference), so it is a cookie, not localStorage.
export function remember(value) {
  const secure = location.protocol === "https:" ? "; secure" : "";
  document.cookie = `midx.theme=${value === "dark" ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax${secure}`;
}
