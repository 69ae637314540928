/**
 * Small pieces of context logic shared by the rules: where a clause or sentence starts and ends, whether a
 * phrase is negated ("I can't guarantee"), and what the reader asked for in the quoted thread. Every regex here
 * is compiled once at module load and only ever runs on a bounded window, so the cost per finding is constant.
 */
import { warmable } from '../warm';

// Characters that end a clause: a negation or a deadline in one clause says nothing about the next one.
const CLAUSE_BREAKS = new Set(['.', '!', '?', ';', ':', ',', '\n', '\r', '\u2014', '\u2013', '(', ')', '"', '\u00BF', '\u00A1', '\u201C', '\u201D', '\u00AB', '\u00BB']);
// Characters that end a sentence.
const SENTENCE_BREAKS = new Set(['.', '!', '?', '\n', '\r', '\u00BF', '\u00A1']);
// How far a clause or sentence lookup scans, so a 100 kB line without punctuation stays cheap.
const MAX_SCAN = 240;

/** The [start, end) of the clause around a match (bounded to `MAX_SCAN` characters each way). */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  return around(text, start, end, CLAUSE_BREAKS);
}

/** The [start, end) of the sentence around a match (bounded to `MAX_SCAN` characters each way). */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  return around(text, start, end, SENTENCE_BREAKS);
}

// Punctuation that only ends a clause or sentence when followed by a space or the end of text, so the dots in
// "example.com", "3.5" and the comma in "1,000" do not split anything.
const NEEDS_SPACE_AFTER = new Set(['.', '!', '?', ';', ':', ',']);
const SPACE_AFTER = /[\s"')\]\u201D\u00BB]/;

/** True when `text[i]` is a break from `breaks`, in context. */
export function isBreakAt(text: string, i: number, breaks: ReadonlySet<string>): boolean {
  const ch = text[i] as string;
  if (!breaks.has(ch)) return false;
  if (!NEEDS_SPACE_AFTER.has(ch)) return true;
  const next = text[i + 1];
  return next === undefined || SPACE_AFTER.test(next) || NEEDS_SPACE_AFTER.has(next);
}

function around(text: string, start: number, end: number, breaks: ReadonlySet<string>): [number, number] {
  let s = start;
  const sMin = Math.max(0, start - MAX_SCAN);
  while (s > sMin && !isBreakAt(text, s - 1, breaks)) s--;
  let e = end;
  const eMax = Math.min(text.length, end + MAX_SCAN);
  while (e < eMax && !isBreakAt(text, e, breaks)) e++;
  return [s, e];
}

/** True when a phrase ending at `aEnd` and one starting at `bStart` are in one sentence (no sentence break between). */
export function sameSentence(text: string, aEnd: number, bStart: number): boolean {
  if (bStart <= aEnd) return true;
  if (bStart - aEnd > MAX_SCAN) return false;
  for (let i = aEnd; i < bStart; i++) if (isBreakAt(text, i, SENTENCE_BREAKS)) return false;
  return true;
}

/** The characters that end a sentence (for the sentence walk in check.ts). */
export const SENTENCE_BREAK_CHARS: ReadonlySet<string> = SENTENCE_BREAKS;

// Negators in English, German, Spanish and French. "n't" covers can't/won't/don't/isn't; French "n'" covers n'ai.
const NEGATOR =
  warmable('trust', /(?:^|[^\p{L}'])(?:not|no|never|nothing|nobody|none|cannot|without|nor|neither|hardly|rather\s+than|instead\s+of|avoid(?:ing)?|nicht|nichts|kein(?:e|en|er|em|es)?|nie|niemals|ohne|nunca|sin|ningún|ninguna|nada|jamás|ne|pas|jamais|sans|aucun(?:e)?|rien)(?![\p{L}])|n't(?![\p{L}])|(?:^|[^\p{L}])n'(?=\p{L})/iu);
// A contrast resets negation: in "I can't promise much, but we guarantee X" the guarantee stands.
const CONTRAST = warmable('trust', /(?:^|[^\p{L}])(?:but|however|though|although|aber|doch|pero|sino|mais|cependant)(?![\p{L}])/giu);
// Negation right after the phrase: "Guarantees aren't something I offer", "100% uptime isn't realistic".
const POST_NEGATION = warmable('trust', /^\s*(?:[\p{L}'-]+\s+)?(?:isn't|aren't|wasn't|weren't|is\s+not|are\s+not|is\s+never|are\s+never|is\s+rarely|are\s+rarely|ist\s+nicht|sind\s+nicht|no\s+es|no\s+son|n'est\s+pas)(?![\p{L}])/iu);
// How much text before a phrase may negate it: a few words, not a whole paragraph.
const PRE_WINDOW = 60;

/** True when the phrase at [start, end) is negated within its clause ("I can't guarantee", "no pressure to sign today"). */
export function isNegated(text: string, start: number, end: number): boolean {
  const [cs, ce] = clauseAround(text, start, end);
  let windowText = text.slice(Math.max(cs, start - PRE_WINDOW), start);
  // Keep only what follows the last contrast word.
  CONTRAST.lastIndex = 0;
  let m: RegExpExecArray | null;
  let cut = -1;
  while ((m = CONTRAST.exec(windowText)) !== null) cut = m.index + m[0].length;
  if (cut >= 0) windowText = windowText.slice(cut);
  if (NEGATOR.test(windowText)) return true;
  return POST_NEGATION.test(text.slice(end, Math.min(ce, end + 40)));
}

// The reader (in the quoted thread) asked for a meeting, call or demo: proposing one is then service, not pressure.
const ASKED_MEETING =
  warmable('trust', /(?:(?:can|could|shall|should)\s+we\s+(?:set\s+up|schedule|book|have|do|get|arrange|hop\s+on|jump\s+on|find\s+(?:a\s+)?time|talk|meet|chat)|(?:let's|i'd\s+like\s+to|we'd\s+like\s+to|i\s+want\s+to|we\s+want\s+to|i'd\s+love\s+to|we'd\s+love\s+to)\s+(?:set\s+up|schedule|book|see|have|do|get|arrange|talk|meet|chat)|(?:send|share)\s+(?:me|us)\s+(?:some\s+)?(?:times?|slots?|your\s+availability|availability|a\s+(?:calendar\s+)?(?:link|invite))|(?:are|is)\s+you\s+(?:free|available)|(?:happy|glad)\s+to\s+(?:meet|talk|chat|jump\s+on|hop\s+on)|(?:demo|call|meeting)\s+(?:would\s+be|sounds)\s+(?:great|good|helpful|useful))/iu);
// The reader asked for the paperwork or said they want to go ahead.
const ASKED_DECISION =
  warmable('trust', /(?:(?:send|share)\s+(?:me\s+|us\s+)?(?:over\s+)?(?:the|a|your)\s+(?:contract|agreement|order\s+form|paperwork|invoice|quote|proposal)|(?:ready|like|want|decided|happy)\s+to\s+(?:move\s+forward|go\s+ahead|sign|proceed|buy|get\s+started)|let's\s+(?:do\s+it|go\s+ahead|move\s+forward))/iu);
// The rep says the reader asked ("as you asked", "per your request").
const AS_REQUESTED = warmable('trust', /(?<![\p{L}])(?:as\s+you\s+(?:asked|requested|suggested)|per\s+your\s+request|as\s+requested)(?![\p{L}])/iu);

/** What the reader asked for, learned from the quoted thread (never flagged itself) and from "as you asked". */
export interface ReaderAsks {
  meeting: boolean;
  decision: boolean;
}

/** Reads the quoted text (and "as you asked" in the draft) for requests that make a proposed meeting or contract welcome. */
export function readerAsks(quoted: string, draft: string): ReaderAsks {
  const q = quoted.length > 20_000 ? quoted.slice(0, 20_000) : quoted;
  const asRequested = AS_REQUESTED.test(draft);
  return {
    meeting: asRequested || ASKED_MEETING.test(q),
    decision: asRequested || ASKED_DECISION.test(q),
  };
}
