/**
 * LinkedIn profile URLs: the slug of a `/in/<slug>` URL and the canonical URL of a slug. Apart from the reader so the
 * side panel can use them without loading the reader and its selector tables.
 */

/** LinkedIn custom URLs are 3–100 characters; anything longer is not a profile slug. */
const MAX_SLUG = 100;
/** scheme://[userinfo@]host[:port]/in/<slug>[/…][?…][#…] → host, raw slug. */
const URL_PARTS = /^https?:\/\/(?:[^@/?#\\]*@)?([^:/?#\\]+)(?::\d{1,5})?\/in\/([^/?#\\]+)(?:[/?#]|$)/i;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;

/**
 * The profile slug of a LinkedIn URL (`https://www.linkedin.com/in/<slug>[/anything][?query]`): URL-decoded,
 * lower-cased, invisible characters dropped. Null for any other page, host, or a slug that cannot be one.
 */
export function profileSlugFromUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  const known = SLUGS.get(url);
  if (known !== undefined) return known;
  const slug = parseSlug(url);
  if (SLUGS.size >= MAX_SLUGS) SLUGS.clear();
  SLUGS.set(url, slug);
  return slug;
}

/**
 * Slugs already parsed, by their exact URL: every read parses the page's URL and its Contact info link, the same two
 * strings until the next navigation, and the regexes cost more than the rest of a read's string work. Bounded;
 * cleared when full.
 */
const SLUGS = new Map<string, string | null>();
const MAX_SLUGS = 64;

function parseSlug(url: string): string | null {
  // A regex rather than `new URL()`: this runs on every read, and the URL parser costs more than the rest.
  const m = URL_PARTS.exec(url.trim());
  if (!m) return null;
  const host = (m[1] ?? '').toLowerCase().replace(/\.$/, '');
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  const raw = m[2];
  if (!raw) return null;
  let decoded = raw;
  if (raw.includes('%')) {
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  const slug = decoded.replace(INVISIBLE, '').trim().toLowerCase();
  if (!slug || slug.length > MAX_SLUG || slug === '.' || slug === '..') return null;
  // Nothing that would change the meaning of the canonical URL or is not a printable identifier.
  if (/[\s/?#%\\<>"'`\u0000-\u001f\u007f]/.test(slug)) return null;
  return slug;
}

/** `https://www.linkedin.com/in/<slug>/`. The slug is already free of URL-significant characters. */
export function canonicalProfileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${slug}/`;
}
