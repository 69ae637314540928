import fc from 'fast-check';
import type { Commitment, Contact, Interaction, Note, OfferProfile, Resource, ResourceSend, Settings, SettingsRow, ThreadRow, TriageOverride } from '../../lib/db/models';
import { STORES, TABLES, type TableName } from '../../lib/backup/format';
import { rowStore } from '../../lib/backup/stores';
import type { ResourcefulDB } from '../../lib/db/schema';

/** Rows per table, as a test builds them. */
export type State = Record<TableName, Record<string, unknown>[]>;

/** An empty state. */
export function emptyState(): State {
  return Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as State;
}

// Characters that break naive writers: quotes, backslashes, line and paragraph separators, BOM, astral and combining.
const TRICKY = ['a', 'Z', ' ', '"', '\\', '\n', '\r', '\t', '\u2028', '\u0000', '\uFEFF', 'é', 'e\u0301', '日', '😀', '{', '}', '[', ']', ',', ':', '=', '@'];

/**
 * A string of at most `max` UTF-16 units: short unicode (including lone surrogates), empty when allowed, or
 * exactly `max` long.
 */
export function str(max: number, min = 0): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [
    fc.string({ unit: fc.constantFrom(...TRICKY), minLength: Math.max(min, 0), maxLength: Math.min(max, 12) }).filter((s) => s.length <= max && s.length >= min),
    fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 6) }).filter((s) => s.length <= max && s.length >= min),
    fc.constantFrom('a', 'é', '"', '\\', '\n').map((c) => c.repeat(max)),
  ];
  return fc.oneof(...options);
}

const time = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4_102_444_800_000 }));
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const list = <T>(a: fc.Arbitrary<T>, max: number) => fc.array(a, { maxLength: Math.min(max, 3) });

/** Ids from a small pool (so two states share keys and conflict), or anything valid. */
function id(pool: readonly string[], max = 64): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...pool), str(max, 1));
}

const CONTACT_IDS = ['c-1', 'c-2', 'c-3', 'c-4', 'c-5'];
const stage = fc.constantFrom('new_inquiry', 'in_conversation', 'qualified', 'not_fit_helped', 'customer', 'declined', 'nurture' as const);
const decline = nullable(fc.record({ reason: fc.constantFrom('price', 'budget', 'incumbent', 'timing', 'need', 'authority', 'other' as const), text: str(2000) }));

const contact: fc.Arbitrary<Contact> = fc.record({
  id: id(CONTACT_IDS),
  name: str(300),
  nameTokens: list(str(100), 20),
  emails: list(str(320), 50),
  linkedinSlugs: list(str(200, 1), 20),
  linkedin: list(
    fc.record({ slug: str(200, 1), url: str(400), name: str(300), headline: nullable(str(1000)), company: nullable(str(300)), title: nullable(str(300)), location: nullable(str(300)) }),
    20,
  ),
  company: nullable(str(300)),
  companySource: nullable(fc.constantFrom('email_domain', 'linkedin', 'manual' as const)),
  title: nullable(str(300)),
  location: nullable(str(300)),
  tags: list(str(60, 1), 50),
  createdAt: time,
  updatedAt: time,
  lastInteractionAt: nullable(time),
  stage,
  referredBy: nullable(id(CONTACT_IDS)),
  declineStated: decline,
  declineReal: decline,
});

const contactId = id(CONTACT_IDS);

const note: fc.Arbitrary<Note> = fc.record({
  id: id(['n-1', 'n-2', 'n-3', 'n-4']),
  contactId,
  text: str(20_000, 1),
  pinned: fc.boolean(),
  createdAt: time,
  updatedAt: time,
});

const interaction: fc.Arbitrary<Interaction> = fc.record(
  {
    id: id(['c-1|gmail:1', 'c-2|gmail:2', 'c-1|li:x:2026-01-01'], 400),
    contactId,
    // Never "restore:…": those are the entries a merge writes, and the merge test tells them apart by it.
    sourceKey: str(290, 1).map((s) => `gmail:${s}`),
    kind: fc.constantFrom('email_in', 'email_out', 'profile_visit', 'contact_saved', 'profile_linked', 'profile_unlinked', 'value_given', 'ask', 'follow_up', 'stage_changed', 'commitment', 'referral', 'restore_conflict' as const),
    at: time,
    subject: nullable(str(1000)),
    snippet: nullable(str(400)),
    threadId: nullable(str(200)),
    url: nullable(str(2000)),
    resourceIds: list(str(64), 50),
  },
  { requiredKeys: ['id', 'contactId', 'sourceKey', 'kind', 'at', 'subject', 'snippet', 'threadId', 'url'] },
)
  // The app's rule, which the schema checks: an entry's id starts with its contact's.
  .map((r) => (r.id.startsWith(`${r.contactId}|`) ? r : { ...r, id: `${r.contactId}|${r.id}`.slice(0, 400) }));

const commitment: fc.Arbitrary<Commitment> = fc.record({
  id: id(['p-1', 'p-2', 'p-3']),
  contactId,
  direction: fc.constantFrom('mine', 'theirs' as const),
  kind: fc.constantFrom('send', 'call', 'callback', 'deposit', 'payment', 'appointment', 'decision', 'intro', 'other' as const),
  text: str(1000, 1),
  dueAt: nullable(time),
  status: fc.constantFrom('open', 'done', 'missed' as const),
  createdAt: time,
  updatedAt: time,
  resolvedAt: nullable(time),
  source: fc.constantFrom('manual', 'note', 'reply', 'thread' as const),
});

const resource: fc.Arbitrary<Resource> = fc.record({
  id: id(['r-1', 'r-2', 'r-3']),
  title: str(300, 1),
  url: nullable(str(2000)),
  summary: str(2000),
  tags: list(str(60), 30),
  kind: fc.constantFrom('article', 'checklist', 'tool', 'template', 'person' as const),
  createdAt: time,
  updatedAt: time,
});

const resourceSend: fc.Arbitrary<ResourceSend> = fc.record({
  id: id(['s-1', 's-2', 's-3'], 200),
  contactId,
  resourceId: id(['r-1', 'r-2', 'r-3']),
  at: time,
  threadId: nullable(str(200)),
});

const thread: fc.Arbitrary<ThreadRow> = fc.record({
  threadId: id(['t-1', 't-2', 't-3'], 200),
  url: str(4000),
  subject: str(1000),
  fromName: str(300),
  fromEmail: str(320),
  lastInboundAt: nullable(time),
  lastOutboundAt: nullable(time),
  firstInboundAt: nullable(time),
  firstReplyAt: nullable(time),
  contactId: nullable(contactId),
  needsReply: fc.constantFrom(0 as const, 1 as const),
  updatedAt: time,
});

const triage: fc.Arbitrary<TriageOverride> = fc.record(
  {
    threadId: id(['t-1', 't-2', 't-3'], 200),
    intent: fc.constantFrom('purchase', 'advice', 'vendor_pitch', 'job', 'partnership', 'research', 'support', 'intro', 'stall', 'decline', 'other' as const),
    fit: fc.constantFrom('fit', 'not_fit', 'unknown' as const),
    declineReason: fc.constantFrom('price', 'budget', 'incumbent', 'timing', 'need', 'authority', 'other' as const),
    updatedAt: time,
  },
  { requiredKeys: ['threadId', 'updatedAt'] },
);

const settings: fc.Arbitrary<Settings> = fc.record({
  ownEmails: list(str(320), 50),
  theme: fc.constantFrom('system', 'light', 'dark' as const),
  muted: list(str(320), 500),
  dormantDays: fc.integer({ min: 1, max: 3650 }),
  maxUnansweredFollowUps: fc.integer({ min: 1, max: 20 }),
  aiPolish: fc.boolean(),
  onboardingDismissed: fc.boolean(),
});

const offer: fc.Arbitrary<OfferProfile> = fc.record({
  name: str(200),
  signOff: str(300),
  company: str(200),
  offers: list(str(300), 50),
  doesNotOffer: list(str(300), 50),
  serves: str(1000),
});

/** One valid row of each table (settings aside), for tests of a single row's check. */
export const rowArbs: Record<Exclude<TableName, 'settings'>, fc.Arbitrary<Record<string, unknown>>> = {
  contacts: contact,
  notes: note,
  interactions: interaction,
  commitments: commitment,
  resources: resource,
  resourceSends: resourceSend,
  threads: thread,
  triageOverrides: triage,
} as Record<Exclude<TableName, 'settings'>, fc.Arbitrary<Record<string, unknown>>>;

const uniqueBy = <T>(a: fc.Arbitrary<T>, key: (x: T) => string, max = 5) => fc.uniqueArray(a, { selector: key, maxLength: max });

/** A whole random database: every table, keys unique per table, settings and offer profile each at most once. */
export const stateArb: fc.Arbitrary<State> = fc
  .record({
    contacts: uniqueBy(contact, (r) => r.id),
    notes: uniqueBy(note, (r) => r.id),
    interactions: uniqueBy(interaction, (r) => r.id),
    commitments: uniqueBy(commitment, (r) => r.id),
    resources: uniqueBy(resource, (r) => r.id),
    resourceSends: uniqueBy(resourceSend, (r) => r.id),
    threads: uniqueBy(thread, (r) => r.threadId),
    triageOverrides: uniqueBy(triage, (r) => r.threadId),
    settings: fc.tuple(fc.option(settings, { nil: undefined }), fc.option(offer, { nil: undefined })).map(([s, o]) => {
      const rows: SettingsRow[] = [];
      if (s) rows.push({ key: 'settings', value: s });
      if (o) rows.push({ key: 'offer', value: o });
      return rows;
    }),
  })
  .map((s) => s as unknown as State);

/** Writes a state into a database (raw, as the app's own writes would have left it). */
export async function load(db: ResourcefulDB, state: State): Promise<void> {
  await db.transaction('rw', STORES.map((t) => db.table(t)), async (tx) => {
    for (const t of TABLES) await rowStore(tx, t).add(state[t]);
  });
}

/** Every table of a database, rows sorted by primary key (IndexedDB's order). */
export async function dump(db: ResourcefulDB): Promise<State> {
  const out = emptyState();
  for (const t of TABLES) out[t] = await rowStore(db, t).all();
  return out;
}
