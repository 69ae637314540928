/**
 * Who a backup's contact is, for a merge restore: the same person saved in two browsers has two ids, so a contact
 * whose id is not here is looked for by what identifies a person (an email address, a LinkedIn profile), folded into
 * the contact here that has one of them, and everything of the backup that names its id is re-keyed to that contact.
 *
 * The field rules are the rep's own merge's (`mergedKnownFields`, shared with lib/db/contacts.ts `mergeContacts`);
 * identifiers are joined here, without taking one another contact holds. Pure functions over checked rows.
 */
import { mergedKnownFields } from '../contacts/merge';
import { INTERACTION_LIMITS, type Contact } from '../db/models';
import { normalizeEmail } from '../text';
import type { TableName } from './format';

type Row = Record<string, unknown>;

// ContactSchema's list limits (lib/db/models.ts): a fold never makes a row that fails its schema.
const MAX_EMAILS = 50;
const MAX_SLUGS = 20;
const MAX_LINKEDIN = 20;
const MAX_TAGS = 50;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** An email address as the `*emails` index holds it (lib/db/contacts.ts normalises on save); null when not one. */
export function emailKey(email: string): string | null {
  return normalizeEmail(email);
}

/** A LinkedIn slug as the `*linkedinSlugs` index holds it (lower-cased, as `findContactBySlug` looks it up). */
export function slugKey(slug: string): string | null {
  return slug.toLowerCase() || null;
}

/** What identifies a contact's person, as index values: its valid email addresses and its LinkedIn slugs. */
export function identityOf(contact: Row): { emails: string[]; slugs: string[] } {
  const emails = strings(contact.emails).map(emailKey).filter((e): e is string => e !== null);
  const slugs = strings(contact.linkedinSlugs).map(slugKey).filter((s): s is string => s !== null);
  return { emails: [...new Set(emails)], slugs: [...new Set(slugs)] };
}

/** One map key per identifier: an address and a slug never meet by accident. */
export function identityKeys(contact: Row): string[] {
  const { emails, slugs } = identityOf(contact);
  return [...emails.map((e) => `e:${e}`), ...slugs.map((s) => `s:${s}`)];
}

/** The later of two `lastInteractionAt`s (null: none yet). */
export function laterTime(a: unknown, b: unknown): number | null {
  const x = typeof a === 'number' ? a : null;
  const y = typeof b === 'number' ? b : null;
  return x === null ? y : y === null ? x : Math.max(x, y);
}

/**
 * `source` folded into `target` by `mergeContacts`' rules: emails, slugs, profiles and tags joined (the source's
 * addresses as the index holds them); the target's known fields win; the earlier `createdAt`, the later
 * `lastInteractionAt` and `updatedAt` (a restore keeps versions comparable: the newest edit either side made, not
 * the time of the restore). `keep` says which of the source's identifiers may join (`identityKeys` form): one that
 * another contact here has stays that contact's, so no address ever belongs to two contacts.
 */
export function foldContact(target: Row, source: Row, keep: (key: string) => boolean = () => true): Row {
  const emails = [...strings(target.emails)];
  const seenEmails = new Set(emails.map((e) => emailKey(e) ?? e));
  for (const raw of strings(source.emails)) {
    const e = emailKey(raw);
    const value = e ?? raw;
    if (seenEmails.has(value) || (e !== null && !keep(`e:${e}`))) continue;
    seenEmails.add(value);
    emails.push(value);
  }
  const slugs = [...strings(target.linkedinSlugs)];
  const seenSlugs = new Set(slugs.map((s) => slugKey(s) ?? s));
  const joined = new Set<string>();
  for (const raw of strings(source.linkedinSlugs)) {
    const s = slugKey(raw);
    if (s === null || seenSlugs.has(s) || !keep(`s:${s}`)) continue;
    seenSlugs.add(s);
    slugs.push(raw);
    joined.add(raw);
  }
  const linkedin = [...(target.linkedin as Row[]), ...(source.linkedin as Row[]).filter((r) => joined.has(r.slug as string))];
  // Both rows passed ContactSchema (parseRow, or the table they were read from): the cast restates that.
  const known = mergedKnownFields(target as unknown as Contact, source as unknown as Contact);
  return {
    ...target,
    ...known,
    emails: emails.slice(0, MAX_EMAILS),
    linkedinSlugs: slugs.slice(0, MAX_SLUGS),
    linkedin: linkedin.slice(0, MAX_LINKEDIN),
    tags: known.tags.slice(0, MAX_TAGS),
    lastInteractionAt: laterTime(target.lastInteractionAt, source.lastInteractionAt),
    updatedAt: Math.max(target.updatedAt as number, source.updatedAt as number),
  };
}

/** The tables whose rows name a contact by `contactId`, and so follow it when it is folded into another. */
export const NAMES_CONTACT: ReadonlySet<TableName> = new Set<TableName>(['notes', 'interactions', 'commitments', 'resourceSends', 'threads']);

/**
 * `row` re-keyed from a folded contact to the one it was folded into (`into`: backup id → id here), or null when it
 * names no folded contact. A history entry's id starts with its contact's (`interactionIdOk`), so it is rebuilt, not
 * relabelled: the rest of the id stays (an id holds the source key before its cut to 300 characters), or where that
 * would be too long, `${contactId}|${sourceKey}`, as `moveHistory` rebuilds it.
 */
export function rekeyRow(t: TableName, row: Row, into: ReadonlyMap<string, string>): Row | null {
  const from = row.contactId;
  if (typeof from !== 'string') return null;
  const to = into.get(from);
  if (to === undefined) return null;
  if (t !== 'interactions') return { ...row, contactId: to };
  const id = `${to}${(row.id as string).slice(from.length)}`;
  return { ...row, contactId: to, id: id.length <= INTERACTION_LIMITS.id ? id : `${to}|${row.sourceKey as string}` };
}
