import { z } from 'zod';

/** What the rep knows of one LinkedIn profile linked to a contact (kept so unlinking can restore it). */
export const LinkedInRefSchema = z.object({
  slug: z.string().min(1).max(200),
  url: z.string().max(400),
  name: z.string().max(300),
  headline: z.string().max(1000).nullable(),
  company: z.string().max(300).nullable(),
  title: z.string().max(300).nullable(),
  location: z.string().max(300).nullable(),
});
export type LinkedInRef = z.infer<typeof LinkedInRefSchema>;

/** Where a contact's company name came from; a better source wins over a guess from the email domain. */
export const CompanySourceSchema = z.enum(['email_domain', 'linkedin', 'manual']);
export type CompanySource = z.infer<typeof CompanySourceSchema>;

/** One person the rep chose to save. */
export const ContactSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(300),
  /** Lower-cased, normalised name words: the index behind "is this the same person?" suggestions. */
  nameTokens: z.array(z.string().max(100)).max(20),
  emails: z.array(z.string().max(320)).max(50),
  linkedinSlugs: z.array(z.string().max(200)).max(20),
  linkedin: z.array(LinkedInRefSchema).max(20),
  company: z.string().max(300).nullable(),
  companySource: CompanySourceSchema.nullable(),
  title: z.string().max(300).nullable(),
  location: z.string().max(300).nullable(),
  tags: z.array(z.string().min(1).max(60)).max(50),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Time of the newest history entry (mail, visit, note); null before the first one. */
  lastInteractionAt: z.number().nullable(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** A free-text note on a contact. */
export const NoteSchema = z.object({
  id: z.string().min(1).max(64),
  contactId: z.string().min(1).max(64),
  text: z.string().min(1).max(20_000),
  pinned: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Note = z.infer<typeof NoteSchema>;

/** Kinds of history entries. Lifecycle features add kinds in later schema versions. */
export const InteractionKindSchema = z.enum([
  'email_in',
  'email_out',
  'profile_visit',
  'contact_saved',
  'profile_linked',
  'profile_unlinked',
]);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

/** One entry of a contact's history timeline. `id` is `${contactId}|${sourceKey}`, which deduplicates it. */
export const InteractionSchema = z.object({
  id: z.string().min(1).max(400),
  contactId: z.string().min(1).max(64),
  /** Where it came from, stable across reads: `gmail:<messageId>`, `li:<slug>:<day>`, `event:<uuid>`. */
  sourceKey: z.string().min(1).max(300),
  kind: InteractionKindSchema,
  at: z.number(),
  subject: z.string().max(1000).nullable(),
  snippet: z.string().max(400).nullable(),
  threadId: z.string().max(200).nullable(),
  /** Where to open it again (a Gmail thread URL, a LinkedIn profile URL). */
  url: z.string().max(2000).nullable(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

/** The rep's settings. */
export const SettingsSchema = z.object({
  /** Extra addresses that are the rep's own (aliases, a second account); never shown as a contact. */
  ownEmails: z.array(z.string().max(320)).max(50),
  theme: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = { ownEmails: [], theme: 'system' };

/** Row shape of the key/value settings table. */
export interface SettingsRow {
  key: 'settings';
  value: Settings;
}
