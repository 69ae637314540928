/**
 * `triageInquiry`: intent, fit, decline reason and language of one inbound message, by explainable weighted rules.
 * No model, no network: the same message always gets the same answer, with the evidence listed in `signals`.
 */
import { judgeFit, type FitJudgement } from './fit';
import { INTENT_PRIORITY, INTENT_RULES, REASON_PRIORITY, REASON_RULES } from './rules';
import { detectLanguage, fold, MAX_BODY, stripQuoted } from './text';
import type { DeclineReason, InquiryMessage, Intent, OfferProfile, TriageResult } from './types';

/** Below this total weight no intent is clear enough, and the inquiry is "other". */
const MIN_SCORE = 1.5;

const LANGUAGE_NAMES = { en: 'English', de: 'German', es: 'Spanish', fr: 'French' } as const;
const QUOTED_IGNORED = 'quoted history and signature ignored';

/** Triage internals a caller may want beyond the contract (the reply builder uses the cleaned text and topic). */
export interface TriageDetail extends TriageResult {
  /** The sender's own text: quoted history and signature removed. */
  cleanBody: string;
  fitDetail: FitJudgement;
}

function scoreIntents(subject: string, body: string, language: TriageResult['language']) {
  const all = `${subject}\n${body}`;
  const scores = new Map<Intent, number>();
  const evidence = new Map<Intent, string[]>();
  for (const rule of INTENT_RULES) {
    if (rule.lang && language !== 'other' && rule.lang !== language) continue;
    if (!rule.re.test(rule.subjectOnly ? subject : all)) continue;
    scores.set(rule.intent, (scores.get(rule.intent) ?? 0) + rule.weight);
    const list = evidence.get(rule.intent) ?? [];
    if (!list.includes(rule.signal)) list.push(rule.signal);
    evidence.set(rule.intent, list);
  }
  return { scores, evidence };
}

function pickIntent(scores: Map<Intent, number>): Intent {
  let winner: Intent = 'other';
  let top = 0;
  for (const intent of INTENT_PRIORITY) {
    const s = scores.get(intent) ?? 0;
    if (s > top) {
      winner = intent;
      top = s;
    }
  }
  return top >= MIN_SCORE ? winner : 'other';
}

function pickDeclineReason(text: string): { reason: DeclineReason; signal: string | null } {
  const scores = new Map<DeclineReason, { score: number; signal: string }>();
  for (const rule of REASON_RULES) {
    if (!rule.re.test(text)) continue;
    const prev = scores.get(rule.reason);
    scores.set(rule.reason, { score: (prev?.score ?? 0) + rule.weight, signal: prev?.signal ?? rule.signal });
  }
  let reason: DeclineReason = 'other';
  let top = 0;
  let signal: string | null = null;
  for (const r of REASON_PRIORITY) {
    const s = scores.get(r);
    if (s && s.score > top) {
      reason = r;
      top = s.score;
      signal = s.signal;
    }
  }
  return { reason, signal };
}

/** Full triage with internals (cleaned body, fit detail). `triageInquiry` is the contract-shaped subset. */
export function triageDetailed(message: InquiryMessage, offer?: OfferProfile | null): TriageDetail {
  const subjectRaw = (message.subject ?? '').slice(0, 500);
  const cleanBody = stripQuoted((message.body ?? '').slice(0, MAX_BODY));
  const subject = fold(subjectRaw).trim();
  const body = fold(cleanBody);
  const language = detectLanguage(`${subject}\n${body}`);
  const { scores, evidence } = scoreIntents(subject, body, language);
  const intent = pickIntent(scores);

  const signals: string[] = [];
  if (language !== 'other') signals.push(`written in ${LANGUAGE_NAMES[language]}`);
  if (cleanBody.length + 20 < (message.body ?? '').trim().length) signals.push(QUOTED_IGNORED);
  signals.push(...(evidence.get(intent) ?? []).slice(0, 3));
  // A question mark in their own text is an ask, even when no rule names what kind.
  if (intent === 'other' && (evidence.size === 0 || (scores.get('other') ?? 0) === 0)) signals.push(cleanBody.includes('?') ? 'asks a direct question' : 'no clear ask');

  const fitDetail = judgeFit(`${subject}\n${body}`, intent, offer);
  signals.push(...fitDetail.signals);

  const result: TriageDetail = {
    intent,
    fit: fitDetail.fit,
    fitReason: fitDetail.reason,
    signals: [...new Set(signals)].slice(0, 8),
    language,
    cleanBody,
    fitDetail,
  };
  if (intent === 'decline') {
    const { reason, signal } = pickDeclineReason(`${subject}\n${body}`);
    result.declineReason = reason;
    result.signals.push(signal ?? 'decline reason: not stated');
  }
  return result;
}

/**
 * Triage one inbound message: what the sender wants (`intent`), whether the rep's offer serves them (`fit`, judged
 * against `offer`), the stated reason for a no, the language, and the evidence behind each call.
 */
export function triageInquiry(message: InquiryMessage, offer?: OfferProfile): TriageResult {
  const { cleanBody: _cleanBody, fitDetail: _fitDetail, ...result } = triageDetailed(message, offer);
  return result;
}

/**
 * The signals worth showing the rep as the reason for a triage: what they asked and how it fits. How the text was
 * read (quoted history dropped, written in English) is for diagnostics; another language is worth knowing.
 */
export function signalsForRep(signals: readonly string[]): string[] {
  return signals.filter((s) => s !== QUOTED_IGNORED && s !== `written in ${LANGUAGE_NAMES.en}`);
}
