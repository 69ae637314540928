/** URL shapes of the two sites, used to tell "nothing to read here" from "couldn't read this page". */

/** True when a Gmail URL shows one conversation (`#inbox/<id>`, `#label/x/<id>`, `#search/q/<id>`, …). */
export function isGmailThreadUrl(url: string): boolean {
  try {
    const hash = new URL(url).hash.split('?')[0] ?? '';
    const last = hash.split('/').pop() ?? '';
    // Gmail thread tokens are long opaque strings ("FMfcgzQXJWxyz…") or 16-hex legacy ids.
    return hash.includes('/') && /^[A-Za-z0-9_-]{16,}$/.test(last);
  } catch {
    return false;
  }
}

/** True when a LinkedIn URL is a member profile (`/in/<slug>`). */
export function isLinkedInProfileUrl(url: string): boolean {
  try {
    return /^\/in\/[^/]+/.test(new URL(url).pathname);
  } catch {
    return false;
  }
}
