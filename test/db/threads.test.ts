import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recordGmailThread } from '../../lib/db/contacts';
import type { ResourcefulDB } from '../../lib/db/schema';
import { recordThread } from '../../lib/db/threads';
import { freshDb } from '../helpers/db';
import { contactRow, msg, thread } from '../helpers/factories';

const REP = 'rep@brightpath.io';
const T0 = Date.UTC(2026, 10, 16, 9, 0);
const URL = 'https://mail.google.com/mail/u/0/#inbox/t1';
const first = msg({ id: 'm1', fromEmail: 'dana@northwind.com', fromName: 'Dana Whitfield', date: T0, snippet: 'Could you advise?' });

let db: ResourcefulDB;
beforeEach(() => {
  db = freshDb();
});

describe('recordThread', () => {
  it('writes nothing when a thread is read again unchanged, and records what changed when it did', async () => {
    const a = await recordThread(db, thread([first]), URL, [REP], T0 + 1000);
    expect(a).toMatchObject({ threadId: 't1', needsReply: 1, updatedAt: T0 + 1000, contactId: null });
    const put = vi.spyOn(db.threads, 'put');
    const again = await recordThread(db, thread([first]), URL, [REP], T0 + 5000);
    expect(again).toEqual(a);
    expect(put).not.toHaveBeenCalled();
    expect((await db.threads.get('t1'))!.updatedAt).toBe(T0 + 1000);

    // The rep replied: the row changes and says when.
    const reply = msg({ id: 'm2', fromEmail: REP, fromMe: true, date: T0 + 7200_000, snippet: 'Happy to.' });
    const b = await recordThread(db, thread([first, reply]), URL, [REP], T0 + 9000);
    expect(b).toMatchObject({ needsReply: 0, lastOutboundAt: T0 + 7200_000, updatedAt: T0 + 9000 });
    expect(put).toHaveBeenCalledTimes(1);
    expect(await db.threads.get('t1')).toEqual(b);
  });

  it('still attaches a thread to a contact saved since it was first read', async () => {
    await recordThread(db, thread([first]), URL, [REP], T0);
    await db.contacts.add(contactRow('c-dana', { name: 'Dana Whitfield', emails: ['dana@northwind.com'], createdAt: T0, updatedAt: T0, stage: 'new_inquiry' }));
    expect((await recordThread(db, thread([first]), URL, [REP], T0 + 1))!.contactId).toBe('c-dana');
    expect((await db.threads.get('t1'))!.contactId).toBe('c-dana');
  });
});

describe('recordGmailThread', () => {
  it('opens no write transaction when every message is already on record', async () => {
    await db.contacts.add(contactRow('c-dana', { name: 'Dana Whitfield', emails: ['dana@northwind.com'], createdAt: T0, updatedAt: T0, stage: 'new_inquiry' }));
    expect(await recordGmailThread(db, thread([first]), [REP], URL, T0)).toBe(1);
    const tx = vi.spyOn(db, 'transaction');
    expect(await recordGmailThread(db, thread([first]), [REP], URL, T0 + 1)).toBe(0);
    expect(tx.mock.calls.map((c) => c[0])).toEqual(['r']);
    const reply = msg({ id: 'm2', fromEmail: REP, fromMe: true, to: [{ name: 'Dana', email: 'dana@northwind.com' }], date: T0 + 3600_000, snippet: 'Happy to.' });
    expect(await recordGmailThread(db, thread([first, reply]), [REP], URL, T0 + 2)).toBe(1);
    expect(tx.mock.calls.map((c) => c[0])).toEqual(['r', 'r', 'rw']);
  });
});
