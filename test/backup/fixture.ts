import type { Commitment, Contact, Interaction, Note, Resource, ResourceSend, SettingsRow, ThreadRow, TriageOverride } from '../../lib/db/models';
import { DEFAULT_SETTINGS } from '../../lib/db/models';
import type { State } from './arbitraries';
import { contactRow } from '../helpers/factories';
import { pageEntries, type HistoryPage } from '../../lib/backup/pages';

const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3_600_000;

/** A contact with empty defaults, made at T0. */
export function contact(id: string, over: Partial<Contact> = {}): Contact {
  return contactRow(id, { createdAt: T0, updatedAt: T0, ...over });
}

/** A note. */
export function note(id: string, contactId: string, text: string, at: number, over: Partial<Note> = {}): Note {
  return { id, contactId, text, pinned: false, createdAt: at, updatedAt: at, ...over };
}

/** A history entry; the id follows the app's `${contactId}|${sourceKey}` rule. */
export function interaction(contactId: string, sourceKey: string, at: number, over: Partial<Interaction> = {}): Interaction {
  return { id: `${contactId}|${sourceKey}`, contactId, sourceKey, kind: 'email_in', at, subject: null, snippet: null, threadId: null, url: null, ...over };
}

/** A small but complete database: three contacts, 40 notes, history, promises, a resource and its send, settings. */
export function fixtureState(): State {
  const contacts = [
    contact('c-dana', { name: 'Dana Whitfield', company: 'Northwind', title: 'Head of Operations', stage: 'qualified', tags: ['crm'] }),
    contact('c-meera', { name: 'Meera Lakshmi Venkatesan', emails: ['meera@copperkettle.io'], stage: 'not_fit_helped' }),
    contact('c-tomasz', { name: 'Tomasz Nowak', referredBy: 'c-meera' }),
  ];
  const notes: Note[] = [];
  for (let i = 0; i < 40; i += 1) {
    notes.push(note(`n-${String(i).padStart(2, '0')}`, contacts[i % 3]!.id, `Note ${i}: “quoted”, a comma, and a line\nbreak ✓`, T0 + i * HOUR));
  }
  const interactions: Interaction[] = [
    interaction('c-dana', 'gmail:m1', T0, { subject: 'Onboarding question', threadId: 't-1' }),
    interaction('c-dana', 'gmail:m2', T0 + HOUR, { kind: 'email_out', subject: 'Re: Onboarding question', threadId: 't-1' }),
    interaction('c-meera', 'gmail:m3', T0 + 2 * HOUR, { subject: 'Web design?' }),
  ];
  const commitments: Commitment[] = [
    { id: 'p-1', contactId: 'c-dana', direction: 'mine', kind: 'send', text: 'Send the onboarding checklist', dueAt: T0 + 48 * HOUR, status: 'open', createdAt: T0, updatedAt: T0, resolvedAt: null, source: 'manual' },
  ];
  const resources: Resource[] = [
    { id: 'r-1', title: 'CRM rollout checklist', url: 'https://example.com/crm', summary: 'Twelve steps.', tags: ['crm'], kind: 'checklist', createdAt: T0, updatedAt: T0 },
  ];
  const resourceSends: ResourceSend[] = [{ id: 'c-meera|r-1|1', contactId: 'c-meera', resourceId: 'r-1', at: T0 + 3 * HOUR, threadId: null }];
  const threads: ThreadRow[] = [
    {
      threadId: 't-1',
      url: 'https://mail.google.com/mail/u/0/#inbox/t-1',
      subject: 'Onboarding question',
      fromName: 'Dana Whitfield',
      fromEmail: 'c-dana@example.com',
      lastInboundAt: T0,
      lastOutboundAt: T0 + HOUR,
      firstInboundAt: T0,
      firstReplyAt: T0 + HOUR,
      contactId: 'c-dana',
      needsReply: 0,
      updatedAt: T0 + HOUR,
    },
  ];
  const triageOverrides: TriageOverride[] = [{ threadId: 't-1', fit: 'fit', updatedAt: T0 }];
  const settings: SettingsRow[] = [
    { key: 'settings', value: { ...DEFAULT_SETTINGS, ownEmails: ['rep@brightpath.io'], theme: 'dark' } },
    { key: 'offer', value: { name: 'Alex Rivera', signOff: 'Best,\nAlex', company: 'Brightpath', offers: ['CRM implementation'], doesNotOffer: ['Web design'], serves: 'B2B teams' } },
  ];
  return { contacts, notes, interactions, commitments, resources, resourceSends, threads, triageOverrides, settings } as unknown as State;
}

export { T0, HOUR };

/** A written backup's text (its parts are strings and Blobs). */
export async function textOf(parts: BlobPart[]): Promise<string> {
  return new Blob(parts).text();
}

/** A backup file as an object (what JSON.parse gives for one). */
export interface BackupFile {
  format: unknown;
  version: unknown;
  schemaVersion: unknown;
  exportedAt: unknown;
  counts: Record<string, number>;
  tables: Record<string, unknown[]>;
  invalidRows: unknown[];
}

/** A backup file's text in the writer's layout: one row (or history page) per line. */
export function layout(file: BackupFile): string {
  const list = (rows: unknown[]) => (rows.length ? `\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]` : ']');
  const body = Object.entries(file.tables).map(([t, rows]) => `${JSON.stringify(t)}:[${list(rows)}`);
  const { format, version, schemaVersion, exportedAt, counts } = file;
  return `${JSON.stringify({ format, version, schemaVersion, exportedAt, counts }).slice(0, -1)},"tables":{\n${body.join(',\n')}\n},"invalidRows":${JSON.stringify(file.invalidRows)}}\n`;
}

/** A format 2 backup's text with other history pages (and `counts.interactions` to match, unless given). */
export function withPages(text: string, pages: unknown[], count?: number): string {
  const file = JSON.parse(text) as BackupFile;
  const entries = pages.reduce<number>((n, p) => n + ((p as HistoryPage).cols?.sourceKey?.length ?? 0), 0);
  return layout({ ...file, counts: { ...file.counts, interactions: count ?? entries }, tables: { ...file.tables, interactions: pages } });
}

/**
 * A backup's text as format 1 wrote it: the same file with history as one row per entry (in id order) instead of
 * pages. What an earlier version of Resourceful downloaded, for the tests that must still read it.
 */
export function asFormat1(text: string): string {
  const file = JSON.parse(text) as BackupFile;
  const rows = (file.tables.interactions as HistoryPage[]).flatMap(pageEntries).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return layout({ ...file, version: 1, tables: { ...file.tables, interactions: rows } });
}
