/** Sentences and labels of the report's cards, kept here so they are unit-tested and the cards, charts and screen-reader summaries agree. */
import { STAGE_LABEL, StageSchema, type Stage } from '../playbook/types';
import type { HelpedStats, Section } from './aggregate';

/**
 * A sentence-case label as it reads mid-sentence: "In conversation" → "in conversation". Only the first letter, and
 * not when the second is a capital too: an acronym ("CRM") stays as written.
 */
export function midSentence(label: string): string {
  const [first = '', second = ''] = label;
  if (second !== second.toLowerCase()) return label;
  return first.toLowerCase() + label.slice(1);
}

/** A stage's name inside a sentence ("… now in conversation"). At the start of a line or cell use `STAGE_LABEL`. */
export function stageInSentence(stage: Stage): string {
  return midSentence(STAGE_LABEL[stage]);
}

/**
 * The referrals card's row labels. Leads helped are counted in the dates; referrals by the day they arrived, whenever
 * the lead who sent them was helped (the payback comes months later). Each label says which, so a short range that
 * shows 0 helped next to 2 referrers does not read as a mistake.
 */
export const REFERRAL_LABEL = {
  helped: 'Not-a-fit leads you helped in these dates',
  referrals: 'Referrals in these dates (from leads helped any time)',
  referrers: 'Leads you helped who sent them',
} as const;

/** The referrals chart's two bars, on two lines each so the long names fit beside a half-width chart. */
export const REFERRAL_BARS: readonly [readonly string[], readonly string[]] = [
  ['Leads you helped', 'in these dates'],
  ['Referrals in these dates', '(from leads helped any time)'],
];

/** A table row under "referrals": what those referrals are now ("… now in conversation"). */
export function referralStageRow(stage: Stage): string {
  return `… now ${stageInSentence(stage)}`;
}

/** A legend entry of the referrals chart ("Referral: customer"). */
export function referralLegend(stage: Stage): string {
  return `Referral: ${stageInSentence(stage)}`;
}

/** What the referrals chart shows, in one sentence for screen readers (the canvas is an image). */
export function referralsSummary(h: HelpedStats): string {
  const stages = StageSchema.options.filter((s) => h.byStage[s] > 0);
  const now = stages.length ? `: ${stages.map((s) => `${h.byStage[s]} ${stageInSentence(s)}`).join(', ')}` : '';
  return `${h.helped} not-a-fit leads you helped in these dates; ${h.referrals} referrals in these dates from ${h.referrers} leads you helped at any time${now}.`;
}

/** What a card with nothing in range says: that it is empty, and how its data gets there. */
const EMPTY_LINE: Record<Section, { none: string; how: string }> = {
  inquiries: {
    none: 'No inquiries arrived',
    how: 'Each Gmail thread you open is counted here by the day someone first wrote to you, and as answered once you reply.',
  },
  helped: {
    none: 'No leads helped and no referrals',
    how: 'When a lead isn’t a fit, help anyway and set their stage to Not a fit — helped; on a contact they send your way, fill in “Referred by”.',
  },
  promises: {
    none: 'None of your promises was kept, missed or overdue',
    how: 'When you promise something, add it under Commitments in the side panel (“I promised”, with a due date), then mark it Done or Missed.',
  },
  balance: {
    none: 'No gives or asks',
    how: 'A reply you put into Gmail with “Use this reply” counts as value given; a follow-up you “Copy and log as sent” counts as an ask.',
  },
  declines: {
    none: 'No declines',
    how: 'When someone says no, set their stage to Declined and note the reason they gave; add the real one once you learn it.',
  },
};

/** The one line a card shows instead of its chart and table when its section has nothing in range; names the tag if one is chosen. */
export function emptyLine(section: Section, tag: string | null): string {
  const { none, how } = EMPTY_LINE[section];
  return `${none} in these dates${tag ? ` for “${tag}”` : ''}. ${how}`;
}
