/**
 * Reading the one JS-readable cookie the API sets: `csrf_token` (api.md §1.9, §2.1).
 * Access, refresh and share tokens are httpOnly and never touched by JS (frontend.md §1).
 */
export const CSRF_COOKIE = 'csrf_token';

/** Value of a cookie from a `document.cookie`-style string, or null. */
export function readCookie(name: string, cookieString: string): string | null {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/** The browser's cookie string; empty outside a browser (tests, SSR). */
export function documentCookies(): string {
  return typeof document === 'undefined' ? '' : document.cookie;
}
