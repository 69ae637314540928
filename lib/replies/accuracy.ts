/**
 * Accuracy of triage over a labelled corpus (the fixtures in test/fixtures/inquiries, or any other), so tests and the
 * benchmark report the same numbers the same way.
 */
import { z } from '../zod';
import { triageInquiry } from './triage';
import { DeclineReasonSchema, FitSchema, IntentSchema, type InquiryMessage, type OfferProfile, type TriageResult } from './types';

/** One labelled inquiry. */
export const InquiryCaseSchema = z.object({
  id: z.string().check(z.minLength(1)),
  subject: z.string(),
  body: z.string(),
  from: z.optional(z.string()),
  expected: z.object({
    intent: IntentSchema,
    fit: FitSchema,
    declineReason: z.optional(DeclineReasonSchema),
    language: z.optional(z.enum(['en', 'de', 'es', 'fr', 'other'])),
  }),
});
/** One labelled inquiry (parsed). */
export type InquiryCase = z.infer<typeof InquiryCaseSchema>;

/** Correct / total for one measure. */
export interface Score {
  correct: number;
  total: number;
  /** correct / total, 1 when total is 0 (nothing to get wrong). */
  accuracy: number;
}

/** One wrong call, for printing. */
export interface Miss {
  id: string;
  field: 'intent' | 'fit' | 'declineReason' | 'language';
  expected: string;
  actual: string;
}

/** What `measureAccuracy` returns. */
export interface AccuracyReport {
  cases: number;
  intent: Score;
  fit: Score;
  /** Only over cases labelled as declines. */
  declineReason: Score;
  /** Only over cases with a labelled language. */
  language: Score;
  misses: Miss[];
  /** Per intent: expected intent → actual intent → count. */
  confusion: Record<string, Record<string, number>>;
}

const score = (correct: number, total: number): Score => ({ correct, total, accuracy: total === 0 ? 1 : correct / total });

/** Triage every case against `offer` and count agreements with the labels. `triage` is swappable for experiments. */
export function measureAccuracy(
  corpus: readonly InquiryCase[],
  offer?: OfferProfile,
  triage: (m: InquiryMessage, o?: OfferProfile) => TriageResult = triageInquiry,
): AccuracyReport {
  let intentOk = 0;
  let fitOk = 0;
  let reasonOk = 0;
  let reasonTotal = 0;
  let langOk = 0;
  let langTotal = 0;
  const misses: Miss[] = [];
  const confusion: Record<string, Record<string, number>> = {};
  for (const c of corpus) {
    const t = triage({ subject: c.subject, body: c.body, from: c.from }, offer);
    const e = c.expected;
    const row = (confusion[e.intent] ??= {});
    row[t.intent] = (row[t.intent] ?? 0) + 1;
    if (t.intent === e.intent) intentOk++;
    else misses.push({ id: c.id, field: 'intent', expected: e.intent, actual: t.intent });
    if (t.fit === e.fit) fitOk++;
    else misses.push({ id: c.id, field: 'fit', expected: e.fit, actual: t.fit });
    if (e.intent === 'decline') {
      reasonTotal++;
      const expected = e.declineReason ?? 'other';
      if (t.declineReason === expected) reasonOk++;
      else misses.push({ id: c.id, field: 'declineReason', expected, actual: t.declineReason ?? '(none)' });
    }
    if (e.language) {
      langTotal++;
      if (t.language === e.language) langOk++;
      else misses.push({ id: c.id, field: 'language', expected: e.language, actual: t.language });
    }
  }
  return {
    cases: corpus.length,
    intent: score(intentOk, corpus.length),
    fit: score(fitOk, corpus.length),
    declineReason: score(reasonOk, reasonTotal),
    language: score(langOk, langTotal),
    misses,
    confusion,
  };
}

/** A few lines for a console: the four accuracies and every miss. */
export function formatAccuracy(report: AccuracyReport): string {
  const pct = (s: Score) => `${(s.accuracy * 100).toFixed(1)}% (${s.correct}/${s.total})`;
  const lines = [
    `triage accuracy over ${report.cases} inquiries`,
    `  intent:         ${pct(report.intent)}`,
    `  fit:            ${pct(report.fit)}`,
    `  decline reason: ${pct(report.declineReason)}`,
    `  language:       ${pct(report.language)}`,
  ];
  for (const m of report.misses) lines.push(`  miss ${m.id}: ${m.field} expected ${m.expected}, got ${m.actual}`);
  return lines.join('\n');
}
