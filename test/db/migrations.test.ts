import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { ContactSchema, InteractionSchema, NoteSchema } from '../../lib/db/models';
import { ResourcefulDB, SCHEMA_VERSIONS } from '../../lib/db/schema';
import { allHistory, BUCKET_SIZE, HISTORY, historyByKind, historyOf, newestHistory } from '../../lib/db/history';
import { getTimeline } from '../../lib/db/contacts';
import { loadReportInput } from '../../lib/report/load';
import { contactFootprint } from '../../lib/backup/erase';
import { allNotes, notebooksChangedSince, noteCount, noteOf, notesOf } from '../../lib/db/notebook';
import { addNote, deleteNote, getNotes, updateNote } from '../../lib/db/contacts';
import { searchFor } from '../../lib/db/search';

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
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
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

  it('v2 → v3 → v4 → v5: every history row and note moves into its contact’s buckets, the same rows in the same order', async () => {
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
    const opened = Date.now();
    const v3 = new ResourcefulDB(name);
    await v3.open();
    expect(v3.verno).toBe(5);
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
    const n37 = notes.find((n) => n.id === 'note-037')!;
    expect(await noteOf(v3, n37.contactId, 'note-037')).toEqual(n37);
    expect(await noteCount(v3)).toBe(120);
    // Every bucket counts as written by the upgrade: a search index reads them all.
    expect((await notebooksChangedSince(v3, opened - 1)).flatMap((b) => b.notes.map((n) => n.id)).sort()).toEqual(notes.map((n) => n.id).sort());
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

    const v4 = new ResourcefulDB(name, undefined, 4);
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
  it('v4 → v5: notebooks as v4 wrote them (with their ids list) lose it, every note unchanged and still found, edited and searched', async () => {
    const name = `migrate-${Math.random()}`;
    const v4 = new ResourcefulDB(name, undefined, 4);
    await v4.open();
    const contact = (id: string, stage: string) => ({ ...V1_CONTACTS[0]!, id, name: `Dana ${id}`, nameTokens: ['dana', id], emails: [`${id}@x.com`], linkedinSlugs: [], linkedin: [], stage, referredBy: null, declineStated: null, declineReal: null });
    const contacts = [contact('c-a', 'in_conversation'), contact('c-b', 'new_inquiry')];
    await v4.table('contacts').bulkAdd(contacts);
    // Notes as v4 kept them: 70 of c-a in two buckets (50 + 20), 3 of c-b; edited at other times than created,
    // non-ASCII text; each bucket with its `ids` and `updated` (the notes' newest updatedAt), ids `${contactId}|${first}|…`.
    const note = (contactId: string, i: number) => ({
      id: `${contactId}-n${String(i).padStart(2, '0')}`,
      contactId,
      text: `Notiz ${i}: „Lager Süd“ ${contactId === 'c-b' ? 'forecasting' : 'pallets'}`,
      pinned: i === 4,
      createdAt: 1_760_000_000_000 + i * 60_000,
      updatedAt: 1_760_000_000_000 + i * 60_000 + (i % 3) * 7_000_000,
    });
    const aNotes = Array.from({ length: 70 }, (_, i) => note('c-a', i));
    const bNotes = Array.from({ length: 3 }, (_, i) => note('c-b', i));
    const v4Bucket = (contactId: string, list: typeof aNotes, k: number) => ({
      id: `${contactId}|${String(list[0]!.createdAt).padStart(16, '0')}|b${k}`,
      contactId,
      first: list[0]!.createdAt,
      last: list.at(-1)!.createdAt,
      ids: list.map((n) => n.id),
      updated: Math.max(...list.map((n) => n.updatedAt)),
      notes: list,
    });
    await v4.table('notebooks').bulkAdd([v4Bucket('c-a', aNotes.slice(0, 50), 0), v4Bucket('c-a', aNotes.slice(50), 1), v4Bucket('c-b', bNotes, 0)]);
    // The v4 indexes were there and in use.
    expect(await v4.table('notebooks').where('ids').equals('c-a-n55').primaryKeys()).toEqual([`c-a|${String(aNotes[50]!.createdAt).padStart(16, '0')}|b1`]);
    expect(await v4.table('contacts').where('stage').equals('new_inquiry').primaryKeys()).toEqual(['c-b']);
    v4.close();

    const opened = Date.now();
    const v5 = new ResourcefulDB(name);
    await v5.open();
    expect(v5.verno).toBe(5);
    const idx = (store: string) => [...v5.backendDB().transaction(store).objectStore(store).indexNames].sort();
    expect(idx('notebooks')).toEqual(['[contactId+last]', 'updated']);
    expect(idx('contacts')).toEqual(['emails', 'lastInteractionAt', 'linkedinSlugs', 'nameTokens', 'referredBy', 'tags', 'updatedAt']);
    // Buckets keep their ids, times and notes; the ids list is gone and they count as written now.
    const buckets = await v5.notebooks.orderBy('id').toArray();
    expect(buckets.map((b) => [b.id, b.first, b.last, b.notes.length])).toEqual([
      [`c-a|${String(aNotes[0]!.createdAt).padStart(16, '0')}|b0`, aNotes[0]!.createdAt, aNotes[49]!.createdAt, 50],
      [`c-a|${String(aNotes[50]!.createdAt).padStart(16, '0')}|b1`, aNotes[50]!.createdAt, aNotes[69]!.createdAt, 20],
      [`c-b|${String(bNotes[0]!.createdAt).padStart(16, '0')}|b0`, bNotes[0]!.createdAt, bNotes[2]!.createdAt, 3],
    ]);
    for (const b of buckets) {
      expect(b).not.toHaveProperty('ids');
      expect(b.updated).toBeGreaterThanOrEqual(opened);
    }
    // Every note and contact, field for field (the contacts keep their stage, only its index went).
    expect(await allNotes(v5)).toEqual([...aNotes, ...bNotes]);
    for (const n of await allNotes(v5)) expect(NoteSchema.safeParse(n).success).toBe(true);
    expect(await v5.contacts.orderBy('id').toArray()).toEqual(contacts);
    expect(await notesOf(v5, 'c-a')).toEqual(aNotes);
    expect(await noteOf(v5, 'c-a', 'c-a-n55')).toEqual(aNotes[55]);
    // What the panel and search do works on the migrated data.
    const s = searchFor(v5);
    await s.sync();
    expect(s.search('forecasting').map((h) => h.contactId)).toEqual(['c-b']);
    expect(s.search('pallets').map((h) => h.contactId)).toEqual(['c-a']);
    await updateNote(v5, 'c-b', 'c-b-n01', { text: 'Wants pallets too' }, opened + 1);
    await deleteNote(v5, 'c-a', 'c-a-n55');
    await addNote(v5, 'c-a', 'Budget approved', opened + 2);
    await s.sync();
    expect(s.search('pallets').map((h) => h.contactId).sort()).toEqual(['c-a', 'c-b']);
    expect(s.search('budget').map((h) => h.contactId)).toEqual(['c-a']);
    expect((await getNotes(v5, 'c-a')).map((n) => n.id)).not.toContain('c-a-n55');
    expect(await noteCount(v5)).toBe(73);
    s.dispose();
    v5.close();
  });
});
