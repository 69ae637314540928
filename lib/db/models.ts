import { z } from '../zod';
import type { OfferProfile } from '../replies/types';
import { CommitmentSchema, StageSchema } from '../playbook/types';
import { DeclineReasonSchema, FitSchema, IntentSchema, OfferProfileSchema, ResourceSchema } from '../replies/types';

/** What the rep knows of one LinkedIn profile linked to a contact (kept so unlinking can restore it). */
export const LinkedInRefSchema = z.object({
  slug: z.string().check(z.minLength(1), z.maxLength(200)),
  url: z.string().check(z.maxLength(400)),
  name: z.string().check(z.maxLength(300)),
  headline: z.nullable(z.string().check(z.maxLength(1000))),
  company: z.nullable(z.string().check(z.maxLength(300))),
  title: z.nullable(z.string().check(z.maxLength(300))),
  location: z.nullable(z.string().check(z.maxLength(300))),
});
export type LinkedInRef = z.infer<typeof LinkedInRefSchema>;

/** Where a contact's company name came from; a better source wins over a guess from the email domain. */
export const CompanySourceSchema = z.enum(['email_domain', 'linkedin', 'manual']);
export type CompanySource = z.infer<typeof CompanySourceSchema>;

/** A decline reason with the rep's own words about it. */
export const DeclineNoteSchema = z.object({ reason: DeclineReasonSchema, text: z.string().check(z.maxLength(2000)) });
export type DeclineNote = z.infer<typeof DeclineNoteSchema>;

/** One person the rep chose to save. */
export const ContactSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.maxLength(300)),
  /** Lower-cased, normalised name words: the index behind "is this the same person?" suggestions. */
  nameTokens: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20)),
  emails: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(50)),
  linkedinSlugs: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20)),
  linkedin: z.array(LinkedInRefSchema).check(z.maxLength(20)),
  company: z.nullable(z.string().check(z.maxLength(300))),
  companySource: z.nullable(CompanySourceSchema),
  title: z.nullable(z.string().check(z.maxLength(300))),
  location: z.nullable(z.string().check(z.maxLength(300))),
  tags: z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.maxLength(50)),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Time of the newest history entry (mail, visit, note); null before the first one. */
  lastInteractionAt: z.nullable(z.number()),
  // ---- since schema v2 (the playbook) ----
  /** Where the contact stands; v2's upgrade derives it from the history of v1 rows. */
  stage: StageSchema,
  /** The contact who referred this one to the rep (a contact id), if any. */
  referredBy: z.nullable(z.string().check(z.maxLength(64))),
  /** Why they said no, as they put it, and (once learned) the real reason. */
  declineStated: z.nullable(DeclineNoteSchema),
  declineReal: z.nullable(DeclineNoteSchema),
});
export type Contact = z.infer<typeof ContactSchema>;

/** A free-text note on a contact. */
export const NoteSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  contactId: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.minLength(1), z.maxLength(20_000)),
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
  // since v2
  /** The rep gave something: a helpful reply, a resource, an introduction. */
  'value_given',
  /** The rep asked for something: a meeting, a proposal review, a decision. */
  'ask',
  /** A follow-up the rep sent to a quiet contact. */
  'follow_up',
  'stage_changed',
  'commitment',
  'referral',
  /** A backup merge found two versions of a row; the older one is summarised here. */
  'restore_conflict',
]);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

/**
 * A history entry's length limits (characters; `resourceIds` in items), named once: `InteractionFieldsSchema` is
 * built from them, and the backup checks a page of entries as columns against the same numbers (`pageEntriesValid`,
 * lib/backup/pages.ts) instead of making a million objects to check one by one.
 */
export const INTERACTION_LIMITS = {
  id: 400,
  contactId: 64,
  sourceKey: 300,
  subject: 1000,
  snippet: 400,
  threadId: 200,
  url: 2000,
  resourceIds: 50,
  resourceId: 64,
} as const;

const L = INTERACTION_LIMITS;

/**
 * The fields of a history entry, without the id rule of `InteractionSchema`: a schema with no user callback, so the
 * backup can check rows with a generated parser (lib/backup/rows/) and apply the rule itself (`interactionIdOk`).
 */
export const InteractionFieldsSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(L.id)),
  contactId: z.string().check(z.minLength(1), z.maxLength(L.contactId)),
  /** Where it came from, stable across reads: `gmail:<messageId>`, `li:<slug>:<day>`, `event:<uuid>`. */
  sourceKey: z.string().check(z.minLength(1), z.maxLength(L.sourceKey)),
  kind: InteractionKindSchema,
  at: z.number(),
  subject: z.nullable(z.string().check(z.maxLength(L.subject))),
  snippet: z.nullable(z.string().check(z.maxLength(L.snippet))),
  threadId: z.nullable(z.string().check(z.maxLength(L.threadId))),
  /** Where to open it again (a Gmail thread URL, a LinkedIn profile URL). */
  url: z.nullable(z.string().check(z.maxLength(L.url))),
  /** Resources given with it (value_given); optional so v1 rows stay valid. */
  resourceIds: z.optional(z.array(z.string().check(z.maxLength(L.resourceId))).check(z.maxLength(L.resourceIds))),
});

/** The rule `InteractionSchema` adds to its fields: the entry's id starts with its contact's, then "|". */
export function interactionIdOk(r: { id: string; contactId: string }): boolean {
  // `startsWith(`${contactId}|`)` without building that string: a backup checks a million of these.
  const n = r.contactId.length;
  return r.id.length > n && r.id.charCodeAt(n) === 124 && r.id.startsWith(r.contactId);
}

/**
 * One entry of a contact's history timeline. `id` is `${contactId}|${sourceKey}` (the key cut to 300 characters in
 * `sourceKey`), which deduplicates it. The id must start with its contact's: entries are stored per contact
 * (history.ts), so that is what makes an id name one entry in the whole database.
 */
export const InteractionSchema = InteractionFieldsSchema.check(z.refine(interactionIdOk, { message: 'must start with the contactId and "|"', path: ['id'] }));
export type Interaction = z.infer<typeof InteractionSchema>;

/** Up to `NOTE_BUCKET_SIZE` notes of one contact by `createdAt`, oldest first, in one stored record (notebook.ts). */
export interface NoteBucket {
  id: string;
  contactId: string;
  /** The oldest and newest note's `createdAt`. */
  first: number;
  last: number;
  /** When the bucket was last written (ms since the epoch): search re-reads the buckets written since it looked. */
  updated: number;
  notes: Note[];
}

/**
 * Up to `BUCKET_SIZE` history entries of one contact, oldest first, in one stored record, column by column (see
 * `history.ts`; `HISTORY.entries` gives them back as `Interaction`s).
 */
export interface HistoryBucket {
  id: string;
  contactId: string;
  /** The oldest and newest entry's `at`. */
  first: number;
  last: number;
  /** The kinds of its entries, once each: the report's date-range read keeps the buckets that hold a kind it counts. */
  kinds: InteractionKind[];
  /** The kinds among them that buckets are looked up by (`MARKED_KINDS` in history.ts): the indexed few of `kinds`. */
  marks: InteractionKind[];
  cols: HistoryColumns;
}

/**
 * A history bucket's entries as columns, one array per field with an item per entry, oldest first (schema v4).
 * Stored this way, a bucket is a handful of arrays instead of hundreds of objects that each repeat every field's name,
 * the contact's id twice and a thread's subject and URL once per message; IndexedDB's cost is mostly per byte, and
 * columns write in about 40% and read in about 30% of the time (lib/db/history.ts has the numbers).
 */
export interface HistoryColumns {
  /** Every distinct string of the bucket, once: the columns below `sourceKey` hold indexes into it, -1 for null. */
  strings: string[];
  /** As they are: each entry's own, so a table of them would only cost a lookup per entry. */
  sourceKey: string[];
  kind: number[];
  at: number[];
  subject: number[];
  snippet: number[];
  threadId: number[];
  url: number[];
  /** Entries whose id is not `${contactId}|${sourceKey}` (their source key was cut to 300 characters): [index, id]. */
  ids: [number, string][];
  /** Entries that list resources (value_given): [index, resourceIds]. An entry not here has no `resourceIds` key. */
  resources: [number, string[]][];
}

/** The rep's settings. */
export const SettingsSchema = z.object({
  /** Extra addresses that are the rep's own (aliases, a second account); never shown as a contact. */
  ownEmails: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(50)),
  theme: z.enum(['system', 'light', 'dark']),
  /** Senders (full addresses) and domains (`@news.example.com`) kept out of the unanswered queue. */
  muted: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(500)),
  /** A contact with no interaction for this many days is dormant (follow-up planner). */
  dormantDays: z.int().check(z.minimum(1), z.maximum(3650)),
  /** After this many follow-ups without an answer, suggest closing the file instead. */
  maxUnansweredFollowUps: z.int().check(z.minimum(1), z.maximum(20)),
  /** Show "Polish with on-device AI" (Chrome's built-in model). Off by default. */
  aiPolish: z.boolean(),
  /** The first-run offer-profile card was dismissed. */
  onboardingDismissed: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = {
  ownEmails: [],
  theme: 'system',
  muted: [],
  dormantDays: 30,
  maxUnansweredFollowUps: 3,
  aiPolish: false,
  onboardingDismissed: false,
};

/** Row shape of the key/value settings table: the settings, and (since v2) the offer profile. */
export type SettingsRow = { key: 'settings'; value: Settings } | { key: 'offer'; value: OfferProfile };

export { CommitmentSchema, OfferProfileSchema, ResourceSchema };
export type { Commitment } from '../playbook/types';
export type { OfferProfile, Resource } from '../replies/types';

/** A resource given to a contact: the library remembers what went to whom, and never suggests it twice. */
export const ResourceSendSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  contactId: z.string().check(z.minLength(1), z.maxLength(64)),
  resourceId: z.string().check(z.minLength(1), z.maxLength(64)),
  at: z.number(),
  threadId: z.nullable(z.string().check(z.maxLength(200))),
});
export type ResourceSend = z.infer<typeof ResourceSendSchema>;

/** Every Gmail thread seen, summarised for the unanswered-inquiry queue (the rep's own mail; stays local). */
export const ThreadRowSchema = z.object({
  threadId: z.string().check(z.minLength(1), z.maxLength(200)),
  url: z.string().check(z.maxLength(4000)),
  subject: z.string().check(z.maxLength(1000)),
  /** The other party of the latest inbound message. */
  fromName: z.string().check(z.maxLength(300)),
  fromEmail: z.string().check(z.maxLength(320)),
  lastInboundAt: z.nullable(z.number()),
  lastOutboundAt: z.nullable(z.number()),
  /** The first inbound message and the rep's first reply after it: "time to answer" in the goodwill report. */
  firstInboundAt: z.nullable(z.number()),
  firstReplyAt: z.nullable(z.number()),
  /** The saved contact this thread is with, when there is one (filled as contacts are saved). */
  contactId: z.nullable(z.string().check(z.maxLength(64))),
  /** 1 while the latest message is inbound and the rep has not replied since (a number: IndexedDB can index it). */
  needsReply: z.union([z.literal(0), z.literal(1)]),
  updatedAt: z.number(),
});
export type ThreadRow = z.infer<typeof ThreadRowSchema>;

/** The rep's one-click correction of a thread's triage; kept per thread. */
export const TriageOverrideSchema = z.object({
  threadId: z.string().check(z.minLength(1), z.maxLength(200)),
  intent: z.optional(IntentSchema),
  fit: z.optional(FitSchema),
  declineReason: z.optional(DeclineReasonSchema),
  updatedAt: z.number(),
});
export type TriageOverride = z.infer<typeof TriageOverrideSchema>;
