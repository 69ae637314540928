import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateInput } from '../../lib/report/range';
import { startSession, type Session } from './harness';
import { commitmentRow, contactRow, interactionRow, seedDb, threadRow, type SeedRows } from './seed';

/** The referrals card's rows for the seeded data, whatever the range: the labels say what each counts. */
const REFERRAL_ROWS = ['Not-a-fit leads you helped in these dates', 'Referrals in these dates (from leads helped any time)', 'Leads you helped who sent them', '… now in conversation', '… now customer'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The test's clock; every row is placed relative to it, a day or more from the range edges. */
const NOW = Date.now();
const ago = (days: number, plusHours = 0) => NOW - days * DAY + plusHours * HOUR;
const OUT = path.resolve('test-results');

/**
 * Helped leads, their referrals, inquiries, promises, gives/asks and declines. "Old" rows (200 days ago) fall outside
 * the default 90 days. Tags: dental and retail segments.
 */
function scenario(): SeedRows {
  return {
    contacts: [
      // Moved into "helped" 30 days ago (stage_changed), though last touched 120 days ago: the move is what counts.
      contactRow('helped1', { name: 'Priya Natarajan', stage: 'not_fit_helped', tags: ['dental'], createdAt: ago(150), updatedAt: ago(120) }),
      contactRow('helped2', { name: 'Tomas Lind', stage: 'not_fit_helped', tags: ['retail'], createdAt: ago(40), updatedAt: ago(10) }),
      contactRow('helpedOld', { name: 'Olga Berg', stage: 'not_fit_helped', tags: ['dental'], createdAt: ago(250), updatedAt: ago(200) }),
      contactRow('ref1', { name: 'Ana Ruiz', stage: 'customer', referredBy: 'helped1', tags: ['dental'], createdAt: ago(20), updatedAt: ago(2) }),
      contactRow('ref2', { name: 'Ben Okafor', stage: 'in_conversation', referredBy: 'helped1', tags: ['dental'], createdAt: ago(5), updatedAt: ago(5) }),
      contactRow('ref3', { name: 'Chen Wei', stage: 'customer', referredBy: 'helped2', tags: ['retail'], createdAt: ago(3), updatedAt: ago(1) }),
      contactRow('refOld', { name: 'Dora Klein', stage: 'qualified', referredBy: 'helpedOld', tags: ['dental'], createdAt: ago(200), updatedAt: ago(200) }),
      contactRow('dec1', {
        name: 'Dana Whitfield',
        stage: 'declined',
        tags: ['retail'],
        updatedAt: ago(15),
        declineStated: { reason: 'price', text: 'Too expensive' },
        declineReal: { reason: 'authority', text: 'The CFO decides' },
      }),
      contactRow('dec2', { name: 'Evan Moss', stage: 'declined', tags: ['dental'], updatedAt: ago(12), declineStated: { reason: 'timing', text: 'Next year' } }),
      contactRow('dec3', {
        name: 'Fay Ng',
        stage: 'declined',
        tags: ['retail'],
        updatedAt: ago(8),
        declineStated: { reason: 'price', text: 'Over budget' },
        declineReal: { reason: 'price', text: 'Really price' },
      }),
    ],
    threads: [
      threadRow('t1', 'ref1', ago(20), ago(20, 2)),
      threadRow('t2', 'ref2', ago(5), ago(5, 4)),
      threadRow('t3', 'ref3', ago(3), ago(3, 1)),
      threadRow('t4', 'dec1', ago(15), null),
      threadRow('t5', null, ago(40), ago(40, 0.5)), // a sender never saved as a contact
      threadRow('t6', 'refOld', ago(200), ago(200, 10)),
    ],
    commitments: [
      commitmentRow('k1', 'ref1', { status: 'done', dueAt: ago(17), resolvedAt: ago(18) }),
      commitmentRow('k2', 'ref3', { status: 'done', resolvedAt: ago(2) }),
      commitmentRow('k3', 'dec1', { status: 'missed', dueAt: ago(14), resolvedAt: ago(14) }),
      commitmentRow('k4', 'ref2', { status: 'open', dueAt: ago(1) }),
      commitmentRow('k5', 'ref2', { status: 'open', dueAt: ago(-5) }),
      commitmentRow('k6', 'ref1', { direction: 'theirs', status: 'done', resolvedAt: ago(3) }),
      commitmentRow('k7', 'refOld', { status: 'done', resolvedAt: ago(200) }),
    ],
    interactions: [
      interactionRow('helped1', 'stage:not_fit_helped:e2e', 'stage_changed', ago(30), { subject: 'New inquiry → Not a fit — helped' }),
      interactionRow('helped1', 'event:g1', 'value_given', ago(30)),
      interactionRow('helped1', 'event:g2', 'value_given', ago(29)),
      interactionRow('ref1', 'event:g3', 'value_given', ago(19)),
      interactionRow('ref1', 'event:a1', 'ask', ago(17)),
      interactionRow('ref2', 'event:a2', 'ask', ago(4)),
      interactionRow('ref2', 'event:f1', 'follow_up', ago(2)),
      interactionRow('ref3', 'event:g4', 'value_given', ago(2)),
      interactionRow('dec1', 'event:f2', 'follow_up', ago(14)),
      interactionRow('dec1', 'event:f3', 'follow_up', ago(10)),
      interactionRow('refOld', 'event:a3', 'ask', ago(200)),
    ],
  };
}

let s: Session;
let page: Page;
beforeAll(async () => {
  s = await startSession();
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await s?.close();
});

const CHARTS = ['chart-inquiries', 'chart-referrals', 'chart-promises', 'chart-balance', 'chart-declines'] as const;

/** Every `n-*` number on the page, by test id. */
async function numbers(p: Page): Promise<Record<string, string>> {
  return p.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-testid^="n-"]')].map((el) => [el.getAttribute('data-testid')!, el.textContent ?? ''])));
}

/** The decline table as [reason, stated, real] rows. */
async function declineRows(p: Page): Promise<[string, number, number][]> {
  return p.evaluate(() =>
    [...document.querySelectorAll('[data-testid=decline-row]')].map((tr) => [
      tr.getAttribute('data-reason')!,
      Number(tr.querySelector('[data-testid=stated]')!.textContent),
      Number(tr.querySelector('[data-testid=real]')!.textContent),
    ]),
  ) as Promise<[string, number, number][]>;
}

/**
 * Reads a chart canvas's pixels in the page: how many are painted (chart.js leaves the background transparent), how
 * many distinct colours, and how many pixels have each of `colours` (hex) exactly.
 */
async function pixels(p: Page, testId: string, colours: string[] = []): Promise<{ painted: number; total: number; distinct: number; count: Record<string, number> }> {
  return p.getByTestId(testId).evaluate((c, colours) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const want = new Map(colours.map((h) => [parseInt(h.slice(1), 16), h]));
    const count: Record<string, number> = Object.fromEntries(colours.map((h) => [h, 0]));
    const seen = new Set<number>();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted += 1;
      const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      seen.add(rgb);
      const h = want.get(rgb);
      if (h && data[i + 3] === 255) count[h]! += 1;
    }
    return { painted, total: canvas.width * canvas.height, distinct: seen.size, count };
  }, colours);
}

/** Where one colour lies in a chart canvas, in CSS pixels: see `colourLayout`. */
interface ColourPlace {
  /** Bounding box of the colour's pixels in the legend band; null when it has none there. */
  legend: { x0: number; x1: number; y0: number; y1: number } | null;
  /** Runs of adjacent columns (gaps of 2 px or less bridged) holding the colour above the legend band. */
  runs: [number, number][];
}

/**
 * Where pixels near each of `colours` (hex) lie in a chart canvas: in the legend band (the bottom `band` CSS px, where
 * a bottom legend is drawn, below the x axis) and, as column runs, in the chart above it. Near, not exact (RGB
 * distance ≤ 40, alpha ≥ 64): a 2 px line at a fractional position has no pixel of the exact colour.
 */
async function colourLayout(p: Page, testId: string, colours: string[], band = 36): Promise<Record<string, ColourPlace>> {
  return p.getByTestId(testId).evaluate(
    (c, { colours, band }) => {
      const canvas = c as HTMLCanvasElement;
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const { width, height } = canvas;
      const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
      const bandTop = height - band * scale;
      const out: Record<string, ColourPlace> = {};
      for (const hex of colours) {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
        let box: ColourPlace['legend'] = null;
        const columns = new Set<number>();
        for (let y = 0; y < height; y += 1) {
          for (let x = 0; x < width; x += 1) {
            const i = (y * width + x) * 4;
            if (data[i + 3]! < 64 || Math.hypot(data[i]! - r, data[i + 1]! - g, data[i + 2]! - b) > 40) continue;
            if (y < bandTop) columns.add(x);
            else if (!box) box = { x0: x, x1: x, y0: y, y1: y };
            else box = { x0: Math.min(box.x0, x), x1: Math.max(box.x1, x), y0: Math.min(box.y0, y), y1: Math.max(box.y1, y) };
          }
        }
        const runs: [number, number][] = [];
        for (const x of [...columns].sort((a, b) => a - b)) {
          const last = runs.at(-1);
          if (last && x - last[1] <= 2 * scale + 1) last[1] = x;
          else runs.push([x, x]);
        }
        const css = (v: number) => Math.round(v / scale);
        out[hex] = {
          legend: box && { x0: css(box.x0), x1: css(box.x1), y0: css(box.y0), y1: css(box.y1) },
          runs: runs.map(([a, b]) => [css(a), css(b)]),
        };
      }
      return out;
    },
    { colours, band },
  );
}

/** The row headers of a card's table(s). */
async function rowLabels(p: Page, card: string): Promise<string[]> {
  return p.getByTestId(card).locator('tbody th').allTextContents();
}

/** Local noon of each [year, month (1-based), day], labelled by the page's own locale with `options`. */
async function labelsInPage(p: Page, days: [number, number, number][], options: Intl.DateTimeFormatOptions): Promise<string[]> {
  return p.evaluate(({ days, options }) => days.map(([y, m, d]) => new Date(y, m - 1, d, 12).toLocaleDateString(undefined, options)), { days, options });
}

/** Every `empty-*` line on the page (a card with nothing in the dates), by test id. */
async function emptyLines(p: Page): Promise<Record<string, string>> {
  return p.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-testid^="empty-"]')].map((el) => [el.getAttribute('data-testid')!, el.textContent ?? ''])));
}

/** Waits until the numbers shown were read for the dates in the filter (the page is aria-busy meanwhile). */
async function settled(p: Page): Promise<void> {
  await expect.poll(() => p.getByTestId('report').getAttribute('aria-busy')).toBe('false');
}

async function openReport(): Promise<Page> {
  const p = await s.context.newPage();
  await p.setViewportSize({ width: 1280, height: 900 });
  await p.goto(`chrome-extension://${s.extensionId}/report.html`);
  return p;
}

describe('Goodwill report page', () => {
  it('shows its empty state when nothing is saved', async () => {
    page = await openReport();
    await page.getByTestId('state-empty').waitFor();
    expect(await page.getByTestId('state-empty').textContent()).toContain('Nothing to report yet: answer an inquiry');
    expect(await page.locator('canvas').count()).toBe(0);
    // The filters are there, set to the last 90 days.
    expect(await page.getByTestId('filter-to').inputValue()).toBe(toDateInput(NOW));
    expect(await page.getByTestId('filter-from').inputValue()).toBe(toDateInput(new Date(new Date(NOW).setDate(new Date(NOW).getDate() - 89)).getTime()));
  });

  it('draws every chart from the seeded data, with the numbers under it', async () => {
    await seedDb(page, scenario());
    await page.reload();
    await page.getByTestId('report-grid').waitFor();
    for (const id of CHARTS) {
      const canvas = page.getByTestId(id);
      expect(await canvas.getAttribute('aria-label')).toBeTruthy();
      expect(await canvas.getAttribute('role')).toBe('img');
      // Not blank and not one flat colour: bars, axes and text were drawn.
      await expect.poll(async () => (await pixels(page, id)).painted, { timeout: 5000 }).toBeGreaterThan(0);
      const px = await pixels(page, id);
      expect(px.painted / px.total, id).toBeGreaterThan(0.01);
      expect(px.distinct, id).toBeGreaterThan(8);
    }
    // The bars are in the light theme's colours: kept (green), missed (red), overdue (orange).
    const promises = await pixels(page, 'chart-promises', ['#1f6f5c', '#b3261e', '#c05621']);
    expect(Object.values(promises.count).every((n) => n > 200), JSON.stringify(promises.count)).toBe(true);

    expect(await numbers(page)).toEqual({
      'n-received': '5',
      'n-answered': '4',
      'n-unanswered': '1',
      // 30 min, 1 h, 2 h, 4 h: the mean of the middle two.
      'n-median': '1 h 30 min',
      'n-helped': '2',
      'n-referrals': '3',
      'n-referrers': '2',
      'n-ref-in_conversation': '1',
      'n-ref-customer': '2',
      'n-kept': '2',
      'n-missed': '1',
      'n-overdue': '1',
      'n-kept-share': '67%',
      'n-givers': '2',
      'n-balanced': '1',
      'n-askers': '2',
      'n-gives': '4',
      'n-asks': '5',
      'n-real-learned': '2',
      'n-declines': '3',
      'n-differs': '1',
    });
    expect(await declineRows(page)).toEqual([
      ['price', 2, 1],
      ['timing', 1, 0],
      ['authority', 0, 1],
    ]);
    expect(await page.getByTestId('week-row').count()).toBe(13);
    expect(await page.getByTestId('month-row').count()).toBe(0);
    expect(await page.getByTestId('chart-inquiries').getAttribute('aria-label')).toBe(
      'Inquiries per week: 5 received, 4 answered, 1 not answered; median time to answer 1 h 30 min.',
    );
    // Every card has something in these dates: no empty lines.
    expect(await emptyLines(page)).toEqual({});
    // Helped leads count in the dates, referrals from leads helped at any time: the labels say which; stages
    // mid-sentence are in lower case.
    expect(await rowLabels(page, 'card-referrals')).toEqual(REFERRAL_ROWS);
    expect(await page.getByTestId('card-referrals').locator('.report-lead').textContent()).toContain('referrals count in the dates they arrived, however long ago you helped');
    expect(await page.getByTestId('chart-referrals').getAttribute('aria-label')).toBe(
      '2 not-a-fit leads you helped in these dates; 3 referrals in these dates from 2 leads you helped at any time: 1 in conversation, 2 customer.',
    );
    // Equal gaps (two asks, nothing given): by name.
    expect(await page.getByTestId('asker-row').allTextContents()).toEqual(['Ben Okafor02', 'Dana Whitfield02']);
    // Everything the page loaded came from the extension itself.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.filter((u) => !u.startsWith(`chrome-extension://${s.extensionId}/`))).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true });
  });

  it('narrows every section to the chosen tag', async () => {
    const options = await page.getByTestId('filter-tag').locator('option').allTextContents();
    expect(options).toEqual(['All contacts', 'dental', 'retail']);
    await page.getByTestId('filter-tag').selectOption('dental');
    await expect.poll(() => page.getByTestId('n-received').textContent()).toBe('2');
    expect(await numbers(page)).toEqual({
      'n-received': '2',
      'n-answered': '2',
      'n-unanswered': '0',
      'n-median': '3 h',
      'n-helped': '1',
      'n-referrals': '2',
      'n-referrers': '1',
      'n-ref-in_conversation': '1',
      'n-ref-customer': '1',
      'n-kept': '1',
      'n-missed': '0',
      'n-overdue': '1',
      'n-kept-share': '100%',
      'n-givers': '1',
      'n-balanced': '1',
      'n-askers': '1',
      'n-gives': '3',
      'n-asks': '3',
      'n-real-learned': '0',
      'n-declines': '1',
      'n-differs': '0',
    });
    expect(await declineRows(page)).toEqual([['timing', 1, 0]]);
    await page.getByTestId('filter-tag').selectOption('');
    await expect.poll(() => page.getByTestId('n-received').textContent()).toBe('5');
  });

  it('leaves out what is older than the range, and brings it back when widened', async () => {
    // The last 7 days only.
    await page.getByTestId('filter-from').fill(toDateInput(ago(7)));
    await settled(page);
    await expect.poll(() => page.getByTestId('n-received').textContent()).toBe('2');
    expect(await numbers(page)).toMatchObject({
      'n-received': '2',
      'n-answered': '2',
      'n-median': '2 h 30 min',
      'n-helped': '0',
      'n-referrals': '2',
      'n-referrers': '2',
      'n-kept': '1',
      'n-missed': '0',
      'n-overdue': '1',
    });
    expect(await page.getByTestId('week-row').count()).toBe(2);
    // No lead helped in these 7 days, yet 2 referrals from leads helped earlier: the labels say why that is no mistake.
    expect(await rowLabels(page, 'card-referrals')).toEqual(REFERRAL_ROWS);
    expect(await page.getByTestId('chart-referrals').getAttribute('aria-label')).toBe(
      '0 not-a-fit leads you helped in these dates; 2 referrals in these dates from 2 leads you helped at any time: 1 in conversation, 1 customer.',
    );
    // No declines in these days: one line on how they get there, instead of an empty chart and a header-only table.
    expect(await emptyLines(page)).toEqual({
      'empty-declines': 'No declines in these dates. When someone says no, set their stage to Declined and note the reason they gave; add the real one once you learn it.',
    });
    expect(await page.getByTestId('card-declines').locator('canvas, table').count()).toBe(0);
    expect(await page.getByTestId('n-declines').count()).toBe(0);
    expect(await page.locator('canvas').count()).toBe(4);

    // A year back: the rows from 200 days ago count too.
    await page.getByTestId('filter-from').fill(toDateInput(ago(365)));
    await settled(page);
    await expect.poll(() => page.getByTestId('n-received').textContent()).toBe('6');
    expect(await numbers(page)).toMatchObject({
      'n-received': '6',
      'n-answered': '5',
      'n-median': '2 h',
      'n-helped': '3',
      'n-referrals': '4',
      'n-referrers': '3',
      'n-ref-qualified': '1',
      'n-kept': '3',
      'n-asks': '6',
    });
    // Over 26 weeks the inquiries are counted per calendar month: the first from the range's first day, the last
    // this month. The range crosses a year, so each month is named with its year.
    const first = new Date(ago(365));
    const today = new Date(NOW);
    const months = (today.getFullYear() - first.getFullYear()) * 12 + today.getMonth() - first.getMonth() + 1;
    expect(await page.getByTestId('week-row').count()).toBe(0);
    expect(await page.getByTestId('month-row').count()).toBe(months);
    const monthLabels = await page.getByTestId('month-row').locator('th').allTextContents();
    expect(monthLabels).toEqual(
      await labelsInPage(
        page,
        Array.from({ length: months }, (_, i) => {
          const d = new Date(first.getFullYear(), first.getMonth() + i, 1);
          return [d.getFullYear(), d.getMonth() + 1, 1] as [number, number, number];
        }),
        { month: 'short', year: 'numeric' },
      ),
    );
    expect(monthLabels[0]).toContain(String(first.getFullYear()));
    expect(monthLabels.at(-1)).toContain(String(today.getFullYear()));
    expect(await page.getByTestId('card-inquiries').locator('summary').textContent()).toBe('Month by month');
    expect(await page.getByTestId('chart-inquiries').getAttribute('aria-label')).toMatch(/^Inquiries per month: 6 received, 5 answered, 1 not answered;/);

    // A range with nothing in it says so, and keeps the filters.
    await page.getByTestId('filter-from').fill(toDateInput(ago(400)));
    await page.getByTestId('filter-to').fill(toDateInput(ago(300)));
    await page.getByTestId('state-info').waitFor();
    expect(await page.getByTestId('state-info').textContent()).toContain('Nothing in these dates');
    expect(await page.locator('canvas').count()).toBe(0);
  });

  it('says on each card with nothing in the dates how its data gets there', async () => {
    // Three days around the one decline of 12 days ago (dental): nothing else falls in them.
    await page.getByTestId('filter-to').fill(toDateInput(ago(11)));
    await page.getByTestId('filter-from').fill(toDateInput(ago(13)));
    await settled(page);
    await page.getByTestId('empty-inquiries').waitFor();
    expect(await numbers(page)).toEqual({ 'n-real-learned': '0', 'n-declines': '1', 'n-differs': '0' });
    expect(await declineRows(page)).toEqual([['timing', 1, 0]]);
    const lines = await emptyLines(page);
    expect(Object.keys(lines).sort()).toEqual(['empty-balance', 'empty-inquiries', 'empty-promises', 'empty-referrals']);
    expect(lines['empty-inquiries']).toMatch(/^No inquiries arrived in these dates\. Each Gmail thread you open is counted here/);
    expect(lines['empty-referrals']).toMatch(/^No leads helped and no referrals in these dates\. When a lead isn’t a fit, help anyway and set their stage to Not a fit — helped/);
    expect(lines['empty-promises']).toMatch(/^None of your promises was kept, missed or overdue in these dates\. When you promise something, add it under Commitments/);
    expect(lines['empty-balance']).toMatch(/^No gives or asks in these dates\. A reply you put into Gmail with “Use this reply” counts as value given/);
    // The line replaces the chart, the numbers and the tables of its card; the card keeps its title and lead.
    for (const card of ['card-inquiries', 'card-referrals', 'card-promises', 'card-balance']) {
      expect(await page.getByTestId(card).locator('canvas, table, .kpis').count(), card).toBe(0);
      expect(await page.getByTestId(card).locator('h2').count(), card).toBe(1);
    }
    expect(await page.locator('canvas').count()).toBe(1);
    await expect.poll(async () => (await pixels(page, 'chart-declines')).painted).toBeGreaterThan(0);

    // With a tag chosen, the lines name it.
    await page.getByTestId('filter-tag').selectOption('dental');
    await expect.poll(async () => (await emptyLines(page))['empty-promises']).toMatch(/^None of your promises was kept, missed or overdue in these dates for “dental”\. /);
    expect((await emptyLines(page))['empty-inquiries']).toMatch(/^No inquiries arrived in these dates for “dental”\. /);
    await page.getByTestId('filter-tag').selectOption('');
    await expect.poll(async () => (await emptyLines(page))['empty-promises']).toMatch(/^None of your promises was kept, missed or overdue in these dates\. /);
  });

  it('names weeks with their year across a new year, breaks the median line where nothing was answered, and lists it last as a line', async () => {
    // Far before every other row: 14 Dec 2020 to 10 Jan 2021 is four weeks, two of them without an answered inquiry.
    const at = (y: number, m: number, d: number, h: number) => new Date(y, m - 1, d, h).getTime();
    await seedDb(page, {
      threads: [
        threadRow('y1', null, at(2020, 12, 15, 10), at(2020, 12, 15, 12)),
        threadRow('y2', null, at(2020, 12, 29, 10), null),
        threadRow('y3', null, at(2021, 1, 5, 10), at(2021, 1, 5, 11)),
      ],
    });
    await page.reload();
    await page.getByTestId('report-grid').waitFor();
    await page.getByTestId('filter-from').fill('2020-12-14');
    await page.getByTestId('filter-to').fill('2021-01-10');
    await settled(page);
    await expect.poll(() => page.getByTestId('week-row').count()).toBe(4);
    expect(await numbers(page)).toEqual({ 'n-received': '3', 'n-answered': '2', 'n-unanswered': '1', 'n-median': '1 h 30 min' });
    expect(Object.keys(await emptyLines(page)).sort()).toEqual(['empty-balance', 'empty-declines', 'empty-promises', 'empty-referrals']);

    // "14 Dec 20" … "4 Jan 21" (in the browser's locale): each week names its year, so no two read the same.
    const weeks = await page.getByTestId('week-row').locator('th').allTextContents();
    expect(weeks).toEqual(
      await labelsInPage(
        page,
        [
          [2020, 12, 14],
          [2020, 12, 21],
          [2020, 12, 28],
          [2021, 1, 4],
        ],
        { day: 'numeric', month: 'short', year: '2-digit' },
      ),
    );
    expect(weeks[0]).toContain('20');
    expect(weeks[3]).toContain('21');
    expect(weeks[3]).not.toBe((await labelsInPage(page, [[2021, 1, 4]], { day: 'numeric', month: 'short' }))[0]);
    expect(await page.getByTestId('chart-inquiries').getAttribute('aria-label')).toBe(
      'Inquiries per week: 3 received, 2 answered, 1 not answered; median time to answer 1 h 30 min.',
    );

    // Light theme: answered #1f6f5c, not answered #c05621, the median line #2b6cb0.
    const [give, warn, line] = ['#1f6f5c', '#c05621', '#2b6cb0'];
    await expect.poll(async () => (await pixels(page, 'chart-inquiries')).painted, { timeout: 5000 }).toBeGreaterThan(0);
    const layout = await colourLayout(page, 'chart-inquiries', [give, warn, line]);
    // Medians only in the first and the last week: two separate dots far apart, no line drawn across the two weeks
    // between them.
    expect(layout[line]!.runs, JSON.stringify(layout[line])).toHaveLength(2);
    expect(layout[line]!.runs[1]![0] - layout[line]!.runs[0]![1]).toBeGreaterThan(200);
    for (const [a, b] of layout[line]!.runs) expect(b - a).toBeLessThan(16);
    // Legend: Answered, Not answered, then the median, drawn as a short flat line next to two squares.
    const [g, w, l] = [layout[give]!.legend!, layout[warn]!.legend!, layout[line]!.legend!];
    expect(g && w && l, JSON.stringify(layout)).toBeTruthy();
    expect(g.x1).toBeLessThan(w.x0);
    expect(w.x1).toBeLessThan(l.x0);
    expect(l.y1 - l.y0, JSON.stringify(l)).toBeLessThanOrEqual(3);
    expect(l.x1 - l.x0, JSON.stringify(l)).toBeGreaterThanOrEqual(8);
    expect(g.y1 - g.y0, JSON.stringify(g)).toBeGreaterThanOrEqual(9);
    expect(w.y1 - w.y0, JSON.stringify(w)).toBeGreaterThanOrEqual(9);
    await page.screenshot({ path: path.join(OUT, 'report-new-year.png'), fullPage: true });

    // From June: over 26 weeks, so month by month, each month with its year.
    await page.getByTestId('filter-from').fill('2020-06-01');
    await settled(page);
    await expect.poll(() => page.getByTestId('month-row').count()).toBe(8);
    expect(await page.getByTestId('month-row').locator('th').allTextContents()).toEqual(
      await labelsInPage(
        page,
        [6, 7, 8, 9, 10, 11, 12].map((m) => [2020, m, 1] as [number, number, number]).concat([[2021, 1, 1]]),
        { month: 'short', year: 'numeric' },
      ),
    );
    // Received per month: two in December, one in January.
    expect(await page.getByTestId('month-row').locator('td:nth-of-type(1)').allTextContents()).toEqual(['0', '0', '0', '0', '0', '0', '2', '1']);
  });

  it('follows the dark theme: page and chart colours', async () => {
    await page.reload();
    await page.getByTestId('report-grid').waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 25, 29)');
    // Rebuilt with the dark palette: the light greens and reds are gone, the dark ones drawn.
    await expect.poll(async () => (await pixels(page, 'chart-promises', ['#5cc2a6'])).count['#5cc2a6']).toBeGreaterThan(200);
    const dark = await pixels(page, 'chart-promises', ['#1f6f5c', '#b3261e', '#5cc2a6', '#ff8a80', '#f6ad55']);
    expect(dark.count['#1f6f5c']).toBe(0);
    expect(dark.count['#b3261e']).toBe(0);
    expect(dark.count['#ff8a80']).toBeGreaterThan(200);
    expect(dark.count['#f6ad55']).toBeGreaterThan(200);
    for (const id of CHARTS) expect((await pixels(page, id)).distinct, id).toBeGreaterThan(8);
    await page.screenshot({ path: path.join(OUT, 'report-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.close();
  });
});
