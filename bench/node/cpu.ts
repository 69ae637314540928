/**
 * The pure-CPU rows, run in Node (same V8 as the panel): triage + reply suggestions against a 1,000-resource
 * library, the trust check of 300-word drafts, and the accuracy of both on their labelled corpora.
 * Bundled to ESM by the benchmark; the fixtures are passed in (no file access here).
 */
import { measureAccuracy, suggestReplies, triageInquiry, type InquiryCase, type OfferProfile, type Resource } from '../../lib/replies';
import { checkDraft, trustCorpusAccuracy, type TrustCorpusDraft } from '../../lib/trust';
import { generateResources, longDrafts } from '../generate';

export interface CpuFixtures {
  inquiries: InquiryCase[];
  holdout: InquiryCase[];
  offer: OfferProfile;
  resources: Resource[];
  drafts: TrustCorpusDraft[];
  trustHoldout: TrustCorpusDraft[];
}

const now = () => performance.now();

function firstName(from: string | undefined): string | null {
  return from ? from.replace(/<[^>]*>/g, '').trim() || null : null;
}

/** Triage + suggestions for every inquiry of both corpora, `rounds` times (best per inquiry kept); the first call (index build) apart. */
export function benchReplies(f: CpuFixtures, librarySize: number, rounds: number) {
  const resources = generateResources(librarySize, f.resources) as Resource[];
  const cases = [...f.inquiries, ...f.holdout];
  const notes = ['Runs 14 clinics; wants a rollout plan.', 'Prefers short calls. Budget set in Q1.'];
  const run = (c: InquiryCase) => {
    const inquiry = { subject: c.subject, body: c.body, from: c.from };
    const triage = triageInquiry(inquiry, f.offer);
    return suggestReplies({ inquiry, triage, contact: { name: firstName(c.from), email: null }, offer: f.offer, resources, sentResourceIds: [], notes, contactTags: ['dental'] });
  };
  const t0 = now();
  const first = run(cases[0]!);
  const firstMs = now() - t0;
  const raw: number[] = [];
  const best = cases.map(() => Infinity);
  let suggestions = 0;
  for (let r = 0; r < rounds; r++) {
    cases.forEach((c, i) => {
      const a = now();
      const out = run(c);
      const t = now() - a;
      raw.push(t);
      best[i] = Math.min(best[i]!, t);
      suggestions += out.length;
    });
  }
  // Per inquiry, the best of `rounds` runs: what the code costs on that input, without the moments the OS gave the
  // core to another process. `raw` keeps every run.
  return { firstMs, firstCount: first.length, samples: best, raw, rounds, cases: cases.length, library: resources.length, suggestions };
}

/** The trust check of `count` drafts of 300 words, `rounds` times each (best per draft kept). */
export function benchTrust(f: CpuFixtures, count: number, rounds: number, words = 300) {
  const drafts = longDrafts([...f.drafts, ...f.trustHoldout], count, words);
  const t0 = now();
  checkDraft(drafts[0]!);
  const firstMs = now() - t0;
  const raw: number[] = [];
  const best = drafts.map(() => Infinity);
  let findings = 0;
  for (let r = 0; r < rounds; r++) {
    drafts.forEach((d, i) => {
      const a = now();
      findings += checkDraft(d).findings.length;
      const t = now() - a;
      raw.push(t);
      best[i] = Math.min(best[i]!, t);
    });
  }
  return { firstMs, samples: best, raw, rounds, drafts: drafts.length, words, findings };
}

/** Accuracy of triage (corpus and holdout) and of the trust check (drafts and holdout), with the modules' own functions. */
export function accuracy(f: CpuFixtures) {
  const tri = (cases: InquiryCase[]) => {
    const a = measureAccuracy(cases, f.offer);
    return { cases: a.cases, intent: a.intent.accuracy, fit: a.fit.accuracy, declineReason: a.declineReason.accuracy, language: a.language.accuracy, misses: a.misses.length };
  };
  const trust = (drafts: TrustCorpusDraft[]) => {
    const a = trustCorpusAccuracy(drafts);
    return { drafts: a.drafts, exactMatchRate: a.exactMatchRate, precision: a.precision, recall: a.recall, f1: a.f1, cleanPassRate: a.cleanPassRate, mismatches: a.mismatches.length };
  };
  return {
    triage: { corpus: tri(f.inquiries), holdout: tri(f.holdout) },
    trust: { drafts: trust(f.drafts), holdout: trust(f.trustHoldout) },
  };
}
