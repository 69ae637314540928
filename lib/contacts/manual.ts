import { canonicalProfileUrl, profileSlugFromUrl } from '../linkedin/url';
import type { LinkedInProfile } from '../linkedin/types';

/**
 * The profile of a LinkedIn page the reader could not read, as far as the rep's own typing and the URL tell: the
 * slug (so the next visit finds this contact) and the name and company they typed. Null for a URL that is not a
 * profile (`/in/<slug>/`).
 */
export function handEnteredProfile(pageUrl: string | null | undefined, name: string, company: string | null): LinkedInProfile | null {
  const slug = pageUrl ? profileSlugFromUrl(pageUrl) : null;
  if (!slug) return null;
  return {
    slug,
    url: canonicalProfileUrl(slug),
    name,
    headline: null,
    company,
    title: null,
    location: null,
    hasAbout: false,
    layout: 'unknown',
    matched: { name: 'manual:typed' },
  };
}
