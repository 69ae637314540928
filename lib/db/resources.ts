/**
 * The resource library, what went to whom, and the offer profile. Same style as `contacts.ts`: the database is
 * passed in and time is injected as `now`, so every function runs in Vitest against fake-indexeddb.
 */
import { EMPTY_OFFER_PROFILE, normalizeOfferProfile } from '../resources/offer';
import { byTitle, mergeResources, normalizeDraft, resourceKey, type ResourceDraft, type ResourceInput } from '../resources/model';
import { newId } from './contacts';
import { OfferProfileSchema, ResourceSchema, ResourceSendSchema, type OfferProfile, type Resource, type ResourceSend } from './models';
import { ResourceKindSchema } from '../replies/types';
import type { ResourcefulDB } from './schema';

// ---------------------------------------------------------------- library

/** Every resource, most recently changed first; ties (one import writes many at once) by title, so the order is stable. */
export async function listResources(db: ResourcefulDB): Promise<Resource[]> {
  const all = await db.resources.toArray();
  return all.sort((a, b) => b.updatedAt - a.updatedAt || byTitle(a, b));
}

/** One resource by id. */
export async function getResource(db: ResourcefulDB, id: string): Promise<Resource | undefined> {
  return db.resources.get(id);
}

/** A resource to create (no `id`) or update (`id` of an existing one). */
export type SaveResourceInput = ResourceInput & { id?: string };

/**
 * Creates or updates a resource. Input is validated and cleaned (tags lower-cased and deduplicated, links
 * limited to http(s)/mailto); a second resource with the same title and link is refused, so the library never
 * holds the same thing twice. Throws an Error whose message can be shown to the rep.
 */
export async function saveResource(db: ResourcefulDB, input: SaveResourceInput, now: number): Promise<Resource> {
  const { id, ...fields } = input;
  const result = normalizeDraft(fields);
  if (!result.ok) throw new Error(capitalise(result.message));
  // Import turns an unknown kind into `article` with a warning; a direct save has no one to warn, so it refuses.
  if (fields.kind && !ResourceKindSchema.safeParse(fields.kind.trim().toLowerCase()).success) throw new Error(`Unknown kind "${fields.kind}".`);
  const draft = result.draft;
  return db.transaction('rw', db.resources, async () => {
    const old = id ? await db.resources.get(id) : undefined;
    if (id && !old) throw new Error('That resource no longer exists.');
    const key = resourceKey(draft);
    const twin = (await db.resources.toArray()).find((r) => r.id !== id && resourceKey(r) === key);
    if (twin) throw new Error(`“${twin.title}” with that link is already in your library.`);
    const next: Resource = ResourceSchema.parse({
      id: old?.id ?? newId(),
      ...draft,
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
    });
    await db.resources.put(next);
    return next;
  });
}

/**
 * Deletes a resource and the record of whom it went to: those rows only serve "don't suggest it twice" and
 * "sent to N", which mean nothing without the resource. The contacts' own history keeps what was given.
 */
export async function deleteResource(db: ResourcefulDB, id: string): Promise<void> {
  await db.transaction('rw', db.resources, db.resourceSends, async () => {
    await db.resourceSends.where('resourceId').equals(id).delete();
    await db.resources.delete(id);
  });
}

/** How an import changed the library. */
export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
}

/** Adds imported drafts to the library, merging by title + link (re-importing the same file adds nothing). */
export async function importResources(db: ResourcefulDB, drafts: readonly ResourceDraft[], now: number): Promise<ImportSummary> {
  return db.transaction('rw', db.resources, async () => {
    const existing = await db.resources.toArray();
    const merged = mergeResources(existing, drafts, now, newId);
    await db.resources.bulkPut(merged.put.map((r) => ResourceSchema.parse(r)));
    return { added: merged.added, updated: merged.updated, unchanged: merged.unchanged };
  });
}

// ---------------------------------------------------------------- offer profile

/** The rep's offer profile; the empty profile when none was saved (or the stored one no longer validates). */
export async function getOfferProfile(db: ResourcefulDB): Promise<OfferProfile> {
  const row = await db.settings.get('offer');
  if (row?.key !== 'offer') return { ...EMPTY_OFFER_PROFILE };
  // Parsing fills defaults for fields a later version may add.
  const parsed = OfferProfileSchema.safeParse(row.value);
  return parsed.success ? parsed.data : { ...EMPTY_OFFER_PROFILE };
}

/** Saves the offer profile, cleaned (see `normalizeOfferProfile`). Returns what was stored. */
export async function saveOfferProfile(db: ResourcefulDB, profile: Partial<OfferProfile>): Promise<OfferProfile> {
  const value = normalizeOfferProfile(profile);
  await db.settings.put({ key: 'offer', value });
  return value;
}

// ---------------------------------------------------------------- sends

/** The id of a send: one row per contact, resource and moment, so recording the same send twice is harmless. */
export function resourceSendId(contactId: string, resourceId: string, at: number): string {
  return `${contactId}|${resourceId}|${at}`;
}

/** Records that resources went to a contact (optionally in a Gmail thread). Repeated ids are recorded once. */
export async function recordResourceSends(
  db: ResourcefulDB,
  contactId: string,
  resourceIds: readonly string[],
  threadId: string | null,
  now: number,
): Promise<ResourceSend[]> {
  const sends = [...new Set(resourceIds)].map((resourceId) =>
    ResourceSendSchema.parse({ id: resourceSendId(contactId, resourceId, now), contactId, resourceId, at: now, threadId }),
  );
  await db.resourceSends.bulkPut(sends);
  return sends;
}

/** Ids of every resource the contact was ever given (ranking uses it to never suggest the same one twice). */
export async function sentResourceIds(db: ResourcefulDB, contactId: string): Promise<string[]> {
  const sends = await db.resourceSends.where('contactId').equals(contactId).toArray();
  return [...new Set(sends.map((s) => s.resourceId))];
}

/** One recipient of a resource. `name` is null when the contact has since been deleted. */
export interface ResourceRecipient {
  contactId: string;
  name: string | null;
  at: number;
  threadId: string | null;
}

/** Who got a resource and when, newest first (every send, so a contact given it twice appears twice). */
export async function sendsOfResource(db: ResourcefulDB, resourceId: string): Promise<ResourceRecipient[]> {
  const sends = await db.resourceSends.where('resourceId').equals(resourceId).toArray();
  sends.sort((a, b) => b.at - a.at || a.contactId.localeCompare(b.contactId));
  const contacts = await db.contacts.bulkGet([...new Set(sends.map((s) => s.contactId))]);
  const names = new Map(contacts.filter((c) => !!c).map((c) => [c.id, c.name]));
  return sends.map((s) => ({ contactId: s.contactId, name: names.get(s.contactId) ?? null, at: s.at, threadId: s.threadId }));
}

/** For each resource, how many different contacts received it: the library's "sent to N contacts". */
export async function recipientCounts(db: ResourcefulDB): Promise<Record<string, number>> {
  const byResource = new Map<string, Set<string>>();
  await db.resourceSends.each((s) => {
    const set = byResource.get(s.resourceId) ?? new Set<string>();
    set.add(s.contactId);
    byResource.set(s.resourceId, set);
  });
  return Object.fromEntries([...byResource].map(([id, set]) => [id, set.size]));
}

function capitalise(s: string): string {
  const t = s.endsWith('.') ? s : `${s}.`;
  return t.charAt(0).toUpperCase() + t.slice(1);
}
