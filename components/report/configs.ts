import type { ChartConfiguration, ChartOptions } from 'chart.js';
import type { GoodwillReport } from '@/lib/report/aggregate';
import { DECLINE_LABEL, toHours, weekLabel } from '@/lib/report/format';
import { STAGE_LABEL, StageSchema } from '@/lib/playbook/types';
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

/** Inquiries per week: answered and unanswered stacked, and the week's median time to answer (hours) as a line. */
export function inquiriesConfig(r: GoodwillReport, p: Palette): ChartConfiguration {
  const weeks = r.inquiries.weeks;
  const base = baseOptions(p, { legend: true, stacked: true });
  return {
    type: 'bar',
    data: {
      labels: weeks.map((w) => weekLabel(w.start)),
      datasets: [
        { type: 'bar', label: 'Answered', data: weeks.map((w) => w.answered), backgroundColor: p.give, stack: 'inquiries', yAxisID: 'y', order: 2 },
        { type: 'bar', label: 'Not answered', data: weeks.map((w) => w.received - w.answered), backgroundColor: p.warn, stack: 'inquiries', yAxisID: 'y', order: 2 },
        {
          type: 'line',
          label: 'Median time to answer (hours)',
          data: weeks.map((w) => toHours(w.medianMs)),
          borderColor: p.line,
          backgroundColor: p.line,
          yAxisID: 'hours',
          spanGaps: true,
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
    },
  } as ChartConfiguration;
}

/** Not-a-fit leads helped, and the referrals they sent stacked by what those became (horizontal funnel). */
export function referralsConfig(r: GoodwillReport, p: Palette): ChartConfiguration {
  const { helped, byStage } = r.helped;
  const stages = StageSchema.options.filter((s) => byStage[s] > 0);
  return {
    type: 'bar',
    data: {
      labels: ['Leads helped', 'Referrals from them'],
      datasets: [
        { label: 'Not a fit — helped', data: [helped, 0], backgroundColor: p.neutral },
        ...stages.map((s) => ({ label: `Referral: ${STAGE_LABEL[s]}`, data: [0, byStage[s]], backgroundColor: p.stage[s] })),
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
      labels: rows.map((x) => DECLINE_LABEL[x.reason].split(/ (.*)/, 2).filter(Boolean)),
      datasets: [
        { label: 'Stated', data: rows.map((x) => x.stated), backgroundColor: p.stated },
        { label: 'Real', data: rows.map((x) => x.real), backgroundColor: p.real },
      ],
    },
    options: baseOptions(p, { legend: true }),
  } as ChartConfiguration;
}
