import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeResources, normalizeDraft, normalizeTags, normalizeUrl, resourceKey, type ResourceDraft } from '../../lib/resources/model';
import { BACKUP_FORMAT } from '../../lib/backup/format';
import {
  A_BACKUP_FILE,
  csvCell,
  detectFormat,
  exportCsv,
  exportFileName,
  exportJson,
  importCsv,
  importFile,
  importJson,
  MAX_IMPORT_ROWS,
  NOT_A_RESOURCE_FILE,
  parseCsv,
} from '../../lib/resources/transfer';
import type { Resource } from '../../lib/replies/types';

const draft = (over: Partial<ResourceDraft> = {}): ResourceDraft => ({
  title: 'CRM rollout checklist',
  url: 'https://example.com/crm-checklist',
  summary: 'Twelve steps for rolling out a CRM across several sites.',
  tags: ['crm', 'onboarding'],
  kind: 'checklist',
  ...over,
});

const TRICKY: ResourceDraft[] = [
  draft(),
  draft({ title: 'Pricing, packaging and "value" metrics', url: null, summary: 'Line one, with a comma.\nLine two says "hi".', tags: ['pricing'], kind: 'article' }),
  draft({ title: '=HYPERLINK("http://evil.example","click")', url: 'https://example.com/a', summary: '+1 555 0100', tags: ['-neg', '@at'], kind: 'tool' }),
  draft({ title: "'=already quoted", url: null, summary: '@mention first', tags: [], kind: 'template' }),
  draft({ title: 'Dana Whitfield — RevOps, Leeds', url: 'mailto:dana@northwind.com', summary: '', tags: ['intro', 'uk'], kind: 'person' }),
  draft({ title: 'Ünïcødé ✓ 日本語', url: 'https://example.com/ü?q=a,b&x="y"', summary: '-5% churn', tags: ['i18n'], kind: 'article' }),
];

describe('CSV export', () => {
  it('writes the header, CRLF rows, RFC 4180 quoting and ;-joined tags (quoted: a semicolon spreadsheet splits there)', () => {
    const csv = exportCsv([draft(), TRICKY[1]!]);
    expect(csv).toBe(
      'title,url,summary,tags,kind\r\n' +
        'CRM rollout checklist,https://example.com/crm-checklist,Twelve steps for rolling out a CRM across several sites.,"crm;onboarding",checklist\r\n' +
        '"Pricing, packaging and ""value"" metrics",,"Line one, with a comma.\nLine two says ""hi"".",pricing,article\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('-5% churn')).toBe("'-5% churn");
    expect(csvCell('@mention')).toBe("'@mention");
    expect(csvCell('\t=1')).toBe('"\'\t=1"'); // a tab is quoted too
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    // Already-prefixed values get one more quote, so import can undo exactly one.
    expect(csvCell("'=x")).toBe("''=x");
    // Only the start counts; apostrophes without a formula character stay alone.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell("'quoted'")).toBe("'quoted'");
    expect(csvCell(' padded ')).toBe('" padded "');
    const csv = exportCsv([TRICKY[2]!]);
    expect(csv.split('\r\n')[1]).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")",https://example.com/a,\'+1 555 0100,"\'-neg;@at",tool');
  });

  it('round-trips tricky resources through CSV and JSON exactly', () => {
    const csv = importCsv(exportCsv(TRICKY));
    expect(csv.errors).toEqual([]);
    expect(csv.resources).toEqual(TRICKY);
    const json = importJson(exportJson(TRICKY));
    expect(json.errors).toEqual([]);
    expect(json.resources).toEqual(TRICKY);
  });

  it('round-trips any clean resource through CSV (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', "'", '=', '+', '-', '@', '\n', ';', 'é', '\t'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 4 }), fc.constantFrom('article', 'checklist', 'tool', 'template', 'person' as const), (title, summary, tags, kind) => {
        const d = normalizeDraft({ title: `x${title}`, url: null, summary, tags, kind });
        if (!d.ok) throw new Error(d.message);
        const back = importCsv(exportCsv([d.draft]));
        expect(back.errors).toEqual([]);
        expect(back.resources).toEqual([d.draft]);
      }),
      { numRuns: 300 },
    );
  });

  it('exports JSON as { version: 1, resources } without ids or dates', () => {
    const stored: Resource = { id: 'r1', ...draft(), createdAt: 1, updatedAt: 2 };
    expect(JSON.parse(exportJson([stored]))).toEqual({ version: 1, resources: [draft()] });
    expect(exportJson([])).toBe('{\n  "version": 1,\n  "resources": []\n}\n');
  });
});

describe('CSV import', () => {
  it('accepts a BOM, CRLF, any column order, quoted commas, quotes and line breaks', () => {
    const text =
      '\uFEFFKind,Tags,Title,Summary,URL\r\n' +
      'checklist,CRM; Onboarding ;crm,"Rollout, step by step","He said ""start small"".\r\nThen grow.",example.com/rollout\r\n' +
      'person,intro,Dana Whitfield,,mailto:dana@northwind.com\r\n';
    const r = importCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.resources).toEqual([
      { title: 'Rollout, step by step', url: 'https://example.com/rollout', summary: 'He said "start small".\nThen grow.', tags: ['crm', 'onboarding'], kind: 'checklist' },
      { title: 'Dana Whitfield', url: 'mailto:dana@northwind.com', summary: '', tags: ['intro'], kind: 'person' },
    ]);
  });

  it('reports bad rows with their spreadsheet row number and imports the rest', () => {
    const text = [
      'title,url,kind,notes',
      'Good one,https://example.com/1,article,x',
      ',https://example.com/no-title,article,x',
      'Script link,javascript:alert(1),article,x',
      '',
      'Odd kind,https://example.com/2,Video,x',
      'Not a link,not a url at all,tool,x',
      'Data link,data:text/html;base64,PGI+,tool,x',
      'Upper kind,,TEMPLATE',
    ].join('\n');
    const r = importCsv(text);
    expect(r.resources.map((d) => [d.title, d.url, d.kind])).toEqual([
      ['Good one', 'https://example.com/1', 'article'],
      ['Odd kind', 'https://example.com/2', 'article'],
      ['Upper kind', null, 'template'],
    ]);
    expect(r.errors).toEqual([
      { row: 1, message: 'ignored unknown column "notes"' },
      { row: 3, message: 'title is missing' },
      { row: 4, message: 'links must start with https://, http:// or mailto: (got javascript:)' },
      { row: 6, message: 'unknown kind "Video", imported as article' },
      { row: 7, message: '"not a url at all" is not a link (use https://…)' },
      { row: 8, message: 'links must start with https://, http:// or mailto: (got data:)' },
    ]);
  });

  it('counts rows as a spreadsheet does when a quoted cell spans lines', () => {
    const r = importCsv('title,summary\n"A","two\nlines"\n,missing title\n');
    expect(r.resources.map((d) => d.title)).toEqual(['A']);
    expect(r.errors).toEqual([{ row: 3, message: 'title is missing' }]);
  });

  it('handles a lone CR line end, a missing final line break and missing trailing cells', () => {
    expect(importCsv('title,url,tags\rOne,https://a.example\rTwo').resources).toEqual([
      { title: 'One', url: 'https://a.example', summary: '', tags: [], kind: 'article' },
      { title: 'Two', url: null, summary: '', tags: [], kind: 'article' },
    ]);
  });

  it('undoes the export formula prefix', () => {
    const r = importCsv("title,summary\n'=1+1,'-5% churn\n''=x,'plain\n");
    expect(r.resources.map((d) => [d.title, d.summary])).toEqual([
      ['=1+1', '-5% churn'],
      ["'=x", "'plain"],
    ]);
  });

  it('refuses a file without a header naming the title column, as a whole, in one sentence', () => {
    const notResources = { resources: [], errors: [{ row: 0, message: NOT_A_RESOURCE_FILE }] };
    expect(importCsv('CRM checklist,https://example.com\n')).toEqual(notResources);
    // Another spreadsheet altogether (a contact list): one sentence, not a warning per unknown column.
    expect(importCsv('Email,Phone,Owner\ndana@northwind.com,555 0100,Alex\n')).toEqual(notResources);
    expect(importCsv('\r\n\r\nEmail\n')).toEqual(notResources);
    expect(importCsv('')).toEqual({ resources: [], errors: [{ row: 0, message: 'the file is empty' }] });
    expect(importCsv('\uFEFF\r\n\r\n')).toEqual({ resources: [], errors: [{ row: 0, message: 'the file is empty' }] });
  });

  it('reports an unterminated quote and keeps the rows before it', () => {
    const r = importCsv('title,summary\nFine,ok\nBroken,"never closed\nNext,row\n');
    expect(r.resources.map((d) => d.title)).toEqual(['Fine']);
    expect(r.errors).toEqual([{ row: 3, message: 'a quoted cell is never closed (a " is missing); this row and everything after it were not read' }]);
  });

  it('keeps a stray quote inside an unquoted cell as text', () => {
    expect(parseCsv('a 5" screen,b\n').records).toEqual([{ row: 1, fields: ['a 5" screen', 'b'] }]);
    expect(parseCsv('"",x').records).toEqual([{ row: 1, fields: ['', 'x'] }]);
    expect(parseCsv('a,\n').records).toEqual([{ row: 1, fields: ['a', ''] }]);
  });

  it('renders nothing as markup: hostile text stays text in the draft', () => {
    const r = importCsv('title,summary\n"<img src=x onerror=alert(1)>","<script>alert(2)</script>"\n');
    expect(r.resources[0]).toMatchObject({ title: '<img src=x onerror=alert(1)>', summary: '<script>alert(2)</script>' });
  });

  it('caps very large files', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 2 }, (_, i) => `R${i}`);
    const r = importCsv(`title\n${rows.join('\n')}`);
    expect(r.resources).toHaveLength(MAX_IMPORT_ROWS);
    expect(r.errors).toEqual([{ row: 0, message: `only the first ${MAX_IMPORT_ROWS} of ${MAX_IMPORT_ROWS + 2} rows were read` }]);
  });
});

describe('JSON import', () => {
  it('reads an export, a bare array, and tags given as text', () => {
    const r = importJson(JSON.stringify([{ title: 'A', tags: 'X; y', kind: 'Tool', extra: 1 }, { title: 'B', url: 'https://b.example/', summary: null }]));
    expect(r).toEqual({
      resources: [
        { title: 'A', url: null, summary: '', tags: ['x', 'y'], kind: 'tool' },
        { title: 'B', url: 'https://b.example/', summary: '', tags: [], kind: 'article' },
      ],
      errors: [],
    });
  });

  it('reports bad entries by position and never throws', () => {
    const text = JSON.stringify({ version: 1, resources: [{ title: 'Ok' }, 'text', { url: 'https://x.example' }, { title: 5 }, { title: 'Video', kind: 'video' }, null] });
    const r = importJson(text);
    expect(r.resources.map((d) => d.title)).toEqual(['Ok', 'Video']);
    expect(r.errors).toEqual([
      { row: 2, message: 'not a resource (expected an object with a title)' },
      { row: 3, message: 'title: title must be text' },
      { row: 4, message: 'title: title must be text' },
      { row: 5, message: 'unknown kind "video", imported as article' },
      { row: 6, message: 'not a resource (expected an object with a title)' },
    ]);
    expect(importJson('{ nope')).toEqual({ resources: [], errors: [{ row: 0, message: 'the file is not valid JSON' }] });
    expect(importJson('{"version":2,"resources":[]}')).toEqual({ resources: [], errors: [{ row: 0, message: 'unsupported file version 2 (expected 1)' }] });
    expect(importJson('\uFEFF[]')).toEqual({ resources: [], errors: [] });
  });

  it('says in one sentence when the JSON is no resource list at all', () => {
    const notResources = { resources: [], errors: [{ row: 0, message: NOT_A_RESOURCE_FILE }] };
    expect(importJson('{"items":[]}')).toEqual(notResources);
    expect(importJson('"\uFEFF"')).toEqual(notResources);
    expect(importJson('null')).toEqual(notResources);
    expect(importJson('42')).toEqual(notResources);
    // Lists in which nothing has a title: numbers, another tool's records. Not a problem per entry.
    expect(importJson('[1, 2, 3]')).toEqual(notResources);
    expect(importJson(JSON.stringify({ version: 1, resources: [{ name: 'Dana', email: 'dana@northwind.com' }, null] }))).toEqual(notResources);
    // One entry with a title makes it a library with bad rows: those are reported by position, as before.
    expect(importJson(JSON.stringify([{ name: 'Dana' }, { title: 'Checklist' }]))).toEqual({
      resources: [{ title: 'Checklist', url: null, summary: '', tags: [], kind: 'article' }],
      errors: [{ row: 1, message: 'title: title must be text' }],
    });
  });

  it('points a full backup to "Backup and restore"', () => {
    const backup = { format: BACKUP_FORMAT, version: 2, schemaVersion: 5, counts: {}, tables: { resources: [{ title: 'A' }] }, invalidRows: [] };
    expect(importJson(JSON.stringify(backup))).toEqual({ resources: [], errors: [{ row: 0, message: A_BACKUP_FILE }] });
    expect(importFile('resourceful-backup-2026-03-02.json', JSON.stringify(backup)).errors).toEqual([{ row: 0, message: A_BACKUP_FILE }]);
  });
});

describe('files', () => {
  it('picks the format by extension, else by content', () => {
    expect(detectFormat('lib.JSON', 'title')).toBe('json');
    expect(detectFormat('lib.csv', '[')).toBe('csv');
    expect(detectFormat('lib.txt', '\uFEFF  {"version":1}')).toBe('json');
    expect(detectFormat('lib', 'title,url')).toBe('csv');
    expect(importFile('x.csv', 'title\nA\n').resources.map((d) => d.title)).toEqual(['A']);
    expect(importFile('x.json', '[{"title":"B"}]').resources.map((d) => d.title)).toEqual(['B']);
    // Neither: prose in a .txt file reads as CSV without a title column.
    expect(importFile('notes.txt', 'Call Dana on Monday about the rollout.\n')).toEqual({ resources: [], errors: [{ row: 0, message: NOT_A_RESOURCE_FILE }] });
  });

  it('names exports by local date', () => {
    expect(exportFileName('csv', new Date(2026, 10, 3, 23, 59).getTime())).toBe('resourceful-resources-2026-11-03.csv');
    expect(exportFileName('json', new Date(2026, 0, 9).getTime())).toBe('resourceful-resources-2026-01-09.json');
  });
});

describe('model', () => {
  it('normalises tags lower-case, split on ; and ,, unique, bounded', () => {
    expect(normalizeTags(' CRM ; crm,Onboarding;; ')).toEqual(['crm', 'onboarding']);
    expect(normalizeTags(['A', 'b;C'])).toEqual(['a', 'b', 'c']);
    expect(normalizeTags(Array.from({ length: 40 }, (_, i) => `t${i}`))).toHaveLength(30);
    expect(normalizeTags(['x'.repeat(80)])).toEqual(['x'.repeat(60)]);
  });

  it('accepts http(s) and mailto links, adds https:// to bare hosts, refuses the rest', () => {
    expect(normalizeUrl('  ')).toEqual({ ok: true, url: null });
    expect(normalizeUrl('example.com/a?b=1')).toEqual({ ok: true, url: 'https://example.com/a?b=1' });
    expect(normalizeUrl('example.com:8080/x')).toEqual({ ok: true, url: 'https://example.com:8080/x' });
    expect(normalizeUrl('HTTP://Example.com')).toEqual({ ok: true, url: 'HTTP://Example.com' });
    expect(normalizeUrl('mailto:a@b.co')).toEqual({ ok: true, url: 'mailto:a@b.co' });
    expect(normalizeUrl('JavaScript:alert(1)')).toEqual({ ok: false, message: 'links must start with https://, http:// or mailto: (got javascript:)' });
    expect(normalizeUrl('file:///etc/passwd').ok).toBe(false);
    expect(normalizeUrl('just words').ok).toBe(false);
    expect(normalizeUrl(`https://e.com/${'a'.repeat(2000)}`)).toEqual({ ok: false, message: 'the link is longer than 2000 characters' });
  });

  it('keys resources by title (any case) and parsed link', () => {
    expect(resourceKey({ title: 'CRM Checklist', url: 'https://Example.com' })).toBe(resourceKey({ title: 'crm checklist', url: 'https://example.com/' }));
    expect(resourceKey({ title: 'A', url: null })).not.toBe(resourceKey({ title: 'A', url: 'https://a.example' }));
  });

  it('merges by title + link: re-importing adds nothing, changes update in place', () => {
    let n = 0;
    const id = () => `id${++n}`;
    const first = mergeResources([], [draft(), draft({ title: 'Other', url: null }), draft()], 100, id);
    expect(first.added).toBe(2);
    expect(first.updated).toBe(0);
    expect(first.unchanged).toBe(0);
    expect(first.put.map((r) => [r.id, r.title, r.createdAt, r.updatedAt])).toEqual([
      ['id1', 'CRM rollout checklist', 100, 100],
      ['id2', 'Other', 100, 100],
    ]);
    const again = mergeResources(first.put, [draft(), draft({ title: 'Other', url: null })], 200, id);
    expect(again).toEqual({ put: [], added: 0, updated: 0, unchanged: 2 });
    const changed = mergeResources(first.put, [draft({ title: 'crm ROLLOUT checklist', summary: '', tags: ['ops'], kind: 'template' })], 300, id);
    expect(changed.added).toBe(0);
    expect(changed.updated).toBe(1);
    expect(changed.put).toEqual([{ ...first.put[0], tags: ['crm', 'onboarding', 'ops'], kind: 'template', updatedAt: 300 }]);
  });

  it('a row without a link names the one resource of that title, and keeps its link; with two of that title it is added apart', () => {
    let n = 0;
    const id = () => `id${++n}`;
    const library = mergeResources([], [draft()], 100, id).put;
    // A spreadsheet that lost its link column: the same resource, updated, not a second copy.
    const noLink = mergeResources(library, [draft({ url: null, tags: ['ops'] })], 200, id);
    expect(noLink).toMatchObject({ added: 0, updated: 1 });
    expect(noLink.put).toEqual([{ ...library[0], url: library[0]!.url, tags: ['crm', 'onboarding', 'ops'], updatedAt: 200 }]);
    expect(mergeResources(library, [draft({ url: null })], 200, id)).toEqual({ put: [], added: 0, updated: 0, unchanged: 1 });
    // Another link is another resource, and a title two resources share cannot say which one it means.
    const two = mergeResources(library, [draft({ url: 'https://other.example/checklist' })], 300, id);
    expect(two.added).toBe(1);
    const both = [...library, ...two.put];
    expect(mergeResources(both, [draft({ url: null })], 400, id)).toMatchObject({ added: 1, updated: 0 });
  });
});
