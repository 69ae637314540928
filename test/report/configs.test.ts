import type { Chart, LegendItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { inquiriesConfig, legendLikeDatasets, referralsConfig } from '../../components/report/configs';
import type { Palette } from '../../components/report/palette';
import type { Contact, ThreadRow } from '../../lib/db/models';
import { StageSchema } from '../../lib/playbook/types';
import { buildReport, type ReportInput } from '../../lib/report/aggregate';
import { contactRow, threadRow } from '../helpers/factories';

const HOUR = 3_600_000;
const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

const PALETTE: Palette = {
  fg: '#111111',
  muted: '#555555',
  grid: '#dddddd',
  bg: '#ffffff',
  give: '#00aa00',
  warn: '#ff8800',
  bad: '#cc0000',
  neutral: '#888888',
  line: '#0000ff',
  stated: '#777777',
  real: '#00aa00',
  stage: Object.fromEntries(StageSchema.options.map((s) => [s, '#999999'])) as Palette['stage'],
};

const thread = (threadId: string, firstInboundAt: number, firstReplyAt: number | null): ThreadRow => threadRow(threadId, firstInboundAt, firstReplyAt);

function report(input: Partial<ReportInput>, from: number, to: number) {
  return buildReport({ contacts: [], interactions: [], commitments: [], threads: [], ...input }, { from, to }, to);
}

/** The config's legend as chart.js would build it: its own generateLabels, given the chart's data. */
function legend(config: ReturnType<typeof inquiriesConfig>): LegendItem[] {
  const labels = (config.options as { plugins: { legend: { labels: { generateLabels: (c: Pick<Chart, 'data' | 'isDatasetVisible'>) => LegendItem[]; usePointStyle: boolean } } } }).plugins.legend.labels;
  expect(labels.usePointStyle).toBe(true);
  return labels.generateLabels({ data: config.data, isDatasetVisible: () => true });
}

describe('inquiries chart', () => {
  // Answered in the first and the third week, nothing in the second: the median has a gap there.
  const threads = [thread('a', local(2026, 3, 2, 9), local(2026, 3, 2, 11)), thread('b', local(2026, 3, 17, 9), local(2026, 3, 17, 10)), thread('c', local(2026, 3, 10, 9), null)];
  const r = report({ threads }, local(2026, 3, 2), local(2026, 3, 23));
  const config = inquiriesConfig(r, PALETTE);

  it('leaves a gap in the median line where a week has no answer, instead of drawing across it', () => {
    const line = config.data.datasets.find((d) => d.type === 'line')!;
    expect(line.data).toEqual([2, null, 1]);
    expect((line as { spanGaps?: boolean }).spanGaps).toBe(false);
  });

  it('lists the median last in the legend, as a line; the bars as squares', () => {
    expect(legend(config).map((i) => [i.text, i.pointStyle, i.datasetIndex, i.fillStyle, i.lineWidth])).toEqual([
      ['Answered', 'rect', 0, PALETTE.give, 0],
      ['Not answered', 'rect', 1, PALETTE.warn, 0],
      ['Median time to answer (hours)', 'line', 2, PALETTE.line, 2],
    ]);
    expect(legend(config).every((i) => i.fontColor === PALETTE.fg && i.hidden === false)).toBe(true);
    // The line is still drawn over the bars.
    expect(config.data.datasets.map((d) => d.order)).toEqual([2, 2, 1]);
  });

  it('strikes out a dataset the rep hid by clicking its legend entry', () => {
    const items = legendLikeDatasets({ data: config.data, isDatasetVisible: (i) => i !== 2 } as Pick<Chart, 'data' | 'isDatasetVisible'>, '#000000');
    expect(items.map((i) => i.hidden)).toEqual([false, false, true]);
  });

  it('labels weeks without a year inside one calendar year', () => {
    expect(config.data.labels).toHaveLength(3);
    expect(config.data.labels).toEqual(r.inquiries.periods.map((p) => new Date(p.start + 12 * HOUR).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })));
  });

  it('adds the year to week labels when the range crosses a calendar year', () => {
    const crossing = report({ threads: [thread('a', local(2025, 12, 20, 9), null)] }, local(2025, 11, 24), local(2026, 1, 26));
    const labels = inquiriesConfig(crossing, PALETTE).data.labels as string[];
    expect(crossing.inquiries.unit).toBe('week');
    expect(labels).toHaveLength(9);
    expect(labels[0]).toBe(new Date(local(2025, 11, 24, 12)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: '2-digit' }));
    expect(labels.at(-1)).toBe(new Date(local(2026, 1, 19, 12)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: '2-digit' }));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('groups by month over a range longer than 26 weeks, months named with their year across a year', () => {
    const long = report({ threads: [thread('a', local(2025, 12, 20, 9), null)] }, local(2025, 6, 14), local(2026, 2, 1));
    const labels = inquiriesConfig(long, PALETTE).data.labels as string[];
    expect(long.inquiries.unit).toBe('month');
    expect(labels).toEqual([6, 7, 8, 9, 10, 11, 12].map((m) => new Date(2025, m - 1, 1, 12).toLocaleDateString(undefined, { month: 'short', year: 'numeric' })).concat(new Date(2026, 0, 1, 12).toLocaleDateString(undefined, { month: 'short', year: 'numeric' })));
  });
});

describe('referrals chart', () => {
  it('names its bars with what they count, and the stages of referrals in lower case', () => {
    const contacts: Contact[] = [
      contactRow('old', { stage: 'not_fit_helped', createdAt: local(2025, 1, 1), updatedAt: local(2025, 1, 1) }),
      contactRow('r1', { stage: 'in_conversation', referredBy: 'old', createdAt: local(2026, 3, 3), updatedAt: local(2026, 3, 3) }),
      contactRow('r2', { stage: 'customer', referredBy: 'old', createdAt: local(2026, 3, 4), updatedAt: local(2026, 3, 4) }),
    ];
    const config = referralsConfig(report({ contacts }, local(2026, 3, 1), local(2026, 3, 8)), PALETTE);
    expect(config.data.labels).toEqual([
      ['Leads you helped', 'in these dates'],
      ['Referrals in these dates', '(from leads helped any time)'],
    ]);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Not a fit — helped', [0, 0]],
      ['Referral: in conversation', [0, 1]],
      ['Referral: customer', [0, 1]],
    ]);
  });
});
