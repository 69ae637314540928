/**
 * Corpus accuracy for the trust check: how often the kinds it reports match the kinds a human expected, as
 * exact matches per draft and as precision/recall over kinds (counted as multisets). Shared by the unit tests
 * and the benchmark so both measure the same thing.
 */
import { z } from '../zod';
import { checkDraft } from './check';
import { TRUST_FINDING_KINDS, type TrustFindingKind, type TrustReport } from './types';

/** One labelled draft: the text and the multiset of finding kinds it should produce ([] for a clean draft). */
export const TrustCorpusDraftSchema = z.object({
  id: z.string().check(z.minLength(1)),
  text: z.string(),
  expected: z.array(z.enum(TRUST_FINDING_KINDS as [TrustFindingKind, ...TrustFindingKind[]])),
});
/** One labelled draft. */
export type TrustCorpusDraft = z.infer<typeof TrustCorpusDraftSchema>;

/** A labelled corpus (validated: unique ids). */
export const TrustCorpusSchema = z.array(TrustCorpusDraftSchema).check(z.refine((drafts) => new Set(drafts.map((d) => d.id)).size === drafts.length, 'draft ids must be unique'));

/** True positives, false positives and false negatives for one kind, with the derived rates. */
export interface KindCounts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** A draft whose reported kinds differ from the expected ones. */
export interface TrustMismatch {
  id: string;
  expected: TrustFindingKind[];
  actual: TrustFindingKind[];
}

/** What `trustCorpusAccuracy` returns. */
export interface TrustAccuracy {
  drafts: number;
  /** Drafts whose sorted kinds equal the expected sorted kinds. */
  exactMatches: number;
  exactMatchRate: number;
  /** Over all kinds, counted as multisets per draft. */
  precision: number;
  recall: number;
  f1: number;
  /** Clean drafts (expected []) that came back with no findings, over all clean drafts. */
  cleanPassRate: number;
  perKind: Record<TrustFindingKind, KindCounts>;
  mismatches: TrustMismatch[];
}

// An empty denominator means nothing could go wrong: count it as perfect rather than NaN.
const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

/** Sorted kinds of a report, the form expectations are compared in. */
export function reportKinds(report: TrustReport): TrustFindingKind[] {
  return report.findings.map((f) => f.kind).sort();
}

/** Measures the trust check (or another checker with the same signature) against a labelled corpus. */
export function trustCorpusAccuracy(drafts: readonly TrustCorpusDraft[], check: (text: string) => TrustReport = checkDraft): TrustAccuracy {
  const perKind = Object.fromEntries(TRUST_FINDING_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 }])) as Record<
    TrustFindingKind,
    KindCounts
  >;
  const mismatches: TrustMismatch[] = [];
  let exactMatches = 0;
  let clean = 0;
  let cleanPassed = 0;
  for (const draft of drafts) {
    const expected = [...draft.expected].sort();
    const actual = reportKinds(check(draft.text));
    if (expected.join(',') === actual.join(',')) exactMatches++;
    else mismatches.push({ id: draft.id, expected, actual });
    if (expected.length === 0) {
      clean++;
      if (actual.length === 0) cleanPassed++;
    }
    for (const kind of TRUST_FINDING_KINDS) {
      const e = expected.filter((k) => k === kind).length;
      const a = actual.filter((k) => k === kind).length;
      const hit = Math.min(e, a);
      perKind[kind].tp += hit;
      perKind[kind].fp += a - hit;
      perKind[kind].fn += e - hit;
    }
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const kind of TRUST_FINDING_KINDS) {
    const c = perKind[kind];
    c.precision = ratio(c.tp, c.tp + c.fp);
    c.recall = ratio(c.tp, c.tp + c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    drafts: drafts.length,
    exactMatches,
    exactMatchRate: ratio(exactMatches, drafts.length),
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    cleanPassRate: ratio(cleanPassed, clean),
    perKind,
    mismatches,
  };
}
