import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { HISTORY, toBuckets } from './history';
import { toNoteBuckets } from './notebook';
import type { Commitment, Contact, HistoryBucket, Interaction, Note, NoteBucket, Resource, ResourceSend, SettingsRow, ThreadRow, TriageOverride } from './models';

/** The database name; one per browser profile, local to the extension's origin. */
export const DB_NAME = 'resourceful';

/**
 * Every schema version, oldest first. Never edit a released entry: add a new one with an `upgrade` that moves the
 * data, and a migration test that writes rows the old way and reads them the new way.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      // *emails / *linkedinSlugs / *nameTokens: multi-entry indexes, so "who is x@y.com" is one index hit.
      contacts: 'id, *emails, *linkedinSlugs, *nameTokens, *tags, updatedAt, lastInteractionAt',
      notes: 'id, contactId, [contactId+createdAt]',
      // [contactId+at] serves "timeline, newest first, top 50" without sorting in memory.
      interactions: 'id, contactId, [contactId+at], threadId',
      settings: 'key',
    },
  },
  {
    // The playbook and the reply studio: stages, referrals, commitments, resources, the unanswered queue.
    version: 2,
    stores: {
      contacts: 'id, *emails, *linkedinSlugs, *nameTokens, *tags, updatedAt, lastInteractionAt, stage, referredBy',
      // updatedAt: search updates its index from the notes changed since it last looked.
      notes: 'id, contactId, [contactId+createdAt], updatedAt',
      // [kind+at]: the goodwill report counts history by kind over a date range without a table scan.
      interactions: 'id, contactId, [contactId+at], threadId, [kind+at]',
      settings: 'key',
      commitments: 'id, contactId, [contactId+status], [status+dueAt]',
      resources: 'id, *tags, kind, updatedAt',
      resourceSends: 'id, contactId, resourceId, at',
      // [needsReply+lastInboundAt]: the queue, oldest first, straight from the index.
      threads: 'threadId, [needsReply+lastInboundAt], fromEmail, updatedAt',
      triageOverrides: 'threadId',
    },
    upgrade: upgradeToV2,
  },
  {
    // History and notes in per-contact buckets (buckets.ts): a restore of a million history entries and 100k notes
    // wrote as many records, at ~100 µs each. The one-row-per-record tables go, their rows moved by the upgrade.
    version: 3,
    stores: {
      contacts: 'id, *emails, *linkedinSlugs, *nameTokens, *tags, updatedAt, lastInteractionAt, stage, referredBy',
      notes: null,
      // *ids: a note by its id, and the notes counted and listed from the index; updated: what search re-reads.
      notebooks: 'id, [contactId+last], *ids, updated',
      interactions: null,
      // [contactId+last]: a contact's buckets in time order (the timeline reads the newest); *kinds and last: the
      // report's stage changes and its date range.
      history: 'id, [contactId+last], *kinds, last',
      settings: 'key',
      commitments: 'id, contactId, [contactId+status], [status+dueAt]',
      resources: 'id, *tags, kind, updatedAt',
      resourceSends: 'id, contactId, resourceId, at',
      threads: 'threadId, [needsReply+lastInboundAt], fromEmail, updatedAt',
      triageOverrides: 'threadId',
    },
    upgrade: upgradeToV3,
  },
  {
    // History buckets keep their entries as columns (history.ts `toColumns`): far fewer bytes, which is most of what
    // IndexedDB charges for. Only the kinds the report looks buckets up by are indexed (`marks`), not every kind.
    version: 4,
    stores: {
      contacts: 'id, *emails, *linkedinSlugs, *nameTokens, *tags, updatedAt, lastInteractionAt, stage, referredBy',
      notebooks: 'id, [contactId+last], *ids, updated',
      history: 'id, [contactId+last], *marks, last',
      settings: 'key',
      commitments: 'id, contactId, [contactId+status], [status+dueAt]',
      resources: 'id, *tags, kind, updatedAt',
      resourceSends: 'id, contactId, resourceId, at',
      threads: 'threadId, [needsReply+lastInboundAt], fromEmail, updatedAt',
      triageOverrides: 'threadId',
    },
    upgrade: upgradeToV4,
  },
  {
    // Two indexes go, each written for every record and read by nothing a rep waits for: notes' `*ids` (100k index
    // rows at 100k notes, a third of a backup's restore; notes are found in their contact's buckets, search tracks
    // buckets, see notebook.ts) and contacts' `stage` (no query looks contacts up by stage).
    version: 5,
    stores: {
      contacts: 'id, *emails, *linkedinSlugs, *nameTokens, *tags, updatedAt, lastInteractionAt, referredBy',
      // updated: when a bucket was last written, what search re-reads.
      notebooks: 'id, [contactId+last], updated',
      history: 'id, [contactId+last], *marks, last',
      settings: 'key',
      commitments: 'id, contactId, [contactId+status], [status+dueAt]',
      resources: 'id, *tags, kind, updatedAt',
      resourceSends: 'id, contactId, resourceId, at',
      threads: 'threadId, [needsReply+lastInboundAt], fromEmail, updatedAt',
      triageOverrides: 'threadId',
    },
    upgrade: upgradeToV5,
  },
] as const;

/**
 * v1 → v2: every contact gets a stage, derived from what its history shows (a reply from the rep means a
 * conversation is under way), no referral and no decline reasons yet.
 */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const answered = new Set<string>();
  await tx
    .table('interactions')
    .each((i: { contactId: string; kind: string }) => {
      if (i.kind === 'email_out') answered.add(i.contactId);
    });
  await tx
    .table('contacts')
    .toCollection()
    .modify((c: Record<string, unknown>) => {
      c.stage ??= answered.has(c.id as string) ? 'in_conversation' : 'new_inquiry';
      c.referredBy ??= null;
      c.declineStated ??= null;
      c.declineReal ??= null;
    });
}

/**
 * v2 → v3: every contact's history rows and notes move into buckets, one contact at a time (a million rows never
 * sit in memory at once), in the order the `[contactId+at]` and `[contactId+createdAt]` indexes kept them.
 */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const moves = [
    { from: 'interactions', byTime: '[contactId+at]', to: 'history', cut: (c: string, rows: unknown[]) => toBuckets(c, rows as Interaction[]) },
    { from: 'notes', byTime: '[contactId+createdAt]', to: 'notebooks', cut: (c: string, rows: unknown[]) => toNoteBuckets(c, rows as Note[]) },
  ];
  for (const { from, byTime, to, cut } of moves) {
    const old = tx.table(from);
    for (const contactId of (await old.orderBy('contactId').uniqueKeys()) as string[]) {
      const rows = await old.where(byTime).between([contactId, Dexie.minKey], [contactId, Dexie.maxKey]).toArray();
      if (rows.length) await tx.table(to).bulkAdd(cut(contactId, rows));
    }
  }
}

/**
 * v3 → v4: every history bucket's entries become columns, and it gets its `marks`. Buckets already in the new shape
 * (the v3 step of an older database cuts its rows with today's code) are left as they are.
 */
async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table('history')
    .toCollection()
    .modify((b: Record<string, unknown>) => {
      if (!Array.isArray(b.events)) return;
      const next = HISTORY.make(b.contactId as string, b.events as Interaction[], b.id as string);
      delete b.events;
      Object.assign(b, next);
    });
}

/**
 * v4 → v5: notebooks lose their `ids` list (the index over it is gone; each note keeps its id), and `updated` takes
 * its new meaning, the time the bucket was written (it was the notes' newest `updatedAt`).
 */
async function upgradeToV5(tx: Transaction): Promise<void> {
  const now = Date.now();
  await tx
    .table('notebooks')
    .toCollection()
    .modify((b: Record<string, unknown>) => {
      delete b.ids;
      b.updated = now;
    });
}

/** The Dexie database with typed tables. */
export class ResourcefulDB extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  notebooks!: EntityTable<NoteBucket, 'id'>;
  history!: EntityTable<HistoryBucket, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  commitments!: EntityTable<Commitment, 'id'>;
  resources!: EntityTable<Resource, 'id'>;
  resourceSends!: EntityTable<ResourceSend, 'id'>;
  threads!: EntityTable<ThreadRow, 'threadId'>;
  triageOverrides!: EntityTable<TriageOverride, 'threadId'>;

  /** `upTo` opens the database at an older schema version: only the migration tests use it. */
  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1], upTo = Infinity) {
    super(name, options);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const version = this.version(v.version).stores(v.stores);
      if ('upgrade' in v) version.upgrade(v.upgrade);
    }
  }
}

let shared: ResourcefulDB | undefined;

/** The one database instance of this JS context (service worker or extension page). */
export function getDb(): ResourcefulDB {
  shared ??= new ResourcefulDB();
  return shared;
}
