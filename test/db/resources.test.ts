import { beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/db/models';
import {
  deleteResource,
  getOfferProfile,
  importResources,
  listResources,
  recipientCounts,
  recordResourceSends,
  saveOfferProfile,
  saveResource,
  sendsOfResource,
  sentResourceIds,
} from '../../lib/db/resources';
import type { ResourcefulDB } from '../../lib/db/schema';
import { importCsv } from '../../lib/resources/transfer';
import { freshDb } from '../helpers/db';
import { contactRow } from '../helpers/factories';

const T0 = Date.UTC(2026, 10, 16, 9, 0);

function contact(id: string, name: string): Contact {
  return contactRow(id, { name, emails: [], createdAt: T0, updatedAt: T0 });
}

let db: ResourcefulDB;
beforeEach(() => {
  db = freshDb();
});

describe('resource library', () => {
  it('creates a resource with clean fields and lower-case tags', async () => {
    const r = await saveResource(db, { title: '  CRM   rollout checklist ', url: 'example.com/crm', summary: ' For teams of 5–50. ', tags: 'CRM; Onboarding, crm', kind: 'Checklist' }, T0);
    expect(r).toEqual({
      id: r.id,
      title: 'CRM rollout checklist',
      url: 'https://example.com/crm',
      summary: 'For teams of 5–50.',
      tags: ['crm', 'onboarding'],
      kind: 'checklist',
      createdAt: T0,
      updatedAt: T0,
    });
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await listResources(db)).toEqual([r]);
  });

  it('updates in place, keeping id and creation time', async () => {
    const r = await saveResource(db, { title: 'A', kind: 'article' }, T0);
    const u = await saveResource(db, { id: r.id, title: 'A, revised', url: null, summary: 'Now with a summary', tags: ['X'], kind: 'tool' }, T0 + 1000);
    expect(u).toEqual({ id: r.id, title: 'A, revised', url: null, summary: 'Now with a summary', tags: ['x'], kind: 'tool', createdAt: T0, updatedAt: T0 + 1000 });
    expect(await listResources(db)).toEqual([u]);
  });

  it('lists most recently changed first', async () => {
    const a = await saveResource(db, { title: 'A' }, T0);
    await saveResource(db, { title: 'B' }, T0 + 1);
    await saveResource(db, { id: a.id, title: 'A2' }, T0 + 2);
    expect((await listResources(db)).map((r) => r.title)).toEqual(['A2', 'B']);
  });

  it('refuses invalid input with a message the rep can read', async () => {
    await expect(saveResource(db, { title: '   ' }, T0)).rejects.toThrow('Title is missing.');
    await expect(saveResource(db, { title: 'X', url: 'javascript:alert(1)' }, T0)).rejects.toThrow('Links must start with https://, http:// or mailto: (got javascript:).');
    await expect(saveResource(db, { title: 'X', kind: 'video' }, T0)).rejects.toThrow('Unknown kind "video".');
    await expect(saveResource(db, { id: 'missing', title: 'X' }, T0)).rejects.toThrow('That resource no longer exists.');
    await expect(saveResource(db, { title: 5 } as never, T0)).rejects.toThrow('Title: title must be text.');
    expect(await listResources(db)).toEqual([]);
  });

  it('refuses a second resource with the same title and link', async () => {
    const a = await saveResource(db, { title: 'CRM Checklist', url: 'https://example.com' }, T0);
    await expect(saveResource(db, { title: 'crm checklist', url: 'https://EXAMPLE.com/' }, T0)).rejects.toThrow('“CRM Checklist” with that link is already in your library.');
    // Same title, other link: a different resource.
    await saveResource(db, { title: 'CRM Checklist', url: null }, T0);
    // Saving itself again is not a duplicate.
    await saveResource(db, { id: a.id, title: 'CRM checklist', url: 'https://example.com' }, T0 + 1);
    expect((await listResources(db)).map((r) => [r.title, r.url])).toEqual([
      ['CRM checklist', 'https://example.com'],
      ['CRM Checklist', null],
    ]);
  });

  it('deletes a resource with its sends', async () => {
    const a = await saveResource(db, { title: 'A' }, T0);
    const b = await saveResource(db, { title: 'B' }, T0);
    await recordResourceSends(db, 'c1', [a.id, b.id], null, T0);
    await deleteResource(db, a.id);
    expect((await listResources(db)).map((r) => r.id)).toEqual([b.id]);
    expect(await sentResourceIds(db, 'c1')).toEqual([b.id]);
    expect(await db.resourceSends.count()).toBe(1);
  });

  it('imports without duplicates on re-import', async () => {
    const csv = 'title,url,tags\nChecklist,https://example.com/c,crm\nGuide,,\n';
    expect(await importResources(db, importCsv(csv).resources, T0)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await importResources(db, importCsv(csv).resources, T0 + 1)).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await importResources(db, importCsv('title,url,tags\nchecklist,https://example.com/c,ops\n').resources, T0 + 2)).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const all = await listResources(db);
    expect(all.map((r) => [r.title, r.tags, r.createdAt, r.updatedAt])).toEqual([
      ['Checklist', ['crm', 'ops'], T0, T0 + 2],
      ['Guide', [], T0, T0],
    ]);
  });
});

describe('offer profile', () => {
  it('is empty by default', async () => {
    expect(await getOfferProfile(db)).toEqual({ name: '', signOff: '', company: '', offers: [], doesNotOffer: [], serves: '' });
  });

  it('saves a cleaned profile and reads it back', async () => {
    const saved = await saveOfferProfile(db, {
      name: ' Alex  Rivera ',
      signOff: 'Best,  \r\n  Alex\n',
      company: 'Brightpath',
      offers: ['CRM implementation for small teams', '', ' sales training ', 'Sales training'],
      doesNotOffer: ['web design\npaid ads management'],
      serves: 'B2B teams of 5–50 people',
    });
    expect(saved).toEqual({
      name: 'Alex Rivera',
      signOff: 'Best,\nAlex',
      company: 'Brightpath',
      offers: ['CRM implementation for small teams', 'sales training'],
      doesNotOffer: ['web design', 'paid ads management'],
      serves: 'B2B teams of 5–50 people',
    });
    expect(await getOfferProfile(db)).toEqual(saved);
    // The settings row is untouched: the profile lives in its own row.
    expect(await db.settings.get('settings')).toBeUndefined();
  });

  it('falls back to the empty profile when the stored one is damaged', async () => {
    await db.settings.put({ key: 'offer', value: { name: 42 } as never });
    expect((await getOfferProfile(db)).name).toBe('');
  });
});

describe('resource sends', () => {
  it('records sends once per contact, resource and moment, and answers both directions', async () => {
    await db.contacts.bulkAdd([contact('c1', 'Dana Whitfield'), contact('c2', 'Priya Natarajan')]);
    const a = await saveResource(db, { title: 'A' }, T0);
    const b = await saveResource(db, { title: 'B' }, T0);
    const sends = await recordResourceSends(db, 'c1', [a.id, a.id, b.id], 'thread-1', T0 + 10);
    expect(sends).toEqual([
      { id: `c1|${a.id}|${T0 + 10}`, contactId: 'c1', resourceId: a.id, at: T0 + 10, threadId: 'thread-1' },
      { id: `c1|${b.id}|${T0 + 10}`, contactId: 'c1', resourceId: b.id, at: T0 + 10, threadId: 'thread-1' },
    ]);
    // Recording the same send again (a retried message) changes nothing.
    await recordResourceSends(db, 'c1', [a.id], 'thread-1', T0 + 10);
    await recordResourceSends(db, 'c2', [a.id], null, T0 + 20);
    await recordResourceSends(db, 'c1', [a.id], null, T0 + 30);
    await recordResourceSends(db, 'gone', [a.id], null, T0 + 5);
    expect(await db.resourceSends.count()).toBe(5);

    expect((await sentResourceIds(db, 'c1')).sort()).toEqual([a.id, b.id].sort());
    expect(await sentResourceIds(db, 'c2')).toEqual([a.id]);
    expect(await sentResourceIds(db, 'nobody')).toEqual([]);

    expect(await sendsOfResource(db, a.id)).toEqual([
      { contactId: 'c1', name: 'Dana Whitfield', at: T0 + 30, threadId: null },
      { contactId: 'c2', name: 'Priya Natarajan', at: T0 + 20, threadId: null },
      { contactId: 'c1', name: 'Dana Whitfield', at: T0 + 10, threadId: 'thread-1' },
      { contactId: 'gone', name: null, at: T0 + 5, threadId: null },
    ]);
    expect(await sendsOfResource(db, b.id)).toEqual([{ contactId: 'c1', name: 'Dana Whitfield', at: T0 + 10, threadId: 'thread-1' }]);
    // Distinct contacts: Dana got A twice but counts once.
    expect(await recipientCounts(db)).toEqual({ [a.id]: 3, [b.id]: 1 });
  });
});
