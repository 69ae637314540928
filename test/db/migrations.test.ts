import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { ContactSchema, InteractionSchema, NoteSchema } from '../../lib/db/models';
import { ResourcefulDB, SCHEMA_VERSIONS } from '../../lib/db/schema';

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
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual([1, 2]);
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

    const v2 = new ResourcefulDB(name);
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
    const interactions = await v2.interactions.toArray();
    expect(interactions).toHaveLength(3);
    for (const i of interactions) expect(InteractionSchema.safeParse(i).success).toBe(true);
    expect((await v2.notes.toArray()).map((n) => NoteSchema.parse(n).text)).toEqual(['Prefers email']);
    // New indexes work on old data.
    expect(await v2.contacts.where('stage').equals('new_inquiry').primaryKeys()).toEqual(['c-new']);
    expect(await v2.interactions.where('[kind+at]').between(['email_in', 0], ['email_in', Infinity]).count()).toBe(2);
    // New tables exist and are empty.
    expect(await v2.commitments.count()).toBe(0);
    expect(await v2.threads.count()).toBe(0);
    v2.close();
  });
});
