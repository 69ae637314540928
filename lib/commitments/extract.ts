import type { CommitmentKind, Direction, ExtractedPromise } from '../playbook/types';
import { findDueDate, type DueDateHit } from './dates';
import { warmable } from '../warm';

/**
 * Finds promises in a reply or a note ("I'll send the summary by Friday", "We'll pay the deposit by the 15th",
 * "Dana will send the PO next week") so the rep can confirm them into the commitments ledger. Customers judge
 * whether we keep our word (seed 001), and a contact's own promises are what stall detection looks at (seed 002),
 * so both sides are read.
 *
 * Deliberately simple and conservative: a promise is a subject + a future/commitment modal + an action verb the
 * ledger knows (send, call, call back, pay, meet, confirm, introduce, …). Questions ("Will you send…?") and
 * negations ("I won't be able to…", "I can't promise…") are not promises. A conditional ("If it helps, I'll send…")
 * still counts: the rep decides when confirming. Quoted history below "On … wrote:" and "> " lines is ignored,
 * because the words there belong to someone else's message.
 *
 * Who promised: "I/we/let me/our team/my colleague" is the author's side ('mine' when the rep wrote it, 'theirs'
 * when the contact did); "they/she/he/<Name> will" is 'theirs' (in a rep's note that is the contact's side);
 * "you'll send…" is the reader's side, except "you'll have/get/receive…", where the author is the one delivering.
 * Passive payment promises ("the deposit will be paid Friday") are always 'theirs': customers pay.
 */

/** Resolves a date phrase ("by Friday", "end of month") against a base date; see `./dates` for the rules. */
export { resolveRelativeDate } from './dates';

/** Options for `extractPromises`: when the text was written and by whom. */
export interface ExtractOptions {
  /** When the message or note was written (epoch ms); relative dates resolve against it. */
  messageDate: number;
  /** Who wrote the text: the rep (replies, notes) or the contact (their messages). */
  author: 'rep' | 'contact';
}

const MAX_TEXT = 20_000;
const MAX_SENTENCE = 1000;
const MAX_PROMISES = 50;
const MAX_RESTATEMENT = 120;

interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Sentences (with offsets into the original text)
// ---------------------------------------------------------------------------------------------------------------

// Reply headers: everything after them is someone else's earlier message.
const REPLY_HEADER = [
  /^\s*On\s.{0,300}\bwrote:\s*$/i,
  /^\s*Am\s.{0,300}\bschrieb.{0,120}:\s*$/i,
  /^\s*Le\s.{0,300}\ba écrit\s*:\s*$/i,
  /^\s*El\s.{0,300}\bescribió:\s*$/i,
  /^\s*-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)/i,
  /^-- $/,
];
const OUTLOOK_FROM = /^\s*(?:From|Von|De):\s.+/i;
const OUTLOOK_NEXT = /^\s*(?:Sent|Date|Gesendet|Datum|To|An|Envoyé|Enviado|À|Para):\s/i;

// Words whose trailing period does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'etc', 'e.g', 'i.e', 'eg', 'ie', 'approx', 'inc', 'ltd', 'co', 'jr', 'sr',
  'no', 'nr', 'ca', 'bzw', 'z.b', 'u.a', 'usw', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'a.m', 'p.m', 'dept', 'est',
]);

interface Line extends Span {
  blank: boolean;
}

/** Lines of the author's own text: quoted lines skipped, everything after a reply header dropped. */
function ownLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i += 1) {
    const line = raw[i]!;
    const start = pos;
    pos += line.length + 1;
    const content = line.replace(/\r$/, '');
    if (REPLY_HEADER.some((re) => re.test(content))) break;
    if (OUTLOOK_FROM.test(content) && raw.slice(i + 1, i + 4).some((l) => OUTLOOK_NEXT.test(l))) break;
    if (/^\s*>/.test(content)) {
      lines.push({ start, end: start, blank: true });
      continue;
    }
    lines.push({ start, end: start + content.length, blank: content.trim() === '' });
  }
  return lines;
}

/** The author's own words in a message: quoted "> " lines and everything after a reply header removed. */
export function authoredText(text: string): string {
  if (typeof text !== 'string') return '';
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  return ownLines(src)
    .map((l) => (l.blank ? '' : src.slice(l.start, l.end)))
    .join('\n')
    .trim();
}

const WRAPPED_END = warmable('playbook', /[\p{L}\p{N},]$/u);
const WRAPPED_NEXT = warmable('playbook', /^\s*[\p{Ll}\p{N}]/u);
const INITIAL = warmable('playbook', /^\p{L}$/u);

/** A single line break continues the sentence only when it looks like a hard wrap (long line, lower-case next). */
function continuesAcross(prev: string, next: string): boolean {
  const p = prev.trimEnd();
  return p.length >= 50 && WRAPPED_END.test(p) && WRAPPED_NEXT.test(next);
}

function isSentenceEnd(text: string, sentenceStart: number, at: number): boolean {
  if (text[at] !== '.') return true;
  let w = at;
  while (w > sentenceStart && !/\s/.test(text[w - 1]!)) w -= 1;
  const word = text.slice(w, at).toLowerCase().replace(/^[("'“‘]+/, '');
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\d{1,2}$/.test(word) || /^\d{1,2}\.\d{1,2}$/.test(word)) return false; // German ordinals and dates "15.3."
  if (INITIAL.test(word)) return false; // initials "J. Smith"
  return true;
}

const SENTENCE_START = warmable('playbook', /[\p{L}\p{N}"'“‘(\[¿¡$€£#@]/u);

/** Sentence spans of the author's own text. */
function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  let cur: number | null = null;
  let curEnd = 0;
  const flush = (): void => {
    if (cur !== null && curEnd > cur) {
      // Very long runs without punctuation are cut so matching stays cheap.
      for (let s = cur; s < curEnd; s += MAX_SENTENCE) out.push({ start: s, end: Math.min(curEnd, s + MAX_SENTENCE) });
    }
    cur = null;
  };
  const lines = ownLines(text);
  let prevText: string | null = null;
  for (const line of lines) {
    if (line.blank) {
      flush();
      prevText = null;
      continue;
    }
    const lineText = text.slice(line.start, line.end);
    if (cur !== null && (prevText === null || !continuesAcross(prevText, lineText))) flush();
    for (let p = line.start; p < line.end; p += 1) {
      const ch = text[p]!;
      if (/\s/.test(ch)) continue;
      if (cur === null) {
        // A sentence starts at a word, not at a bullet or an emoji left over from the previous one.
        if (!SENTENCE_START.test(ch)) continue;
        cur = p;
      }
      if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
        let q = p + 1;
        while (q < line.end && /[.!?…"'”’)\]]/.test(text[q]!)) q += 1;
        const spaced = q >= line.end || /\s/.test(text[q]!);
        curEnd = q;
        if (spaced && isSentenceEnd(text, cur, p)) flush();
        p = q - 1;
        continue;
      }
      curEnd = p + 1;
    }
    prevText = lineText;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Promise heads: subject + modal
// ---------------------------------------------------------------------------------------------------------------

type Side = 'author' | 'third' | 'you' | 'payer';

interface Head {
  index: number;
  end: number;
  side: Side;
  /** A named third party ("Dana"), restated as "Dana to …". */
  name?: string;
  /** German heads keep the verb inside the head; the kind is read from the whole region. */
  german?: boolean;
  /** Passive promises carry their kind in the noun ("the deposit will be paid"). */
  kind?: CommitmentKind;
}

const L = '(?<![\\p{L}\\p{N}_])';
const R = '(?![\\p{L}\\p{N}_])';
// Future / commitment modals after a subject. "can" counts ("I can send it Monday"), "can't"/"cannot" do not.
const MODAL =
  "(?:'ll|\\s+will|\\s+shall|'m\\s+going\\s+to|\\s+am\\s+going\\s+to|'re\\s+going\\s+to|\\s+are\\s+going\\s+to|'s\\s+going\\s+to|\\s+is\\s+going\\s+to|'m\\s+gonna|'re\\s+gonna|\\s+can(?!'t|not|\\s+not)|\\s+should\\s+be\\s+able\\s+to|\\s+(?:plan|plans|intend|intends|promise|promises|expect|expects|aim|aims|commit|commits)\\s+to|'m\\s+planning\\s+to|'re\\s+planning\\s+to|\\s+(?:am|are|is)\\s+planning\\s+to|\\s+(?:promised|agreed|committed|offered|undertook)\\s+to)";
const NAME_MODAL =
  "(?:'ll|\\s+will|\\s+is\\s+going\\s+to|\\s+should\\s+be\\s+able\\s+to|\\s+(?:plans|intends|promised|agreed|committed|offered|expects)\\s+to|\\s+said\\s+(?:she|he|they)(?:'d|\\s+would|'ll|\\s+will))";

const HEAD_RULES: ReadonlyArray<{ re: RegExp; side: Side | 'reported'; named?: boolean; german?: boolean; passive?: boolean }> = [
  { re: new RegExp(`${L}(?:i|we)${MODAL}${R}`, 'giu'), side: 'author' },
  { re: new RegExp(`${L}(?:let\\s+me|let\\s+us|let's)${R}`, 'giu'), side: 'author' },
  {
    re: new RegExp(
      `${L}(?:our\\s+team|my\\s+team|my\\s+assistant|my\\s+colleague(?:\\s+\\p{Lu}\\p{Ll}+)?|(?:our|my)\\s+(?:cfo|ceo|coo|cto|boss|manager|director|lawyer|accountant|board|legal\\s+team|finance\\s+director)|our\\s+(?:finance|accounting|accounts|legal|ops|operations|procurement|purchasing|engineering|support|sales)\\s+(?:team|department|dept))${MODAL}${R}`,
      'giu',
    ),
    side: 'author',
  },
  { re: new RegExp(`${L}(?:they|she|he)${MODAL}${R}`, 'giu'), side: 'third' },
  {
    re: new RegExp(`${L}(?:said|promised|confirmed|mentioned|told\\s+(?:me|us))\\s+(?:that\\s+)?(i|we|they|she|he)(?:'d|\\s+would|'ll|\\s+will|\\s+could)${R}`, 'giu'),
    side: 'reported',
  },
  { re: new RegExp(`${L}you(?:'ll|\\s+will|\\s+are\\s+going\\s+to|'re\\s+going\\s+to|\\s+should\\s+be\\s+able\\s+to|\\s+(?:promised|agreed)\\s+to|\\s+said\\s+you(?:'d|\\s+would|'ll|\\s+will))${R}`, 'giu'), side: 'you' },
  // Names are case-sensitive on purpose: "Dana will", not "it will".
  { re: new RegExp(`${L}(\\p{Lu}[\\p{Ll}'-]+(?:\\s+\\p{Lu}[\\p{Ll}'-]+)?)${NAME_MODAL}${R}`, 'gu'), side: 'third', named: true },
  {
    re: new RegExp(
      `${L}(?:ich|wir)\\s+(?:werde|werden|schicke|schicken|sende|senden|melde|melden|rufe|rufen|zahle|zahlen|überweise|überweisen|bestätige|bestätigen|stelle|stellen|kümmere|kümmern|lasse|lassen)${R}`,
      'giu',
    ),
    side: 'author',
    german: true,
  },
  {
    re: new RegExp(
      `${L}(?:(?:the|our|your|a|an)\\s+)?(deposit|down\\s?payment|payment|invoice|po|purchase\\s+order|transfer|wire|proposal|quote|summary|checklist|deck|contract|agreement|report|numbers|figures)\\s+(?:will|should|is\\s+going\\s+to)\\s+(?:be\\s+)?(?:made|paid|sent|transferred|wired|processed|signed|issued|raised|settled|released|with\\s+you|in\\s+your\\s+(?:inbox|account)|over|out|ready)${R}`,
      'giu',
    ),
    side: 'author',
    passive: true,
  },
];

warmable('playbook', HEAD_RULES.map((r) => r.re));

// Capitalised words that are not people ("It will", "Shipping will", "Monday will work").
const NOT_NAMES = new Set([
  'it', 'this', 'that', 'there', 'here', 'what', 'which', 'who', 'whoever', 'when', 'where', 'why', 'how', 'everything',
  'nothing', 'something', 'anything', 'someone', 'everyone', 'anyone', 'nobody', 'everybody', 'somebody', 'the', 'our',
  'your', 'my', 'their', 'his', 'her', 'its', 'i', 'we', 'you', 'they', 'she', 'he', 'let', 'thanks', 'thank', 'hi',
  'hello', 'dear', 'also', 'and', 'but', 'so', 'then', 'if', 'sure', 'ok', 'okay', 'great', 'yes', 'no', 'maybe',
  'perhaps', 'hopefully', 'today', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'shipping', 'delivery', 'payment', 'deposit', 'invoice', 'time', 'team', 'legal', 'finance', 'management',
  'budget', 'pricing', 'price', 'training', 'onboarding', 'support', 'everyone', 'both', 'all', 'each', 'either',
  'neither', 'one', 'some', 'many', 'most', 'nothing', 'which', 'these', 'those', 'next', 'last', 'please', 'note',
]);

const SIDE_BY_PRONOUN: Readonly<Record<string, Side>> = { i: 'author', we: 'author', they: 'third', she: 'third', he: 'third' };

function findHeads(clause: string): Head[] {
  const heads: Head[] = [];
  for (const r of HEAD_RULES) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(clause); m; m = r.re.exec(clause)) {
      const end = m.index + m[0].length;
      if (r.named) {
        const name = m[1] ?? '';
        if (name.split(/\s+/).some((w) => NOT_NAMES.has(w.toLowerCase()))) continue;
        heads.push({ index: m.index, end, side: 'third', name });
      } else if (r.side === 'reported') {
        heads.push({ index: m.index, end, side: SIDE_BY_PRONOUN[(m[1] ?? '').toLowerCase()] ?? 'third' });
      } else if (r.passive) {
        const noun = (m[1] ?? '').toLowerCase();
        const kind = nounKind(noun);
        // The payer is always the customer; other things are delivered by whoever wrote the sentence.
        heads.push({ index: m.index, end: m.index, side: kind === 'deposit' || kind === 'payment' ? 'payer' : 'author', kind });
      } else heads.push({ index: m.index, end, side: r.side, german: r.german });
    }
  }
  heads.sort((a, b) => a.index - b.index || b.end - a.end);
  // Overlapping heads ("she said she'd" read twice): the first one wins.
  const out: Head[] = [];
  for (const h of heads) {
    const prev = out[out.length - 1];
    if (prev && h.index < Math.max(prev.end, prev.index + 1)) continue;
    out.push(h);
  }
  return out;
}

function nounKind(noun: string): CommitmentKind {
  if (/deposit|down\s?payment/.test(noun)) return 'deposit';
  if (/payment|invoice|^po$|purchase|transfer|wire/.test(noun)) return 'payment';
  if (/contract|agreement/.test(noun)) return 'decision';
  return 'send';
}

// ---------------------------------------------------------------------------------------------------------------
// The verb phrase after a head
// ---------------------------------------------------------------------------------------------------------------

// Words between the modal and the verb that do not change what was promised.
const SOFT_PREFIX =
  /^\s*(?:also|definitely|certainly|surely|happily|gladly|personally|then|still|now|again|first|probably|hopefully|likely|just|quickly|promptly|immediately|asap|be\s+sure\s+to|make\s+sure\s+to|make\s+sure\s+(?:that\s+)?(?:i|we)(?:'ll|\s+will)?|make\s+sure\s+(?:that\s+)?you(?=\s+(?:have|get|receive))|need\s+to|have\s+to|try\s+to|try\s+and|be\s+able\s+to|aim\s+to|go\s+ahead\s+and|able\s+to|to)(?=\s)\s*/i;

// "I'll be sending…" reads like "I'll send…".
const PROGRESSIVE: Readonly<Record<string, string>> = {
  sending: 'send', calling: 'call', getting: 'get', paying: 'pay', introducing: 'introduce', confirming: 'confirm',
  sharing: 'share', having: 'have', meeting: 'meet', scheduling: 'schedule', booking: 'book', setting: 'set',
  putting: 'put', forwarding: 'forward', emailing: 'email', wiring: 'wire', transferring: 'transfer',
  processing: 'process', making: 'make', writing: 'write', preparing: 'prepare', providing: 'provide',
  delivering: 'deliver', signing: 'sign', deciding: 'decide', reviewing: 'review', checking: 'check',
  following: 'follow', coming: 'come', dropping: 'drop', submitting: 'submit', issuing: 'issue', raising: 'raise',
};

const PROGRESSIVE_BE = warmable('playbook', /^be\s+(\p{L}+ing)(?![\p{L}])/iu);

function stripSoft(phrase: string): { rest: string; skipped: number } {
  let rest = phrase;
  let skipped = 0;
  for (let i = 0; i < 6; i += 1) {
    const m = SOFT_PREFIX.exec(rest);
    if (!m || m[0].length === 0) break;
    skipped += m[0].length;
    rest = rest.slice(m[0].length);
  }
  const lead = rest.length - rest.trimStart().length;
  skipped += lead;
  rest = rest.trimStart();
  const prog = PROGRESSIVE_BE.exec(rest);
  if (prog) {
    const base = PROGRESSIVE[(prog[1] ?? '').toLowerCase()];
    if (base) rest = base + rest.slice(prog[0].length);
  }
  return { rest, skipped };
}

// ("check" is left out: "check with my boss" is not a cheque.)
const PAYMENT_NOUN = warmable('playbook', /(?<![\p{L}])(?:invoice|payment|po|purchase\s+order|remittance|wire\s+transfer|bank\s+transfer|cheque)(?![\p{L}])/iu);
const DEPOSIT_NOUN = warmable('playbook', /(?<![\p{L}])(?:deposit|down\s?payment|retainer|advance\s+payment|anzahlung)(?![\p{L}])/iu);

// Ordered: the first rule whose pattern matches the start of the verb phrase decides the kind.
const VERB_RULES: ReadonlyArray<[RegExp, CommitmentKind]> = [
  [/^(?:have|take)\s+a\s+(?:look|think)\b/, 'other'],
  [/^get\s+(?:in\s+touch|approval|sign-?off|the\s+(?:approval|sign-?off|green\s+light))\b/, 'other'],
  [/^(?:make|do)\s+(?:an?\s+|the\s+)?intro(?:duction)?s?\b/, 'intro'],
  [/^(?:introduce|intro|connect\s+(?:you|them|him|her|\p{L}+)\s+(?:with|to))\b/u, 'intro'],
  [/^put\s+(?:you|them|him|her|\p{L}+)\s+in\s+touch\b/u, 'intro'],
  [/^(?:call|ring|phone)\s+(?:(?:you|me|us|them|him|her)\s+)?back\b/, 'callback'],
  [/^(?:get|come|circle|report)\s+back\b/, 'callback'],
  [/^(?:revert|hear\s+from\s+(?:me|us))\b/, 'callback'],
  [/^give\s+(?:(?:you|me|us|them|him|her)\s+)?(?:a\s+)?(?:call|ring|buzz)\b/, 'call'],
  [/^(?:call|ring|phone)\b/, 'call'],
  [/^(?:let\s+(?:you|me|us|them|him|her)\s+know|confirm|decide|approve|sign|make\s+(?:a|the|our|my)\s+(?:final\s+)?decision|give\s+(?:you|me|us)\s+(?:an?\s+|our\s+|my\s+)?(?:answer|decision|go-ahead|green\s+light))\b/, 'decision'],
  [/^(?:meet|see\s+you|join|attend|come\s+(?:by|over|in)|stop\s+by|drop\s+by|visit|be\s+there)\b/, 'appointment'],
  [/^put\s+together\b/, 'send'],
  [/^(?:schedule|book|set\s+up|arrange|organi[sz]e|plan|put)\b.{0,80}?\b(?:meeting|call|appointment|session|demo|visit|workshop|time|slot|catch-up)\b/, 'appointment'],
  [/^(?:pay|transfer|wire|settle|remit)\b/, 'payment'],
  [/^(?:process|issue|raise|cut|put\s+down|make)\b(?=.{0,80}\b(?:payment|deposit|po|purchase\s+order|invoice|check|cheque|transfer)\b)/, 'payment'],
  [/^(?:send|share|forward|e-?mail|mail|deliver|ship|release|deploy|roll\s+out|provide|prepare|draft|write(?:\s+up)?|pass\s+(?:along|on)|circulate|upload|post|drop|compile|finali[sz]e|shoot|attach|submit|bring|have|get)\b/, 'send'],
  [/^(?:check|look\s+into|look\s+at|find\s+out|ask|talk\s+to|speak\s+(?:to|with)|discuss|review|follow\s+up|update|keep\s+(?:you|me|us)\s+(?:posted|updated|informed|in\s+the\s+loop)|run\s+(?:it|this|that)\s+by|chase|sort\s+out|fix|handle|take\s+care\s+of|set\s+up|be\s+in\s+touch|reach\s+out)\b/, 'other'],
];

warmable('playbook', VERB_RULES.map(([re]) => re));

const VERB_START =
  '(?:send|share|forward|e-?mail|mail|call|ring|phone|give|get|come|pay|transfer|wire|introduce|connect|put|confirm|let|decide|sign|approve|meet|see|join|schedule|book|set|arrange|check|look|find|follow|update|have|prepare|provide|deliver|draft|write|circulate|submit|process|issue|raise|revert|talk|speak|discuss|review|keep|loop|make)';
const CONTINUATION = warmable('playbook', new RegExp(`\\s*,?\\s+(?:and(?:\\s+then)?|then|&|plus)\\s+(?:also\\s+|then\\s+)?(?=${VERB_START}(?![\\p{L}]))`, 'giu'));

function verbKind(phrase: string): CommitmentKind | null {
  const p = phrase.toLowerCase();
  let kind: CommitmentKind | null = null;
  for (const [re, k] of VERB_RULES) {
    if (re.test(p)) {
      kind = k;
      break;
    }
  }
  if (kind === null) return null;
  // A strong noun refines a generic verb: "send the deposit" is the deposit, "send the PO" a payment.
  if ((kind === 'send' || kind === 'payment' || kind === 'other') && DEPOSIT_NOUN.test(p)) return 'deposit';
  if ((kind === 'send' || kind === 'other') && PAYMENT_NOUN.test(p)) return 'payment';
  if (kind === 'send' && /^(?:have|get)\b.{0,40}\b(?:decision|answer|go-ahead|verdict|signed|approved)\b/.test(p)) return 'decision';
  return kind;
}

const GERMAN_PAY_VERB = warmable('playbook', /(?<![\p{L}])(?:be)?zahl(?:e|en|t)(?![\p{L}])/u);

function germanKind(region: string): CommitmentKind | null {
  const p = region.toLowerCase();
  if (/anzahlung/.test(p)) return 'deposit';
  // "zahlen" the verb (lower case) is a payment; "die Zahlen" (the numbers, a noun) is not.
  if (GERMAN_PAY_VERB.test(region) || /zahlung|überweis|rechnung|bestellung/.test(p)) return 'payment';
  if (/zurückruf|\bruf\w*\b.*\bzurück\b|\bmeld\w*\b.*\b(?:zurück|mich|uns)\b|\bmelde\b|\bmelden\b/.test(p)) return 'callback';
  if (/anruf|\bruf\w*\b.*\ban\b/.test(p)) return 'call';
  if (/termin|treffen/.test(p)) return 'appointment';
  if (/bestätig|entscheid|zusage|bescheid/.test(p)) return 'decision';
  if (/vorstell|bekannt\s+mach|in\s+kontakt/.test(p)) return 'intro';
  if (/schick|send|zukommen|übermittel|angebot|unterlagen/.test(p)) return 'send';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Questions, negations, restatement
// ---------------------------------------------------------------------------------------------------------------

const INVERSION = warmable('playbook', /^\s*(?:will|would|can|could|shall|should|do|does|did|are|is|won't|wouldn't|may|might|werden|können|könnten|würden|wollen|sollen)\s+(?:i|we|you|they|he|she|sie|wir|ich)(?![\p{L}])/iu);
const NEGATED_AFTER = warmable('playbook', /^\s*(?:not|never|no\s+longer|be\s+unable|be\s+not|unable|nicht|nie)(?![\p{L}])/iu);
// Hedges before the promise that undo it ("I don't think we'll…", "I can't promise I'll…"); a plain "if you don't
// mind, I'll…" is still a promise.
const NEGATED_BEFORE = /(?:(?:i|we)\s+(?:don't|do\s+not)\s+(?:think|know|expect|believe|see)|not\s+sure|doubt|unlikely|no\s+way|unsure|can't\s+promise|cannot\s+promise|can\s+not\s+promise|can't\s+guarantee|cannot\s+guarantee|wish|if\s+only)[^.]{0,60}$/i;
const GERMAN_NEGATION = warmable('playbook', /(?<![\p{L}])(?:nicht|kein\w*|nie)(?![\p{L}])/iu);
const CUT_AT = warmable('playbook', /\s*,?\s+(?:so\s+that|so\s+you|so\s+we|so\s+they|because|since|as\s+soon\s+as|once|if|unless|in\s+case|when|assuming|provided|sobald|wenn|falls|damit)(?![\p{L}])/iu);
const TRAILING_PREP = /\s+(?:by|on|at|until|till|before|for|in|no\s+later\s+than|bis|am|zum|and|or|&)$/i;

const CLAUSE_BREAK = warmable('playbook', /\s*[;—–]\s*|\s+-\s+|,?\s+but\s+|,\s+(?=(?:does|would|will|is|can|could)\s+(?:that|this|it)(?![\p{L}]))/giu);

/** Split a sentence into clauses: dashes and semicolons separate thoughts; "does that work?" is its own question. */
function clauseSpans(sentence: string): Span[] {
  const out: Span[] = [];
  const re = CLAUSE_BREAK;
  re.lastIndex = 0;
  let last = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    out.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  out.push({ start: last, end: sentence.length });
  return out.filter((s) => sentence.slice(s.start, s.end).trim().length > 0);
}

function isQuestion(clause: string, sentence: string): boolean {
  return /\?\s*["'”’)]*\s*$/.test(clause) || INVERSION.test(sentence) || INVERSION.test(clause);
}

/** "send the summary by Friday so you can review it" → "send the summary". */
function restate(part: string, due: DueDateHit | null, dueOffset: number): string {
  let s = part;
  if (due && dueOffset >= 0) s = s.slice(0, dueOffset) + ' ' + s.slice(dueOffset + due.length);
  const cut = CUT_AT.exec(s);
  if (cut && cut.index > 0) s = s.slice(0, cut.index);
  s = s.replace(/\s+/g, ' ').replace(/[\s,.;:!?…"'”’)]+$/u, '').trim();
  for (let i = 0; i < 3; i += 1) s = s.replace(TRAILING_PREP, '').replace(/[\s,]+$/, '');
  if (s.length > MAX_RESTATEMENT) s = `${s.slice(0, MAX_RESTATEMENT - 1).trimEnd()}…`;
  return s;
}

function directionOf(side: Side, author: 'rep' | 'contact', phrase: string): Direction {
  const authorSide: Direction = author === 'rep' ? 'mine' : 'theirs';
  const readerSide: Direction = author === 'rep' ? 'theirs' : 'mine';
  switch (side) {
    case 'author':
      return authorSide;
    case 'third':
    case 'payer':
      return 'theirs';
    case 'you':
      // "You'll have the proposal Friday": the writer delivers. "You'll send the numbers": the reader does.
      return /^(?:have|get(?!\s+back)|receive|see|hear\s+from)\b/i.test(phrase) ? authorSide : readerSide;
  }
}

interface Part {
  start: number; // offset in the clause
  text: string;
}

/** Split a head's verb phrase at "and"/"then" followed by another verb: "send the deck and call you Friday". */
function splitParts(region: string, regionStart: number): Part[] {
  const parts: Part[] = [];
  let last = 0;
  CONTINUATION.lastIndex = 0;
  for (let m = CONTINUATION.exec(region); m; m = CONTINUATION.exec(region)) {
    if (m[0].length === 0) {
      CONTINUATION.lastIndex += 1;
      continue;
    }
    if (m.index > last) parts.push({ start: regionStart + last, text: region.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  parts.push({ start: regionStart + last, text: region.slice(last) });
  return parts.filter((p) => p.text.trim().length > 0);
}

function dueIn(text: string, base: number): DueDateHit | null {
  return Number.isFinite(base) ? findDueDate(text, base) : null;
}

/** Where the date phrase is, even when it cannot be resolved (unknown message date): it is cut from the restatement. */
function dueSpan(text: string, base: number): DueDateHit | null {
  return findDueDate(text, Number.isFinite(base) ? base : 0);
}

/** Finds the promises in a reply or note, dates resolved against `opts.messageDate`; [] when none, never throws. */
export function extractPromises(text: string, opts: ExtractOptions): ExtractedPromise[] {
  try {
    if (typeof text !== 'string' || text.trim() === '') return [];
    const author: 'rep' | 'contact' = opts?.author === 'contact' ? 'contact' : 'rep';
    const base = typeof opts?.messageDate === 'number' ? opts.messageDate : Number.NaN;
    // Curly apostrophes become straight ones (same length, so offsets stay valid).
    const src = (text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text).replace(/[’‘]/g, "'");
    const out: ExtractedPromise[] = [];
    const seen = new Set<string>();

    for (const sent of sentenceSpans(src)) {
      const sentence = src.slice(sent.start, sent.end);
      for (const cl of clauseSpans(sentence)) {
        const clause = sentence.slice(cl.start, cl.end);
        if (isQuestion(clause, sentence)) continue;
        const heads = findHeads(clause);
        heads.forEach((head, hi) => {
          const regionEnd = heads[hi + 1]?.index ?? clause.length;
          const before = clause.slice(0, head.index);
          if (NEGATED_BEFORE.test(before)) return;
          const promises = readHead(clause, head, regionEnd, hi === 0 ? before : '', author, base);
          for (const p of promises) {
            const key = `${p.direction}|${p.kind}|${p.text.toLowerCase()}|${p.dueAt}`;
            if (seen.has(key) || out.length >= MAX_PROMISES) continue;
            seen.add(key);
            out.push({ ...p, start: sent.start, end: sent.end });
          }
        });
      }
    }
    return out;
  } catch {
    return [];
  }
}

type Found = Omit<ExtractedPromise, 'start' | 'end'>;

function readHead(clause: string, head: Head, regionEnd: number, prefix: string, author: 'rep' | 'contact', base: number): Found[] {
  const region = clause.slice(head.end, regionEnd);
  if (NEGATED_AFTER.test(region)) return [];

  if (head.german) {
    const whole = clause.slice(head.index, regionEnd);
    if (GERMAN_NEGATION.test(whole)) return [];
    const kind = germanKind(whole);
    if (!kind) return [];
    const own = dueIn(whole, base);
    const due = own ?? dueIn(prefix, base);
    const span = dueSpan(whole, base);
    const restated = restate(whole, span, span ? span.index : -1);
    return restated ? [{ direction: directionOf('author', author, ''), kind, text: restated, dueAt: due?.dueAt ?? null, dueText: due?.text ?? null }] : [];
  }

  if (head.kind) {
    // Passive: "the deposit will be paid on Friday".
    const body = clause.slice(head.index, regionEnd).replace(/^(?:the|our|your|a|an)\s+/i, '');
    const own = dueIn(body, base);
    const due = own ?? dueIn(prefix, base);
    const span = dueSpan(body, base);
    const restated = restate(body, span, span ? span.index : -1);
    return restated
      ? [{ direction: directionOf(head.side, author, ''), kind: head.kind, text: restated, dueAt: due?.dueAt ?? null, dueText: due?.text ?? null }]
      : [];
  }

  const { rest } = stripSoft(region);
  const found: Found[] = [];
  let pendingOther: { start: number } | null = null;
  const parts = splitParts(rest, 0);
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const stripped = stripSoft(part.text);
    let kind = verbKind(stripped.rest);
    if (kind === null) continue;
    let textStart = part.start + stripped.skipped;
    // "look into it and get back to you": the concrete second half carries the promise; keep the words together.
    if (kind === 'other' && i + 1 < parts.length && verbKind(stripSoft(parts[i + 1]!.text).rest) !== null) {
      pendingOther = pendingOther ?? { start: textStart };
      continue;
    }
    if (pendingOther) {
      textStart = pendingOther.start;
      pendingOther = null;
    }
    const partEnd = part.start + part.text.length;
    const phrase = rest.slice(textStart, partEnd);
    if (kind === 'send' && DEPOSIT_NOUN.test(phrase)) kind = 'deposit';
    const own = dueIn(phrase, base);
    const due = own ?? dueIn(rest, base) ?? dueIn(prefix, base);
    const span = dueSpan(phrase, base);
    const restated = restate(phrase, span, span ? span.index : -1);
    if (!restated) continue;
    const direction = directionOf(head.side, author, stripped.rest);
    found.push({
      direction,
      kind,
      text: head.name ? `${head.name} to ${restated}` : restated,
      dueAt: due?.dueAt ?? null,
      dueText: due?.text ?? null,
    });
  }
  return found;
}
