import { z } from 'zod';

/** What `readLinkedInProfile` returns: the person on an `/in/<slug>` page. */
export const LinkedInProfileSchema = z.object({
  /** The public identifier from the URL, lower-cased and URL-decoded (`/in/<slug>/`). */
  slug: z.string().min(1).max(200),
  /** Canonical profile URL: `https://www.linkedin.com/in/<slug>/`. */
  url: z.string().max(400),
  name: z.string().max(300),
  headline: z.string().max(1000).nullable(),
  /** Current company (top card button, else the first experience entry); null when the page shows none. */
  company: z.string().max(300).nullable(),
  /** Current job title (the role, not a grouped company header); null when the page shows none. */
  title: z.string().max(300).nullable(),
  location: z.string().max(300).nullable(),
  /** Whether the page shows an About section. */
  hasAbout: z.boolean(),
  /** Which page layout the reader recognised. */
  layout: z.enum(['artdeco-2024', 'hashed', 'unknown']),
  /** Which selector fallback matched for each field, for diagnostics. */
  matched: z.record(z.string(), z.string()),
});
export type LinkedInProfile = z.infer<typeof LinkedInProfileSchema>;
