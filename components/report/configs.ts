// Relative imports, not '@/': unit tests (test/report) load this file, and vitest resolves no '@/' alias.
import type { Chart, ChartConfiguration, ChartOptions, LegendItem } from 'chart.js';
import type { GoodwillReport } from '../../lib/report/aggregate';
import { periodLabel, toHours } from '../../lib/report/format';
import { DECLINE_REASON_LABEL } from '../../lib/replies/types';
import { crossesYear } from '../../lib/report/range';
import { REFERRAL_BARS, referralLegend } from '../../lib/report/wording';
import { StageSchema } from '../../lib/playbook/types';
import type { Palette } from './palette';

/**
 * chart.js configurations for the report's five pictures, built from the report's numbers and the theme palette.
 * `animation: false`: charts appear at once, and screenshots are stable.
 */

function baseOptions(p: Palette, { legend, stacked = false, horizontal = false }: { legend: boolean; stacked?: boolean; horizontal?: boolean }): ChartOptions {
  const axis = { stacked, ticks: { color: p.muted }, grid: { color: p.grid }, border: { color: p.grid } };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: horizontal ? 'y' : 'x',
    scales: {
      x: { ...axis, ...(horizontal ? { beginAtZero: true, ticks: { color: p.muted, precision: 0 } } : { grid: { display: false } }) },
      y: { ...axis, ...(horizontal ? { grid: { display: false } } : { beginAtZero: true, ticks: { color: p.muted, precision: 0 } }) },
    },
    plugins: {
      legend: { display: legend, position: 'bottom', labels: { color: p.fg, boxWidth: 12, boxHeight: 12 } },
      tooltip: { enabled: true },
    },
  };
}

/**
 * A legend in dataset order, each entry drawn like what it names: bars as squares, a line as a short line. chart.js
 * lists entries by `order` (which here keeps the line drawn over the bars, so it came first) and draws every entry as
 * a square unless told otherwise.
 */
export function legendLikeDatasets(chart: Pick<Chart, 'data' | 'isDatasetVisible'>, fontColor: string): LegendItem[] {
  return chart.data.datasets.map((ds, i) => {
    const line = ds.type === 'line';
    const colour = (line ? ds.borderColor : ds.backgroundColor) as string;
    return {
      text: ds.label ?? '',
      datasetIndex: i,
      hidden: !chart.isDatasetVisible(i),
      fontColor,
      fillStyle: colour,
      strokeStyle: colour,
      lineWidth: line ? Number((ds as { borderWidth?: number }).borderWidth ?? 2) : 0,
      pointStyle: line ? 'line' : 'rect',
    };
  });
}

/**
 * Inquiries per week (per month over long ranges): answered and unanswered stacked, and the median time to answer
 * (hours) as a line. Labels carry the year when the range crosses one.
 */
export function inquiriesConfig(r: GoodwillReport, p: Palette): ChartConfiguration {
  const { periods, unit } = r.inquiries;
  const year = crossesYear(r.filter);
  const base = baseOptions(p, { legend: true, stacked: true });
  return {
    type: 'bar',
    data: {
      labels: periods.map((w) => periodLabel(unit, w.start, { year })),
      datasets: [
        { type: 'bar', label: 'Answered', data: periods.map((w) => w.answered), backgroundColor: p.give, stack: 'inquiries', yAxisID: 'y', order: 2 },
        { type: 'bar', label: 'Not answered', data: periods.map((w) => w.received - w.answered), backgroundColor: p.warn, stack: 'inquiries', yAxisID: 'y', order: 2 },
        {
          type: 'line',
          label: 'Median time to answer (hours)',
          data: periods.map((w) => toHours(w.medianMs)),
          borderColor: p.line,
          backgroundColor: p.line,
          yAxisID: 'hours',
          // A week with nothing answered has no median: a line across it would invent one.
          spanGaps: false,
          pointRadius: 3,
          borderWidth: 2,
          // Drawn over the bars.
          order: 1,
        },
      ],
    },
    options: {
      ...base,
      scales: {
        ...base.scales,
        y: { ...base.scales!.y, title: { display: true, text: 'Inquiries', color: p.muted } },
        hours: {
          position: 'right',
          beginAtZero: true,
          ticks: { color: p.muted },
          grid: { drawOnChartArea: false },
          border: { color: p.grid },
          title: { display: true, text: 'Hours to answer', color: p.muted },
        },
      },
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins!.legend,
          labels: {
            ...base.plugins!.legend!.labels,
            // Point styles are what lets an entry be a line; the width keeps the line as wide as the squares.
            usePointStyle: true,
            pointStyleWidth: 12,
            generateLabels: (chart: Chart) => legendLikeDatasets(chart, p.fg),
          },
        },
      },
    },
  } as ChartConfiguration;
}

/**
 * Not-a-fit leads helped in range, and the referrals in range from leads helped at any time, stacked by what those
 * became (horizontal funnel).
 */
export function referralsConfig(r: GoodwillReport, p: Palette): ChartConfiguration {
  const { helped, byStage } = r.helped;
  const stages = StageSchema.options.filter((s) => byStage[s] > 0);
  return {
    type: 'bar',
    data: {
      labels: REFERRAL_BARS.map((lines) => [...lines]),
      datasets: [
        { label: 'Not a fit — helped', data: [helped, 0], backgroundColor: p.neutral },
        ...stages.map((s) => ({ label: referralLegend(s), data: [0, byStage[s]], backgroundColor: p.stage[s] })),
      ],
    },
    options: baseOptions(p, { legend: true, stacked: true, horizontal: true }),
  } as ChartConfiguration;
}

/** The rep's promises: kept, missed, open and overdue. */
export function promisesConfig(r: GoodwillReport, p: Palette): ChartConfiguration {
  const { kept, missed, openOverdue } = r.promises;
  return {
    type: 'bar',
    data: {
      labels: ['Kept', 'Missed', 'Open & overdue'],
      datasets: [{ label: 'Promises', data: [kept, missed, openOverdue], backgroundColor: [p.give, p.bad, p.warn] }],
    },
    options: baseOptions(p, { legend: false }),
  } as ChartConfiguration;
}

/** How many contacts the rep gave more to, as much to, or asked more of. */
export function balanceConfig(r: GoodwillReport, p: Palette): ChartConfiguration {
  const { givers, balanced, askers } = r.balance;
  return {
    type: 'bar',
    data: {
      labels: ['Gave more', 'Balanced', 'Asked more'],
      datasets: [{ label: 'Contacts', data: [givers, balanced, askers], backgroundColor: [p.give, p.neutral, p.warn] }],
    },
    options: baseOptions(p, { legend: false }),
  } as ChartConfiguration;
}

/** Decline reasons as stated and as learned, side by side. */
export function declinesConfig(r: GoodwillReport, p: Palette): ChartConfiguration {
  const rows = r.declines.reasons;
  return {
    type: 'bar',
    data: {
      // Longer labels on two lines (first word, the rest): seven categories fit side by side without tilted text.
      labels: rows.map((x) => DECLINE_REASON_LABEL[x.reason].split(/ (.*)/, 2).filter(Boolean)),
      datasets: [
        { label: 'Stated', data: rows.map((x) => x.stated), backgroundColor: p.stated },
        { label: 'Real', data: rows.map((x) => x.real), backgroundColor: p.real },
      ],
    },
    options: baseOptions(p, { legend: true }),
  } as ChartConfiguration;
}
