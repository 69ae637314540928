// zod/mini: classic zod's validation at a fraction of the size; this schema ships inside the LinkedIn content script.
import * as z from 'zod/mini';

/** What `readLinkedInProfile` returns: the person on an `/in/<slug>` page. */
export const LinkedInProfileSchema = z.object({
  /** The public identifier from the URL, lower-cased and URL-decoded (`/in/<slug>/`). */
  slug: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Canonical profile URL: `https://www.linkedin.com/in/<slug>/`. */
  url: z.string().check(z.maxLength(400)),
  name: z.string().check(z.maxLength(300)),
  headline: z.nullable(z.string().check(z.maxLength(1000))),
  /** Current company (top card button, else the first experience entry); null when the page shows none. */
  company: z.nullable(z.string().check(z.maxLength(300))),
  /** Current job title (the role, not a grouped company header); null when the page shows none. */
  title: z.nullable(z.string().check(z.maxLength(300))),
  location: z.nullable(z.string().check(z.maxLength(300))),
  /** Whether the page shows an About section. */
  hasAbout: z.boolean(),
  /** Which page layout the reader recognised. */
  layout: z.enum(['artdeco-2024', 'hashed', 'unknown']),
  /** Which selector fallback matched for each field, for diagnostics. */
  matched: z.record(z.string(), z.string()),
});
export type LinkedInProfile = z.infer<typeof LinkedInProfileSchema>;
