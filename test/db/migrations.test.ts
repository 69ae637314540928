import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { ContactSchema, InteractionSchema, NoteSchema } from '../../lib/db/models';
import { ResourcefulDB, SCHEMA_VERSIONS } from '../../lib/db/schema';
import { allHistory, BUCKET_SIZE, HISTORY, historyByKind, historyOf, newestHistory } from '../../lib/db/history';
import { getTimeline } from '../../lib/db/contacts';
import { loadReportInput } from '../../lib/report/load';
import { contactFootprint } from '../../lib/backup/erase';
import { allNotes, noteById, noteCount, noteIds, notesChangedSince, notesOf } from '../../lib/db/notebook';

/** Rows exactly as schema v1's code wrote them (no stage, no referral, no decline fields). */
const V1_CONTACTS = [
  {
    id: 'c-replied',
    name: 'Dana Whitfield',
    nameTokens: ['dana', 'whitfield'],
    emails: ['dana@northwind.com'],
    linkedinSlugs: ['dana-whitfield'],
    linkedin: [{ slug: 'dana-whitfield', url: 'https://www.linkedin.com/in/dana-whitfield/', name: 'Dana Whitfield', headline: 'COO', company: 'Northwind', title: 'COO', location: 'Leeds' }],
    company: 'Northwind',
    companySource: 'linkedin',
    title: 'COO',
    location: 'Leeds',
    tags: ['ops'],
    createdAt: 1_760_000_000_000,
    updatedAt: 1_760_000_500_000,
    lastInteractionAt: 1_760_000_400_000,
  },
  {
    id: 'c-new',
    name: 'Sam Ortiz',
    nameTokens: ['sam', 'ortiz'],
    emails: ['sam@contoso.io'],
    linkedinSlugs: [],
    linkedin: [],
    company: 'Contoso',
    companySource: 'email_domain',
    title: null,
    location: null,
    tags: [],
    createdAt: 1_760_000_000_000,
    updatedAt: 1_760_000_000_000,
    lastInteractionAt: null,
  },
];
const V1_INTERACTIONS = [
  { id: 'c-replied|gmail:a1', contactId: 'c-replied', sourceKey: 'gmail:a1', kind: 'email_in', at: 1_760_000_100_000, subject: 'Hi', snippet: 'Question', threadId: 't1', url: null },
  { id: 'c-replied|gmail:a2', contactId: 'c-replied', sourceKey: 'gmail:a2', kind: 'email_out', at: 1_760_000_400_000, subject: 'Re: Hi', snippet: 'Answer', threadId: 't1', url: null },
  { id: 'c-new|gmail:b1', contactId: 'c-new', sourceKey: 'gmail:b1', kind: 'email_in', at: 1_760_000_200_000, subject: 'Hello', snippet: 'Pricing?', threadId: 't2', url: null },
];
const V1_NOTES = [{ id: 'n1', contactId: 'c-replied', text: 'Prefers email', pinned: true, createdAt: 1_760_000_300_000, updatedAt: 1_760_000_300_000 }];

describe('schema migrations', () => {
  it('keeps every version, in order', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it('v1 → v2: real v1 data survives, contacts get a stage from their history', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = new ResourcefulDB(name, undefined, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('contacts').bulkAdd(V1_CONTACTS);
    await v1.table('interactions').bulkAdd(V1_INTERACTIONS);
    await v1.table('notes').bulkAdd(V1_NOTES);
    await v1.table('settings').put({ key: 'settings', value: { ownEmails: ['me@x.com'], theme: 'dark' } });
    v1.close();

    const v2 = new ResourcefulDB(name, undefined, 2);
    await v2.open();
    expect(v2.verno).toBe(2);
    const contacts = await v2.contacts.orderBy('id').toArray();
    expect(contacts.map((c) => [c.id, c.stage, c.referredBy, c.declineStated, c.declineReal])).toEqual([
      ['c-new', 'new_inquiry', null, null, null],
      ['c-replied', 'in_conversation', null, null, null],
    ]);
    // Every migrated row is valid under the current schema, and nothing else changed.
    for (const c of contacts) expect(ContactSchema.safeParse(c).success).toBe(true);
    expect(contacts.find((c) => c.id === 'c-replied')).toMatchObject({ ...V1_CONTACTS[0], stage: 'in_conversation' });
    const interactions = await v2.table('interactions').toArray();
    expect(interactions).toHaveLength(3);
    for (const i of interactions) expect(InteractionSchema.safeParse(i).success).toBe(true);
    expect((await v2.table('notes').toArray()).map((n) => NoteSchema.parse(n).text)).toEqual(['Prefers email']);
    // New indexes work on old data.
    expect(await v2.contacts.where('stage').equals('new_inquiry').primaryKeys()).toEqual(['c-new']);
    expect(await v2.table('interactions').where('[kind+at]').between(['email_in', 0], ['email_in', Infinity]).count()).toBe(2);
    // New tables exist and are empty.
    expect(await v2.commitments.count()).toBe(0);
    expect(await v2.threads.count()).toBe(0);
    v2.close();
  });

  it('v2 → v3 → v4: every history row and note moves into its contact’s buckets, the same rows in the same order', async () => {
    const name = `migrate-${Math.random()}`;
    const v2 = new ResourcefulDB(name, undefined, 2);
    await v2.open();
    const contact = (id: string) => ({ ...V1_CONTACTS[1]!, id, emails: [`${id}@x.com`], stage: 'in_conversation', referredBy: null, declineStated: null, declineReal: null });
    await v2.table('contacts').bulkAdd([contact('c-busy'), contact('c-quiet'), contact('c-none')]);
    // Rows as v2's code wrote them: a busy contact (more than two buckets, equal times, kinds of every v2 feature,
    // written out of time order) and a quiet one.
    const KINDS = ['email_in', 'email_out', 'value_given', 'ask', 'follow_up', 'stage_changed', 'commitment', 'referral', 'profile_visit'] as const;
    const busy = Array.from({ length: 640 }, (_, i) => ({
      id: `c-busy|src:${String((i * 7919) % 640).padStart(4, '0')}`,
      contactId: 'c-busy',
      sourceKey: `src:${String((i * 7919) % 640).padStart(4, '0')}`,
      kind: KINDS[i % KINDS.length]!,
      at: 1_760_000_000_000 + Math.floor(((i * 7919) % 640) / 3) * 1000,
      subject: `Subject ${i}`,
      snippet: i % 5 ? `Snippet ${i}` : null,
      threadId: i % 2 ? `t${i % 40}` : null,
      url: null,
      ...(i % KINDS.length === 2 ? { resourceIds: [`r${i}`] } : {}),
    }));
    const quiet = [V1_INTERACTIONS[2]!].map((r) => ({ ...r, id: 'c-quiet|gmail:b1', contactId: 'c-quiet' }));
    const rows = [...busy, ...quiet];
    await v2.table('interactions').bulkAdd(rows);
    // Notes as v2 wrote them: 120 of one contact (three buckets), some pinned, edited later, equal creation times.
    const notes = Array.from({ length: 120 }, (_, i) => ({
      id: `note-${String((i * 37) % 120).padStart(3, '0')}`,
      contactId: i % 10 === 0 ? 'c-quiet' : 'c-busy',
      text: `Note ${i}: “quoted”, a comma,\nand a line break`,
      pinned: i % 7 === 0,
      createdAt: 1_760_000_000_000 + Math.floor(i / 2) * 1000,
      updatedAt: 1_760_000_000_000 + i * 5000,
    }));
    await v2.table('notes').bulkAdd(notes);
    v2.close();

    // Opened by today's code: the v3 step cuts the rows into buckets, the v4 step finds them in columns already.
    const v3 = new ResourcefulDB(name);
    await v3.open();
    expect(v3.verno).toBe(4);
    expect(v3.tables.map((t) => t.name)).not.toContain('interactions');
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    // Nothing lost, nothing changed, field for field (resourceIds only where it was).
    expect(await allHistory(v3)).toEqual([...rows].sort(byId));
    // A contact's history in the order the [contactId+at] index gave: time, then id.
    const busyInOrder = [...busy].sort((a, b) => a.at - b.at || byId(a, b));
    expect(await historyOf(v3, 'c-busy')).toEqual(busyInOrder);
    expect(await historyOf(v3, 'c-none')).toEqual([]);
    const buckets = await v3.history.toArray();
    expect(buckets.filter((b) => b.contactId === 'c-busy').sort((a, b) => a.first - b.first).map((b) => HISTORY.entries(b).length)).toEqual([BUCKET_SIZE, BUCKET_SIZE, 640 - 2 * BUCKET_SIZE]);
    for (const b of buckets) {
      const events = HISTORY.entries(b);
      expect(b.first).toBe(events[0]!.at);
      expect(b.last).toBe(events[events.length - 1]!.at);
      expect([...b.kinds].sort()).toEqual([...new Set(events.map((e) => e.kind))].sort());
      expect(b.marks).toEqual(b.kinds.includes('stage_changed') ? ['stage_changed'] : []);
    }
    // What reads history works on the migrated data: timeline, report, counts.
    const timeline = await getTimeline(v3, 'c-busy', 50);
    expect(timeline.map((t) => (t.type === 'interaction' ? t.interaction.id : ''))).toEqual(busyInOrder.slice(-50).reverse().map((r) => r.id));
    const report = await loadReportInput(v3, { from: busy[0]!.at - 1, to: Infinity });
    expect(report.interactions.filter((i) => i.kind === 'stage_changed')).toHaveLength(busy.filter((r) => r.kind === 'stage_changed').length);
    expect(await contactFootprint(v3, 'c-busy')).toMatchObject({ interactions: 640, notes: 108 });
    // Notes: all there, field for field; by contact in creation order; found by id; counted from the index.
    expect(await allNotes(v3)).toEqual([...notes].sort(byId));
    const byCreated = (a: (typeof notes)[number], b: (typeof notes)[number]) => a.createdAt - b.createdAt || byId(a, b);
    expect(await notesOf(v3, 'c-busy')).toEqual(notes.filter((n) => n.contactId === 'c-busy').sort(byCreated));
    expect((await v3.notebooks.toArray()).filter((b) => b.contactId === 'c-busy').map((b) => b.notes.length).sort()).toEqual([50, 50, 8].sort());
    expect(await noteById(v3, 'note-037')).toEqual(notes.find((n) => n.id === 'note-037'));
    expect(await noteCount(v3)).toBe(120);
    expect((await noteIds(v3)).sort()).toEqual(notes.map((n) => n.id).sort());
    expect((await notesChangedSince(v3, notes[100]!.updatedAt)).map((n) => n.id).sort()).toEqual(notes.slice(101).map((n) => n.id).sort());
    v3.close();
  });
  it('v3 → v4: history buckets as v3 wrote them (entries as objects) come out in columns, every entry unchanged', async () => {
    const name = `migrate-${Math.random()}`;
    const v3 = new ResourcefulDB(name, undefined, 3);
    await v3.open();
    const contact = (id: string) => ({ ...V1_CONTACTS[1]!, id, emails: [`${id}@x.com`], stage: 'in_conversation', referredBy: null, declineStated: null, declineReal: null });
    await v3.table('contacts').bulkAdd([contact('c-busy'), contact('c-odd')]);
    // Entries as v3's code kept them: every kind, equal times, resourceIds on some, a subject and thread shared by
    // many, non-ASCII text, and an id that is not `${contactId}|${sourceKey}` (a source key cut to 300 characters).
    const KINDS = ['email_in', 'email_out', 'value_given', 'ask', 'follow_up', 'stage_changed', 'commitment', 'referral', 'profile_visit', 'contact_saved', 'profile_linked', 'profile_unlinked', 'restore_conflict'] as const;
    const busy = Array.from({ length: 560 }, (_, i) => ({
      id: `c-busy|gmail:${String(i).padStart(4, '0')}`,
      contactId: 'c-busy',
      sourceKey: `gmail:${String(i).padStart(4, '0')}`,
      kind: KINDS[i % KINDS.length]!,
      at: 1_760_000_000_000 + Math.floor(i / 3) * 1000,
      subject: i % 4 ? `Re: Ausschreibung „Lager Süd“ ${i % 10}` : null,
      snippet: i % 3 ? `Danke — ${i}` : null,
      threadId: i % 2 ? `t${i % 20}` : null,
      url: i % 2 ? `https://mail.google.com/mail/u/0/#inbox/t${i % 20}` : null,
      ...(KINDS[i % KINDS.length] === 'value_given' ? { resourceIds: i % 2 ? [`r${i}`, 'r-shared'] : [] } : {}),
    }));
    const longKey = `li:${'x'.repeat(350)}`;
    const odd = [{ id: `c-odd|${longKey}`, contactId: 'c-odd', sourceKey: longKey.slice(0, 300), kind: 'profile_visit' as const, at: 5, subject: null, snippet: null, threadId: null, url: 'https://www.linkedin.com/in/x/' }];
    // v3's buckets: 250 entries each, oldest first, the newest holding the rest, ids `${contactId}|${first}|…`.
    const v3Buckets = (contactId: string, rows: typeof busy | typeof odd) => {
      const out: Record<string, unknown>[] = [];
      for (let i = 0; i < rows.length; i += BUCKET_SIZE) {
        const events = rows.slice(i, i + BUCKET_SIZE);
        out.push({ id: `${contactId}|${String(events[0]!.at).padStart(16, '0')}|b${i}`, contactId, first: events[0]!.at, last: events.at(-1)!.at, kinds: [...new Set(events.map((e) => e.kind))], events });
      }
      return out;
    };
    await v3.table('history').bulkAdd([...v3Buckets('c-busy', busy), ...v3Buckets('c-odd', odd)]);
    v3.close();

    const v4 = new ResourcefulDB(name);
    await v4.open();
    expect(v4.verno).toBe(4);
    const stored = await v4.history.toArray();
    expect(stored).toHaveLength(4);
    for (const b of stored) {
      expect(b).not.toHaveProperty('events');
      expect(b.marks).toEqual(b.kinds.includes('stage_changed') ? ['stage_changed'] : []);
    }
    // The stored indexes: by contact and time, by mark, by newest entry; no longer every kind.
    expect([...v4.backendDB().transaction('history').objectStore('history').indexNames].sort()).toEqual(['[contactId+last]', 'last', 'marks']);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    // Every entry, field for field (resourceIds only where it was, empty lists kept).
    expect(await allHistory(v4)).toEqual([...busy, ...odd].sort(byId));
    expect((await allHistory(v4)).map((e) => 'resourceIds' in e)).toEqual([...busy, ...odd].sort(byId).map((e) => 'resourceIds' in e));
    expect(await historyOf(v4, 'c-busy')).toEqual(busy);
    expect(await newestHistory(v4, 'c-busy', 3)).toEqual(busy.slice(-3).reverse());
    expect(await historyOf(v4, 'c-odd')).toEqual(odd);
    expect((await historyByKind(v4, ['stage_changed'])).sort(byId)).toEqual(busy.filter((r) => r.kind === 'stage_changed').sort(byId));
    // Every entry still passes the schema.
    for (const e of await allHistory(v4)) expect(InteractionSchema.safeParse(e).success).toBe(true);
    v4.close();
  });
});
