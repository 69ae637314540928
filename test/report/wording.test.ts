import { describe, expect, it } from 'vitest';
import { STAGE_LABEL, StageSchema, type Stage } from '../../lib/playbook/types';
import { SECTIONS, type HelpedStats } from '../../lib/report/aggregate';
import { emptyLine, midSentence, REFERRAL_BARS, REFERRAL_LABEL, referralLegend, referralStageRow, referralsSummary, stageInSentence } from '../../lib/report/wording';

function helped(over: Partial<Omit<HelpedStats, 'byStage'>> & { byStage?: Partial<Record<Stage, number>> } = {}): HelpedStats {
  const byStage = Object.fromEntries(StageSchema.options.map((s) => [s, over.byStage?.[s] ?? 0])) as Record<Stage, number>;
  return { helped: 0, referrals: 0, referrers: 0, ...over, byStage };
}

describe('labels mid-sentence', () => {
  it('lower-cases the first letter of a sentence-case label, and leaves an acronym alone', () => {
    expect(midSentence('In conversation')).toBe('in conversation');
    expect(midSentence('Not a fit — helped')).toBe('not a fit — helped');
    expect(midSentence('CRM rollout')).toBe('CRM rollout');
    expect(midSentence('A')).toBe('a');
    expect(midSentence('')).toBe('');
  });

  it('writes every stage in lower case inside a sentence', () => {
    for (const s of StageSchema.options) {
      expect(stageInSentence(s)).toBe(STAGE_LABEL[s].toLowerCase());
      expect(stageInSentence(s)[0]).toMatch(/[a-z]/);
    }
    expect(referralStageRow('in_conversation')).toBe('… now in conversation');
    expect(referralLegend('customer')).toBe('Referral: customer');
  });
});

describe('referrals wording', () => {
  it('says that helped leads are counted in the dates and referrals from leads helped at any time', () => {
    expect(REFERRAL_LABEL).toEqual({
      helped: 'Not-a-fit leads you helped in these dates',
      referrals: 'Referrals in these dates (from leads helped any time)',
      referrers: 'Leads you helped who sent them',
    });
    expect(REFERRAL_BARS.map((lines) => lines.join(' '))).toEqual(['Leads you helped in these dates', 'Referrals in these dates (from leads helped any time)']);
  });

  it('sums the chart up for screen readers, stages in lower case', () => {
    expect(referralsSummary(helped({ helped: 0, referrals: 2, referrers: 2, byStage: { in_conversation: 1, customer: 1 } }))).toBe(
      '0 not-a-fit leads you helped in these dates; 2 referrals in these dates from 2 leads you helped at any time: 1 in conversation, 1 customer.',
    );
    expect(referralsSummary(helped({ helped: 3 }))).toBe('3 not-a-fit leads you helped in these dates; 0 referrals in these dates from 0 leads you helped at any time.');
  });
});

describe('empty cards', () => {
  it('says what is missing and how it gets there, for every section', () => {
    expect(emptyLine('declines', null)).toBe(
      'No declines in these dates. When someone says no, set their stage to Declined and note the reason they gave; add the real one once you learn it.',
    );
    expect(emptyLine('promises', null)).toMatch(/^None of your promises was kept, missed or overdue in these dates\. .*Commitments.*Done or Missed\.$/);
    expect(emptyLine('balance', null)).toMatch(/^No gives or asks in these dates\. .*“Use this reply”.*value given.*ask\.$/);
    expect(emptyLine('helped', null)).toMatch(/^No leads helped and no referrals in these dates\. .*Not a fit — helped.*“Referred by”\.$/);
    expect(emptyLine('inquiries', null)).toMatch(/^No inquiries arrived in these dates\. .*Gmail/);
    // One sentence saying what is missing, then how to fill it: two sentences, nothing longer.
    for (const s of SECTIONS) expect(emptyLine(s, null).split('. ').length, s).toBe(2);
  });

  it('names the chosen tag', () => {
    expect(emptyLine('declines', 'dental')).toMatch(/^No declines in these dates for “dental”\. When someone says no/);
    expect(emptyLine('balance', '')).toMatch(/^No gives or asks in these dates\. /);
  });
});
