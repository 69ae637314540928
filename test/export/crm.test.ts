import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uncsvCell } from '../../lib/csv';
import { CRM_CONTACT_COLUMNS, crmContactsCsv, crmFileName, crmNotesCsv, LIFECYCLE_STAGE, linkedinUrl, loadCrmExport, localDay, notesCell, splitName } from '../../lib/export/crm';
import { parseCsv } from '../../lib/resources/transfer';
import { StageSchema } from '../../lib/playbook/types';
import { addNoteRows, freshDb } from '../helpers/db';
import { contact, note, T0 } from '../backup/fixture';

/** UTC days, so the expected dates do not depend on the machine's time zone. */
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

describe('splitName (HubSpot convention: the last word is the last name)', () => {
  it.each([
    ['Meera Lakshmi Venkatesan', 'Meera Lakshmi', 'Venkatesan'],
    ['Dana Whitfield', 'Dana', 'Whitfield'],
    ['Cher', 'Cher', ''],
    ['  Dana   Whitfield  ', 'Dana', 'Whitfield'],
    ['Venkatesan, Meera', 'Meera', 'Venkatesan'],
    ['Venkatesan, Meera Lakshmi', 'Meera Lakshmi', 'Venkatesan'],
    ['King, Martin Luther, Jr.', 'Martin Luther', 'King, Jr.'],
    ['Dana Whitfield, PhD', 'Dana', 'Whitfield, PhD'],
    ['Martin Luther King Jr.', 'Martin Luther', 'King Jr.'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Maria de la Cruz', 'Maria', 'de la Cruz'],
    ['Van Morrison', 'Van', 'Morrison'],
    ['José Ñúñez-Gómez', 'José', 'Ñúñez-Gómez'],
    ['山田 太郎', '山田', '太郎'],
    ['dana@northwind.com', '', ''],
    ['Unnamed contact', '', ''],
    ['', '', ''],
  ])('%j → %j + %j', (full, first, last) => {
    expect(splitName(full)).toEqual({ first, last });
  });

  it('never loses a word (apart from the comma and spacing)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-zÀ-ÿ.'-]{1,8}$/), { minLength: 1, maxLength: 5 }), (words) => {
        const { first, last } = splitName(words.join(' '));
        expect(`${first} ${last}`.trim().split(/\s+/)).toEqual(words);
      }),
    );
  });
});

describe('the contacts file', () => {
  it('has the exact header, maps stages, quotes per RFC 4180 and neutralises formulas', () => {
    const contacts = [
      contact('c-1', {
        name: 'Meera Lakshmi Venkatesan',
        emails: ['meera@copperkettle.io', 'meera.v@gmail.com'],
        company: 'Copper Kettle, "the" tea people',
        title: 'Head of Ops',
        linkedinSlugs: ['meera-v'],
        stage: 'not_fit_helped',
        tags: ['tea', 'uk'],
      }),
      contact('c-2', { name: '@Dana Whitfield', emails: ['x@evil.example'], company: '=HYPERLINK("https://evil.example","x")', title: '-Chief', stage: 'qualified' }),
      contact('c-3', { name: 'Cher', emails: [], company: '+1 555 0100', title: '\tTabbed', stage: 'customer' }),
    ];
    const notes = { 'c-1': [note('n-1', 'c-1', 'Asked about web design.\nPointed her to a friend.', T0), note('n-2', 'c-1', '=SUM(1+1)', T0 + DAY, { pinned: true })] } as Record<string, ReturnType<typeof note>[]>;
    const csv = crmContactsCsv(contacts, (id) => notes[id] ?? [], utcDay);
    expect(csv).toBe(
      'First Name,Last Name,Email,Company,Job Title,LinkedIn URL,Lifecycle Stage,Notes\r\n' +
        'Meera Lakshmi,Venkatesan,meera@copperkettle.io,"Copper Kettle, ""the"" tea people",Head of Ops,https://www.linkedin.com/in/meera-v/,other,' +
        '"2026-01-06: =SUM(1+1)\n\n2026-01-05: Asked about web design.\nPointed her to a friend.\n\nResourceful: stage Not a fit — helped; tags tea, uk; also meera.v@gmail.com"\r\n' +
        '\'@Dana,Whitfield,x@evil.example,"\'=HYPERLINK(""https://evil.example"",""x"")",\'-Chief,,salesqualifiedlead,Resourceful: stage Qualified\r\n' +
        'Cher,,,\'+1 555 0100,"\'\tTabbed",,customer,Resourceful: stage Customer\r\n',
    );
  });

  it('maps every stage to a HubSpot lifecycle stage', () => {
    expect(StageSchema.options.map((s) => [s, LIFECYCLE_STAGE[s]])).toEqual([
      ['new_inquiry', 'lead'],
      ['in_conversation', 'lead'],
      ['qualified', 'salesqualifiedlead'],
      ['not_fit_helped', 'other'],
      ['customer', 'customer'],
      ['declined', 'other'],
      ['nurture', 'lead'],
    ]);
  });

  it('keeps the notes cell under the spreadsheet cell limit and says how many notes did not fit', () => {
    const c = contact('c-1', { name: 'Dana Whitfield' });
    const notes = Array.from({ length: 10 }, (_, i) => note(`n-${i}`, 'c-1', 'x'.repeat(5000), T0 + i * DAY));
    const cell = notesCell(c, notes, utcDay);
    expect(cell.length).toBeLessThanOrEqual(30_000);
    expect(cell.split('\n\n').slice(-2)).toEqual(['(5 more in the notes file)', 'Resourceful: stage In conversation']);
    expect(cell.startsWith('2026-01-14: xxx')).toBe(true);
  });

  it('reads back through an RFC 4180 parser as the same cells, none of which a spreadsheet would run', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', "'", '=', '+', '-', '@', '\t', '\r', '\n', 'é', '😀'), maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.record({ name: text, company: text, title: text, note: text.filter((s) => s.length > 0) }), { minLength: 1, maxLength: 5 }), (rows) => {
        const contacts = rows.map((r, i) => contact(`c-${i}`, { name: r.name, company: r.company, title: r.title, emails: [`p${i}@example.com`] }));
        const csv = crmContactsCsv(contacts, (id) => [note(`n-${id}`, id, rows[Number(id.slice(2))]!.note, T0)], utcDay);
        const { records, error } = parseCsv(csv);
        expect(error).toBe(null);
        expect(records.map((r) => r.fields.length)).toEqual(Array(rows.length + 1).fill(8));
        for (const [i, r] of rows.entries()) {
          const f = records[i + 1]!.fields;
          for (const cell of f) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          expect(uncsvCell(f[3]!)).toBe(r.company);
          expect(uncsvCell(f[4]!)).toBe(r.title);
          expect(uncsvCell(f[7]!)).toBe(`2026-01-05: ${r.note}\n\nResourceful: stage In conversation`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('uses the LinkedIn URL read from the profile, else builds it from the slug', () => {
    expect(linkedinUrl(contact('c', { linkedin: [{ slug: 'dana', url: 'https://www.linkedin.com/in/dana-w/', name: 'Dana', headline: null, company: null, title: null, location: null }], linkedinSlugs: ['dana'] }))).toBe(
      'https://www.linkedin.com/in/dana-w/',
    );
    expect(linkedinUrl(contact('c', { linkedinSlugs: ['dana'] }))).toBe('https://www.linkedin.com/in/dana/');
    expect(linkedinUrl(contact('c'))).toBe('');
  });
});

describe('the notes file', () => {
  it('has one row per note by the contact’s email, oldest first, and counts notes it cannot match', () => {
    const contacts = [contact('c-1', { emails: ['dana@northwind.com', 'd@x.com'] }), contact('c-2', { emails: [] })];
    const notes = [note('n-2', 'c-1', 'Second, with "quotes"', T0 + DAY), note('n-1', 'c-1', '-5% churn', T0), note('n-3', 'c-2', 'No email', T0), note('n-4', 'c-gone', 'Orphan', T0)];
    expect(crmNotesCsv(contacts, notes, utcDay)).toEqual({
      csv: 'Email,Date,Note\r\ndana@northwind.com,2026-01-05,\'-5% churn\r\ndana@northwind.com,2026-01-06,"Second, with ""quotes"""\r\n',
      rows: 2,
      skipped: 2,
    });
  });
});

describe('from the database', () => {
  it('exports every contact by name and every note', async () => {
    const db = freshDb();
    await db.contacts.bulkAdd([contact('c-2', { name: 'Zoë Adams' }), contact('c-1', { name: 'Anna Berg' })]);
    await addNoteRows(db, [note('n-1', 'c-2', 'Hello', Date.UTC(2026, 0, 5, 12))]);
    const out = await loadCrmExport(db);
    expect(out.contactsCsv.split('\r\n').map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      CRM_CONTACT_COLUMNS.slice(0, 3).join(','),
      'Anna,Berg,c-1@example.com',
      'Zoë,Adams,c-2@example.com',
      '',
    ]);
    expect(out.notesCsv).toBe(`Email,Date,Note\r\nc-2@example.com,${localDay(Date.UTC(2026, 0, 5, 12))},Hello\r\n`);
    expect({ contacts: out.contacts, notes: out.notes, skippedNotes: out.skippedNotes }).toEqual({ contacts: 2, notes: 1, skippedNotes: 0 });
  });

  it('names the files by local date', () => {
    expect(crmFileName('contacts', new Date(2026, 2, 2, 23, 59).getTime())).toBe('resourceful-crm-contacts-2026-03-02.csv');
    expect(crmFileName('notes', new Date(2026, 2, 2, 0, 1).getTime())).toBe('resourceful-crm-notes-2026-03-02.csv');
  });
});
