/**
 * `checkDraft`: the trust check. Runs the phrase rules over the rep's own text (quoted lines blanked), applies
 * the draft-level rules (a run of sentences about the seller; an ask for time in a draft that gives nothing),
 * resolves overlaps, and scores. Deterministic, local, and linear in the draft's length.
 */
import type { TrustFinding, TrustFindingKind, TrustReport } from './types';
import { isBreakAt, isNegated, readerAsks, sameSentence, SENTENCE_BREAK_CHARS } from './context';
import { prepareDraft, toOriginal } from './prepare';
import { EMPTY_ASK, KIND_PRIORITY, KIND_WEIGHTS, PHRASE_RULES, SELF_RUN, VALUE_SIGNAL, type RuleContext } from './rules';

// Upper bounds so pathological input (1 MB of "just checking in") costs little and returns a readable report.
const MAX_MATCHES_PER_RULE = 500;
const MAX_FINDINGS = 200;

interface RawFinding {
  kind: TrustFindingKind;
  start: number;
  end: number;
  message: string;
  hint: string;
  /** Draft-level findings (the self-focus run) never knock out, nor are knocked out by, a phrase of another kind. */
  span: boolean;
}

/** Reviews a draft for seller-centric language; never throws. Offsets in findings index the given `text`. */
export function checkDraft(text: string): TrustReport {
  const raw = typeof text === 'string' ? text : '';
  try {
    return check(raw);
  } catch {
    // The rules are total on strings; this is a last line of defence so a panel never breaks on a draft.
    return { score: 100, findings: [] };
  }
}

function check(raw: string): TrustReport {
  const prepared = prepareDraft(raw);
  const t = prepared.text;
  if (t.trim() === '') return { score: 100, findings: [] };
  const ctx: RuleContext = { text: t, asks: readerAsks(prepared.quoted, t) };

  const found: RawFinding[] = [];
  for (const rule of PHRASE_RULES) {
    collect(rule.re, t, (start, end) => {
      if (rule.negatable !== false && isNegated(t, start, end)) return;
      if (rule.guard && !rule.guard(ctx, start, end)) return;
      found.push({ kind: rule.kind, start, end, message: rule.message, hint: rule.hint, span: false });
    });
  }

  // no_value is a draft-level judgement: an ask for time is only empty when nothing in the draft gives value.
  if (!VALUE_SIGNAL.test(t)) {
    collect(EMPTY_ASK.re, t, (start, end) => {
      if (isNegated(t, start, end)) return;
      found.push({ kind: EMPTY_ASK.kind, start, end, message: EMPTY_ASK.message, hint: EMPTY_ASK.hint, span: false });
    });
  }

  for (const [start, end] of selfRuns(t)) {
    found.push({ kind: SELF_RUN.kind, start, end, message: SELF_RUN.message, hint: SELF_RUN.hint, span: true });
  }

  const resolved = mergeSameKind(t, dropCrossKindOverlaps(found)).slice(0, MAX_FINDINGS);
  const findings: TrustFinding[] = resolved.map((f) => {
    const o = toOriginal(prepared, f.start, f.end);
    return { kind: f.kind, start: o.start, end: o.end, message: f.message, hint: f.hint };
  });
  const penalty = findings.reduce((sum, f) => sum + KIND_WEIGHTS[f.kind], 0);
  return { score: Math.max(0, 100 - penalty), findings };
}

function collect(re: RegExp, text: string, onMatch: (start: number, end: number) => void): void {
  re.lastIndex = 0;
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    // Trailing whitespace can be part of a pattern's optional tail; the flagged phrase should not include it.
    const end = m.index + m[0].trimEnd().length;
    onMatch(m.index, end);
    if (++count >= MAX_MATCHES_PER_RULE) break;
  }
  re.lastIndex = 0;
}

/**
 * Runs of at least `SELF_RUN.minSentences` consecutive sentences that start with We/Our/I/My, never mention
 * the reader and do not report work done for them. Blank sentences (paragraph breaks, blanked quotes) neither count nor break a run.
 */
function selfRuns(text: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let count = 0;
  let runStart = 0;
  let runEnd = 0;
  const flush = (): void => {
    if (count >= SELF_RUN.minSentences) runs.push([runStart, runEnd]);
    count = 0;
  };
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && !isBreakAt(text, j, SENTENCE_BREAK_CHARS)) j++;
    // Include the terminating punctuation ("?!", "...") in the sentence.
    while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    const sentence = text.slice(i, j);
    const lead = sentence.length - sentence.trimStart().length;
    const body = sentence.trim();
    if (body !== '') {
      if (SELF_RUN.startsWithSelf.test(body) && !SELF_RUN.mentionsReader.test(body) && !SELF_RUN.reportsService.test(body)) {
        if (count === 0) runStart = i + lead;
        runEnd = i + lead + body.length;
        count++;
      } else {
        flush();
      }
    }
    i = j < text.length && j === i ? j + 1 : j;
  }
  flush();
  return runs;
}

const priority = (k: TrustFindingKind): number => KIND_PRIORITY.indexOf(k);

// Two rules of different kinds matching the same words ("could we schedule a call for Tuesday" is both an empty
// ask and a pushed meeting) should produce one finding: the more harmful reading wins.
function dropCrossKindOverlaps(found: RawFinding[]): RawFinding[] {
  const phrases = found.filter((f) => !f.span).sort((a, b) => a.start - b.start);
  // A sweep over phrases sorted by start: only neighbours that start before this one ends can overlap it, and phrase
  // matches are short, so this stays near-linear even with thousands of matches.
  const beaten = new Set<RawFinding>();
  for (let i = 0; i < phrases.length; i++) {
    const f = phrases[i] as RawFinding;
    for (let j = i + 1; j < phrases.length; j++) {
      const g = phrases[j] as RawFinding;
      if (g.start >= f.end) break;
      if (g.kind === f.kind) continue;
      beaten.add(priority(g.kind) < priority(f.kind) ? f : g);
    }
  }
  return phrases.filter((f) => !beaten.has(f)).concat(found.filter((f) => f.span));
}

// Findings of one kind in one sentence become one finding spanning them: one card per issue per sentence.
function mergeSameKind(text: string, found: RawFinding[]): RawFinding[] {
  const byKind = new Map<TrustFindingKind, RawFinding[]>();
  for (const f of found) {
    const list = byKind.get(f.kind);
    if (list) list.push(f);
    else byKind.set(f.kind, [f]);
  }
  const out: RawFinding[] = [];
  for (const list of byKind.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let cur: RawFinding | null = null;
    for (const f of list) {
      if (cur && (f.start < cur.end || sameSentence(text, cur.end, f.start))) {
        cur.end = Math.max(cur.end, f.end);
      } else {
        if (cur) out.push(cur);
        cur = { ...f };
      }
    }
    if (cur) out.push(cur);
  }
  return out.sort((a, b) => a.start - b.start || priority(a.kind) - priority(b.kind));
}

