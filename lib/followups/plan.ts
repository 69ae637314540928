import { familyNameFirstGreeting, greetingWords, isRoleWord } from '../names';
import type { ValueReason, ValueReasonKind } from '../playbook/types';

/**
 * The follow-up planner for dormant leads (seed 003, Keith Rosen): never "just touch base" or "check in"; bring a
 * reason that helps them (a resource, news, a client result, an introduction, an answer). Without one the planner
 * suggests nothing. And stop chasing: after `maxUnanswered` follow-ups without an answer, suggest a graceful
 * "permission to close the file" message that lets them say no and leaves the door open.
 *
 * Drafts open with the value, use the first name, mention the reason they gave for saying no (the stated one, which
 * they told us; the "real" one is the rep's inference and stays in `why`), and end with at most one low-pressure
 * question. No deadlines, no guarantees, no meeting requests.
 */

/** One history entry as the planner sees it: `email_in` answers, `email_out`/`follow_up` are ours. */
export interface FollowUpHistoryItem {
  kind: 'email_in' | 'email_out' | 'follow_up' | string;
  at: number;
}

/** What the planner needs to draft a follow-up. */
export interface FollowUpPlanInput {
  /** The contact's full name (or whatever is known). */
  contactName: string;
  firstName?: string | null;
  /** History summary: what you last talked about ("the onboarding rollout"), woven into the draft. */
  lastTopic?: string | null;
  /** The reason they gave for saying no (a DeclineReason like "price", or free text). */
  declineStated?: string | null;
  /** What the rep believes the real reason is; used to explain the plan, never quoted to the contact. */
  declineReal?: string | null;
  /** Follow-ups sent since their last answer (see `followUpsWithoutAnswer`). */
  unanswered: number;
  /** After this many unanswered follow-ups, suggest closing the file. Default 3. */
  maxUnanswered?: number;
  /** What this follow-up gives them; null means there is nothing to send yet. */
  reason: ValueReason | null;
  /** How the rep signs off ("Best,\nAlex"). Default "Best,". */
  signOff?: string;
}

/** What the planner suggests. */
export type FollowUpPlan =
  | { action: 'needs_reason'; why: string }
  | { action: 'draft'; text: string; why: string }
  | { action: 'close_file'; text: string; why: string };

/** Result of `validateValueReason`. */
export type ValueReasonCheck = { ok: true } | { ok: false; message: string };

const DAY_MS = 86_400_000;
const DEFAULT_MAX_UNANSWERED = 3;
const MIN_DETAIL = 12;
const MAX_DETAIL = 500;
const VALUE_KINDS: readonly ValueReasonKind[] = ['resource', 'news', 'success_story', 'introduction', 'answer'];

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** True when the last interaction is at least `days` days before `now`; false when there was none (nothing to follow up). */
export function isDormant(lastInteractionAt: number | null, now: number, days: number): boolean {
  if (!finite(lastInteractionAt) || !finite(now) || !finite(days) || days < 0) return false;
  return now - lastInteractionAt >= days * DAY_MS;
}

function isInbound(kind: string): boolean {
  return kind === 'email_in' || kind === 'reply' || kind === 'inbound' || kind === 'meeting' || /(?:^|_)in$/.test(kind);
}
function isOutbound(kind: string): boolean {
  return kind === 'email_out' || kind === 'follow_up' || kind === 'outbound' || /(?:^|_)out$/.test(kind);
}

/**
 * How long apart a logged follow-up and a Gmail message may be and still be one email. "Copy and log as sent" logs
 * just before the rep pastes and sends (usually the same minute; at worst written in the evening and sent the next
 * morning), and a rep may log an email already sent. Separate messages to a quiet contact are days apart, and three
 * days apart counts as two (see the tests), so two days: an email scheduled over a weekend counts twice, which errs
 * towards suggesting "close the file" a note early rather than chasing a lead past the limit.
 */
const SAME_EMAIL_WINDOW_MS = 2 * DAY_MS;

/**
 * How many logged follow-ups are the same email as a Gmail `email_out`: each `follow_up` pairs with at most one
 * `email_out` within `SAME_EMAIL_WINDOW_MS`, either way round. `items` must be sorted by time.
 */
function sameEmailPairs(items: readonly FollowUpHistoryItem[]): number {
  // Greedy in time order, each entry taking the oldest unpaired one of the other kind still in the window: the oldest
  // is the first to run out of window, so taking it never costs a pair later (a maximum matching). A follow_up logged
  // but sent elsewhere (LinkedIn) stays unpaired unless a Gmail message it cannot be told apart from is that close.
  const waiting: Record<'follow_up' | 'email_out', number[]> = { follow_up: [], email_out: [] };
  let pairs = 0;
  for (const h of items) {
    if (h.kind !== 'follow_up' && h.kind !== 'email_out') continue;
    const other = waiting[h.kind === 'follow_up' ? 'email_out' : 'follow_up'];
    while (other.length && h.at - other[0]! > SAME_EMAIL_WINDOW_MS) other.shift();
    if (other.length) {
      other.shift();
      pairs += 1;
    } else {
      waiting[h.kind].push(h.at);
    }
  }
  return pairs;
}

/**
 * How many of our messages (`email_out`, `follow_up`) came after their last answer (`email_in`); order-independent.
 * A follow-up logged with "Copy and log as sent" and the same email read back from Gmail count once.
 */
export function followUpsWithoutAnswer(history: readonly FollowUpHistoryItem[]): number {
  if (!Array.isArray(history)) return 0;
  const valid = history.filter((h): h is FollowUpHistoryItem => !!h && typeof h.kind === 'string' && finite(h.at));
  let lastIn = Number.NEGATIVE_INFINITY;
  for (const h of valid) if (isInbound(h.kind) && h.at > lastIn) lastIn = h.at;
  // Only messages after their answer can pair, so a logged note and a Gmail message never pair across an answer.
  const ours = valid.filter((h) => isOutbound(h.kind) && h.at > lastIn).sort((a, b) => a.at - b.at);
  return ours.length - sameEmailPairs(ours);
}

/** Lower-case, accents removed, curly apostrophes straightened: phrases match however they were typed. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

// Content-free follow-up phrases (en/de/es/fr), matched on folded text. A reason containing one is a check-in.
const CONTENT_FREE: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:just )?check(?:ing)?[ -]in\b/, 'checking in'],
  [/\btouch(?:ing)? base\b/, 'touching base'],
  [/\bfollow(?:ing)? up\b(?! (?:study|report|survey|guide|checklist))/, 'following up'],
  [/\bsee if you(?:'ve| have)? had a chance\b|\bhad a chance to\b/, 'seeing if they had a chance'],
  [/\bany (?:updates?|news|progress)\b/, 'asking for an update'],
  [/\bcircl(?:e|ing) back\b/, 'circling back'],
  [/\bbump(?:ing)?\b|\btop of (?:your|the) inbox\b/, 'bumping the thread'],
  [/\bstill interested\b|\bwhere things stand\b|\bstatus update\b/, 'asking where things stand'],
  [/\b(?:gentle|friendly|quick) reminder\b|\bjust wanted to\b|\breach(?:ing)? out again\b/, 'a reminder'],
  [/\bnach(?:fassen|haken|fragen)\b|\bnachgefragt\b/, 'nachfassen'],
  [/\b(?:wollte|mochte) mich (?:(?:nur|mal|kurz) )*melden\b|\b(?:kurz|mal) (?:melden|nachfragen)\b/, 'sich melden'],
  [/\b(?:gibt es|irgendwelche) neuigkeiten\b|\bneuigkeiten (?:bei|von) (?:ihnen|dir|euch)\b|\bstand der dinge\b/, 'nach Neuigkeiten fragen'],
  [/\bwollte nur\b|\bzur erinnerung\b|\bin erinnerung (?:rufen|bringen)\b/, 'erinnern'],
  [/\bsolo queria\b|\b(?:dar(?:le)?|hacer(?: un)?) seguimiento\b|\bver si (?:tuvo|tuviste|ha tenido|has tenido)\b/, 'dar seguimiento'],
  [/\balguna (?:novedad|actualizacion)\b|\bretomar (?:el )?contacto\b|\bsaber como (?:va|van)\b|\brecordatorio\b/, 'pedir novedades'],
  [/\brelanc(?:er|e)\b|\bje me permets de revenir\b|\bje reviens vers vous\b/, 'relancer'],
  [/\bfaire le point\b|\bprendre des nouvelles\b|\bavez[- ]vous eu le temps\b|\beu l'occasion\b|\b(?:petit|simple|faire un) suivi\b|\bpetit rappel\b/, 'faire un suivi'],
];

// A known kind, a detail of at least 12 characters, and no check-in phrasing ("just checking in", "touching base",
// "following up", "any update", "circle back", and their German/Spanish/French equivalents).
/** Rejects content-free follow-up reasons, with a message saying why and what would work instead. */
export function validateValueReason(reason: ValueReason | null | undefined): ValueReasonCheck {
  if (!reason || typeof reason !== 'object') {
    return { ok: false, message: 'Add a reason that helps them: a resource, news, a client result, an introduction or an answer. Without one, a follow-up is a check-in.' };
  }
  if (!VALUE_KINDS.includes(reason.kind)) {
    return { ok: false, message: 'Choose what you are bringing: a resource, news, a client result, an introduction or an answer.' };
  }
  const detail = typeof reason.detail === 'string' ? reason.detail.replace(/\s+/g, ' ').trim() : '';
  if (detail.length === 0) {
    return { ok: false, message: 'Say what you are bringing them: which resource, what news, whose result, whom to meet, or what answer.' };
  }
  if (detail.length < MIN_DETAIL) {
    return { ok: false, message: `"${detail}" is too thin to be a reason. Say in a few more words what they get from this note.` };
  }
  const folded = fold(detail);
  for (const [re, label] of CONTENT_FREE) {
    if (re.test(folded)) {
      return {
        ok: false,
        message: `This reads as ${label}, not a reason: it asks for their attention and gives nothing back. Name the resource, news, result, introduction or answer you are bringing.`,
      };
    }
  }
  return { ok: true };
}

/** One line, no control or markup characters, bounded: names and details come from pages and typing. */
function clean(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const s = value
    .replace(/[\u0000-\u001f\u007f\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g, ' ')
    .replace(/[<>{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

// A word that looks like a name ("Dana", "Jean-Luc", "O'Neil", "अमित", "أحمد"), not "info" or a lower-case handle:
// it starts with a capital, a titlecase letter ("ǅ") or a letter of a script without case (Arabic, Devanagari, Thai,
// Han), where a capital cannot tell a name from a handle. Combining marks may follow: Devanagari vowel signs and Thai
// tone marks are marks, and so is an accent that stays separate after NFC.
const NAME_WORD = /^[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}'’-]{1,40}$/u;

function firstNameOf(input: FollowUpPlanInput): string {
  // NFC: a name typed or pasted decomposed ("José" as "e" + accent) is greeted the way it is usually written.
  const given = clean(input.firstName, 60).normalize('NFC');
  if (given) return given;
  const full = clean(input.contactName, 200).normalize('NFC');
  if (!full || full.includes('@')) return '';
  const words = greetingWords(full);
  const first = words[0] ?? '';
  const familyFirst = familyNameFirstGreeting(first, words[1]);
  if (familyFirst !== null) return familyFirst;
  return NAME_WORD.test(first) && !isRoleWord(first) ? first : '';
}

// Stated decline reasons, phrased the way a considerate person would remember them.
const DECLINE_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/^price$|price|expensive|cost/, 'price was a concern'],
  [/^budget$|budget|funds|money/, 'the budget was not there'],
  [/^incumbent$|incumbent|current (?:vendor|provider|supplier|solution)|existing (?:vendor|provider|supplier)/, 'you were staying with your current provider'],
  [/^timing$|timing|not now|later|next (?:year|quarter)/, 'the timing was not right'],
  [/^need$|need|priority/, 'it was not a priority'],
  [/^authority$|authority|decision|approval|boss|board/, 'the decision sat with others'],
];

function declinePhrase(stated: string | null | undefined): string | null {
  const s = fold(clean(stated, 200));
  if (!s || s === 'other') return null;
  for (const [re, phrase] of DECLINE_PHRASES) if (re.test(s)) return phrase;
  return null;
}

function cleanUrl(url: unknown): string | null {
  const u = clean(url, 2000);
  return /^https?:\/\/[^\s"'<>]+$/i.test(u) ? u : null;
}

function stripEndPunct(s: string): string {
  return s.replace(/[\s.;:,!]+$/u, '');
}

function greeting(first: string): string {
  return first ? `Hi ${first},` : 'Hi,';
}

function valueOpening(kind: ValueReasonKind, detail: string, topic: string): string {
  switch (kind) {
    case 'resource':
      return `Here is ${detail}${topic ? `, which may help with ${topic}` : ''}.`;
    case 'news':
      return `Some news that may matter ${topic ? `for ${topic}` : 'to you'}: ${detail}.`;
    case 'success_story':
      return `A result from a client in a similar spot${topic ? `, relevant to ${topic}` : ''}: ${detail}.`;
    case 'introduction':
      return `I thought an introduction could help${topic ? ` with ${topic}` : ''}: ${detail}.`;
    case 'answer':
      return `An answer to your question${topic ? ` about ${topic}` : ''}: ${detail}.`;
  }
}

// At most one question, and an easy one to ignore.
const CLOSING: Readonly<Record<ValueReasonKind, string>> = {
  resource: 'No need to reply; I hope it is useful.',
  news: 'No need to reply; I hope it is useful.',
  success_story: 'If it is relevant, would it help if I shared how they went about it?',
  introduction: 'Would an introduction be welcome? Either way is fine.',
  answer: 'I hope that helps with what you were working through.',
};

const KIND_LABEL: Readonly<Record<ValueReasonKind, string>> = {
  resource: 'a resource',
  news: 'news that matters to them',
  success_story: 'a client result',
  introduction: 'an introduction',
  answer: 'an answer to their question',
};

function signOffOf(signOff: unknown): string {
  if (typeof signOff !== 'string') return 'Best,';
  const lines = signOff
    .split(/\r?\n/)
    .map((l) => clean(l, 200))
    .filter(Boolean)
    .slice(0, 4);
  return lines.length ? lines.join('\n') : 'Best,';
}

/** Plans the next follow-up: `close_file` after `maxUnanswered` unanswered, `needs_reason` without value, else a `draft`. */
export function planFollowUp(input: FollowUpPlanInput): FollowUpPlan {
  const safe: FollowUpPlanInput = input && typeof input === 'object' ? input : { contactName: '', unanswered: 0, reason: null };
  const max = finite(safe.maxUnanswered) && safe.maxUnanswered >= 1 ? Math.floor(safe.maxUnanswered) : DEFAULT_MAX_UNANSWERED;
  const unanswered = finite(safe.unanswered) && safe.unanswered > 0 ? Math.floor(safe.unanswered) : 0;
  const first = firstNameOf(safe);
  const topic = stripEndPunct(clean(safe.lastTopic, 120));
  const signOff = signOffOf(safe.signOff);

  if (unanswered >= max) {
    const about = topic ? `about ${topic}` : 'over the past weeks';
    const text = [
      greeting(first),
      `I have sent a few notes ${about}, and I would rather not crowd your inbox. Often that means the timing or the fit is not right, and that is fine.`,
      'Would you mind if I closed the file on this for now? If things change, or if something I know could help, I would be glad to hear from you whenever it suits you.',
      signOff,
    ].join('\n\n');
    return {
      action: 'close_file',
      text,
      why: `${unanswered} follow-up${unanswered === 1 ? '' : 's'} without an answer (limit ${max}). Asking permission to close the file lets them say no, saves you both time, and leaves the door open.`,
    };
  }

  const check = validateValueReason(safe.reason);
  if (!check.ok || !safe.reason) return { action: 'needs_reason', why: check.ok ? 'Add a value reason first.' : check.message };

  const reason = safe.reason;
  const detail = stripEndPunct(clean(reason.detail, MAX_DETAIL));
  const url = cleanUrl(reason.url);
  const decline = declinePhrase(safe.declineStated);
  const real = clean(safe.declineReal, 200);

  const opening = valueOpening(reason.kind, detail, topic) + (url ? `\n${url}` : '');
  const paragraphs = [greeting(first), opening];
  if (decline) paragraphs.push(`I know ${decline} when we last spoke, and I respect that; this is not meant to reopen it.`);
  paragraphs.push(CLOSING[reason.kind], signOff);

  const whyParts = [`Opens with ${KIND_LABEL[reason.kind]} so the note gives before it asks.`];
  if (decline) whyParts.push(`Acknowledges the reason they gave (${decline}) without arguing with it.`);
  if (real) whyParts.push(`You believe the real reason is "${real}": check that this note speaks to it.`);
  whyParts.push(`${unanswered} of ${max} follow-ups unanswered so far; at ${max}, the planner suggests closing the file instead.`);
  return { action: 'draft', text: paragraphs.join('\n\n'), why: whyParts.join(' ') };
}
