import { authoredText, extractPromises } from '../commitments/extract';
import { isOverdue } from '../commitments/ledger';
import type { Commitment, ExtractedPromise, StallFinding } from '../playbook/types';
import { warmable } from '../warm';

/**
 * Stall detection: the four signs from seed 002, read from the thread and from the contact's own promises in the
 * ledger. A stall is not rudeness; there is usually a reason (no budget, no authority, changed plans), and the way
 * to find it is a direct, empathetic question. So every finding carries questions adapted from the seed ("Is there
 * someone else in your organisation I should review this with?", "What is holding up the deposit?", "How has your
 * schedule changed?"), and none of them pressures or sets a seller deadline: the customer sets the timeline.
 *
 * Signs:
 * - missed_commitment: a promise of theirs is open past its due time or marked missed (a deposit or payment is
 *   "a missed payment date"), or an inbound message says a payment is delayed.
 * - sample_after_deposit: they agreed to a deposit, and a LATER inbound message asks for a free sample, trial,
 *   pilot, preview or "to try it first".
 * - no_callback: they promised to call back / get back with information, that is overdue and nothing came, yet an
 *   inbound message (the promise itself or a later one) still counts on your deadline, timeline or start date.
 * - missed_appointments: missed, rescheduled or no-show appointments on two or more local days (the ledger's miss
 *   and the thread's apology for it on the same day are one miss), or one that says "again" (it happened before).
 * A ledger promise cited by no_callback or missed_appointments is not repeated under missed_commitment.
 */

/** One message of the thread, oldest first (dates may be unknown). */
export interface StallMessage {
  fromMe: boolean;
  date: number | null;
  text: string;
}

/** Everything stall detection reads. */
export interface StallInput {
  messages: readonly StallMessage[];
  commitments: readonly Commitment[];
  now: number;
}

const DAY_MS = 86_400_000;
// An undated "I'll get back to you" is treated as overdue after this many days without word.
const UNDATED_CALLBACK_DAYS = 3;
const MAX_MESSAGES = 500;
const MAX_QUOTE = 160;

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** "Tue, Dec 15" in local time; evidence must not depend on the browser's locale. */
function day(ms: number | null | undefined): string {
  if (!finite(ms)) return '';
  const d = new Date(ms);
  return `${WEEKDAY[d.getDay()]}, ${MONTH[d.getMonth()]} ${d.getDate()}`;
}

function quote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `"${t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE - 1).trimEnd()}…` : t}"`;
}

function withDate(text: string, ms: number | null): string {
  const d = day(ms);
  return d ? `${text} (${d})` : text;
}

interface Msg {
  order: number;
  fromMe: boolean;
  date: number | null;
  text: string;
  sentences: string[];
  /** Promises in the message, read once (several signs look at them). */
  promises?: ExtractedPromise[];
}

function promisesOf(m: Msg): ExtractedPromise[] {
  m.promises ??= extractPromises(m.text, { messageDate: m.date ?? Number.NaN, author: m.fromMe ? 'rep' : 'contact' });
  return m.promises;
}

/** Messages in time order: by date when every message has one, otherwise as given (threads are oldest first). */
function prepare(messages: readonly StallMessage[]): Msg[] {
  const list = (Array.isArray(messages) ? messages : [])
    .slice(0, MAX_MESSAGES)
    .filter((m): m is StallMessage => !!m && typeof m === 'object')
    .map((m, i) => {
      // Gmail text usually has typographic apostrophes ("can’t make it"): the patterns are written with straight ones,
      // as extractPromises reads them.
      const text = authoredText(typeof m.text === 'string' ? m.text : '').replace(/[’‘]/g, "'");
      return {
        order: i,
        fromMe: m.fromMe === true,
        date: finite(m.date) ? m.date : null,
        text,
        sentences: text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean),
      };
    });
  if (list.length > 0 && list.every((m) => m.date !== null)) {
    list.sort((a, b) => (a.date as number) - (b.date as number) || a.order - b.order);
    list.forEach((m, i) => (m.order = i));
  }
  return list;
}

function firstSentence(m: Msg, test: (s: string) => boolean): string | null {
  return m.sentences.find(test) ?? null;
}

const NEGATION = warmable('playbook', /(?<![\p{L}])(?:not|never|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|no\s+longer)(?![\p{L}])/iu);

// ----- missed payments in the thread -----
const PAYMENT_WORD = warmable('playbook', /(?<![\p{L}])(?:deposit|down\s?payment|payment|invoice|transfer|wire|po|purchase\s+order)(?![\p{L}])/iu);
const PAYMENT_DELAY = warmable('playbook', [
  /(?<![\p{L}])(?:deposit|down\s?payment|payment|invoice|transfer|wire)(?![\p{L}])[^.!?]{0,40}?(?:is|was|will\s+be|has\s+been|got|'s)\s+(?:a\s+bit\s+)?(?:delayed|late|held\s+up|on\s+hold|postponed|pushed(?:\s+back)?)/iu,
  /(?:haven't|have\s+not|hasn't|has\s+not|didn't|did\s+not)\s+(?:been\s+able\s+to\s+|managed\s+to\s+|gotten\s+around\s+to\s+)?(?:pay|paid|send|sent|transfer|transferred|wire|wired|process|processed|release|released)(?![\p{L}])/iu,
  /need\s+(?:a\s+bit\s+|a\s+little\s+|some\s+)?more\s+time\s+(?:to|for|with)\s+(?:the\s+)?(?:pay|payment|deposit|invoice)/iu,
]);

function paymentDelay(s: string): boolean {
  if (!PAYMENT_WORD.test(s) && !/need\s+.*more\s+time/i.test(s)) return false;
  return PAYMENT_DELAY.some((re) => re.test(s)) && PAYMENT_WORD.test(s);
}

// ----- deposit agreed -----
const DEPOSIT = warmable('playbook', /(?<![\p{L}])(?:deposit|down\s?payment|anzahlung)(?![\p{L}])/iu);
const DEPOSIT_AGREED_THEIRS = warmable('playbook', [
  /(?<![\p{L}])(?:agree|agreed|agreeing|okay|ok|fine|happy|good|go\s+ahead)(?![\p{L}])[^.!?]{0,30}(?:deposit|down\s?payment)/iu,
  /(?:deposit|down\s?payment)[^.!?]{0,30}(?:works|is\s+fine|sounds\s+good|is\s+ok|is\s+okay|is\s+agreed|approved|is\s+no\s+problem)/iu,
]);
const DEPOSIT_AGREED_MINE = warmable('playbook', /(?:thanks|thank\s+you)\s+for\s+(?:agreeing\s+to|confirming|approving)\s+(?:the\s+|a\s+)?(?:deposit|down\s?payment)/iu);

// ----- free sample / trial / pilot asks -----
const SAMPLE_NOUN =
  warmable('playbook', /(?<![\p{L}])(?:samples?(?!\s+(?:contract|report|invoice|agreement|template|data|size|rate|questions?|code|output|documents?|files?|pages?|emails?|sow|deck|letter|clause))|trial|pilot|preview|demo\s+account|trial\s+account|test\s+account|sandbox|proof\s+of\s+concept|poc|test\s+run|trial\s+period|testphase|muster|probe\w*)(?![\p{L}])/iu);
const TRY_FIRST = warmable('playbook', /(?:try|test|trial|see)\s+(?:it|this|that|you|your\s+\p{L}+|the\s+\p{L}+)(?:\s+out)?\s+(?:first|before)|(?:before|prior\s+to)\s+(?:we|i)\s+(?:pay|commit|sign|put\s+down|send\s+the\s+deposit|transfer)/iu);
const ASK =
  warmable('playbook', /\?|(?<![\p{L}])(?:can|could|would|may)\s+(?:we|i|you)(?![\p{L}])|we'?d\s+like|we\s+would\s+like|i'?d\s+like|is\s+it\s+possible|possible\s+to|we\s+want|we\s+need|please|any\s+chance|is\s+there\s+a\s+(?:free|trial)/iu);

function sampleAsk(s: string): string | null {
  if (NEGATION.test(s) && !/\?/.test(s)) return null;
  const tried = TRY_FIRST.exec(s);
  const noun = SAMPLE_NOUN.exec(s);
  if (!tried && !noun) return null;
  if (!ASK.test(s) && !tried) return null;
  const word = (noun?.[0] ?? 'trial').toLowerCase();
  if (/sample|muster|probe/.test(word)) return 'sample';
  if (/pilot|poc|proof/.test(word)) return 'pilot';
  if (/preview/.test(word)) return 'preview';
  return 'trial';
}

// ----- callbacks and deadlines -----
const INFO_NOUN =
  warmable('playbook', /(?<![\p{L}])(numbers|figures|budget|sign-?off|approval|pricing|prices|headcount|requirements|details|data|answer|decision|specs|specifications|feedback|quote|forecast|volumes)(?![\p{L}])/iu);
const DELIVERED =
  warmable('playbook', /(?<![\p{L}])(?:attached|attaching|here\s+(?:are|is)|as\s+promised|please\s+find|enclosed|the\s+numbers\s+are|our\s+budget\s+is|we\s+got\s+(?:the\s+)?sign-?off|got\s+approval|it'?s\s+approved|anbei|im\s+anhang)(?![\p{L}])/iu);
const DEADLINE =
  warmable('playbook', /(?<![\p{L}])(?:deadline|timeline|time\s+line|go-?live|launch\s+date|start\s+date|kick-?off|delivery\s+date|due\s+date|on\s+track|on\s+schedule|still\s+(?:good|ok|okay|fine|on)\s+for|still\s+need\s+(?:it|this|everything|them)\s+by|still\s+(?:expect|expecting|planning|plan)\s+to\s+(?:start|launch|go\s+live)|hit\s+the\s+date|keep\s+the\s+date|original\s+date|as\s+planned|zeitplan|frist|starttermin|liefertermin)(?![\p{L}])/iu);

// ----- appointments -----
// Moving or missing a meeting needs the meeting in the sentence: "move forward with the deposit" and "sorry I
// missed your email" are not appointments.
const MEETING = "(?:call|meeting|appointment|session|demo|chat|catch-up|catchup|zoom|teams\\s+call|video\\s+call)";
const WHICH = "(?:our|the|this|that|today's|tomorrow's|yesterday's|this\\s+\\p{L}+'s|\\p{L}+day's)";
const APPT_MISSED_THEIRS = warmable('playbook', [
  new RegExp(`(?:sorry|apologies|apologi[sz]e)(?![\\p{L}])[^.!?]{0,40}(?<![\\p{L}])miss(?:ed|ing)\\s+(?:${WHICH}\\s+(?:\\p{L}+\\s+)?${MEETING}|you|each\\s+other)(?![\\p{L}])`, 'iu'),
  new RegExp(`missed\\s+${WHICH}\\s+(?:\\p{L}+\\s+)?${MEETING}(?![\\p{L}])`, 'iu'),
  /(?<![\p{L}])(?:need|have|had|want)\s+to\s+reschedule(?![\p{L}])/iu,
  new RegExp(`(?<![\\p{L}])(?:need|have|had|want)\\s+to\\s+(?:move|push|postpone|cancel)\\s+${WHICH}\\s+(?:\\p{L}+\\s+)?${MEETING}(?![\\p{L}])`, 'iu'),
  new RegExp(`(?:can|could)\\s+we\\s+(?:please\\s+)?(?:reschedule|(?:move|push|postpone)\\s+${WHICH}\\s+(?:\\p{L}+\\s+)?${MEETING})(?![\\p{L}])`, 'iu'),
  /(?:couldn't|could\s+not|can't|cannot|won't\s+be\s+able\s+to|will\s+not\s+be\s+able\s+to|unable\s+to)\s+make\s+(?:it|the\s+call|the\s+meeting|our\s+call|our\s+meeting|today|tomorrow)(?![\p{L}])/iu,
  /(?:termin|treffen)\s+(?:verschieben|absagen)|(?:verschieben|absagen)\s+(?:den|unseren)\s+(?:termin|call)/iu,
]);
const APPT_MISSED_MINE =
  warmable('playbook', /(?<![\p{L}])(?:no[- ]show(?:ed)?|didn't\s+(?:show|join|turn\s+up|make\s+it)|did\s+not\s+(?:show|join|turn\s+up|make\s+it)|missed\s+(?:you|each\s+other)\s+(?:on|at|today|earlier)|waited\s+(?:on|for)\s+(?:the\s+call|you))(?![\p{L}])/iu);
const YESTERDAY = warmable('playbook', /(?<![\p{L}])(?:yesterday|gestern)/iu);
const AGAIN = warmable('playbook', /(?<![\p{L}])(?:again|another|once\s+more|erneut|nochmal|noch\s+einmal)(?![\p{L}])/iu);
// An apology for a miss that already happened (not a request to move a coming meeting): it may come the next morning,
// unless it says the miss was that same day ("I missed our call this morning", on the day after another miss).
const SAME_DAY = warmable('playbook', /(?<![\p{L}])(?:today|this\s+(?:morning|afternoon|evening)|tonight|heute)(?![\p{L}])/iu);
const MISSED_PAST = warmable('playbook', /(?<![\p{L}])(?:missed|couldn't\s+make|could\s+not\s+make|didn't\s+(?:show|join|make)|did\s+not\s+(?:show|join|make)|no[- ]show)/iu);

function theirOpenOrMissed(c: Commitment, now: number): boolean {
  return c.direction === 'theirs' && (c.status === 'missed' || isOverdue(c, now));
}

function ledgerEvidence(c: Commitment, now: number): string {
  const what = quote(c.text);
  if (c.status === 'missed') return `Marked missed: ${what}${finite(c.dueAt) ? ` (due ${day(c.dueAt)})` : ''}`;
  const days = finite(c.dueAt) ? Math.max(1, Math.floor((now - c.dueAt) / DAY_MS) + 1) : 0;
  return `Promised ${what} by ${day(c.dueAt)}; still open (${days} day${days === 1 ? '' : 's'} past due)`;
}

const Q_REVIEW = 'Is there someone else in your organisation I should review this with?';
const Q_DEPOSIT = 'What is holding up the deposit?';
const Q_PAYMENT = 'What is holding up the payment?';
const Q_SCHEDULE = 'How has your schedule changed?';
const Q_CHANGED = 'Has something changed on your side since we agreed on this?';

/** Finds the stall signs in a thread and the contact's ledger entries. Returns [] when there are none; never throws. */
export function detectStalls(input: StallInput): StallFinding[] {
  try {
    const now = finite(input?.now) ? input.now : Number.NaN;
    if (!Number.isFinite(now)) return [];
    const msgs = prepare(input.messages ?? []);
    const ledger = (Array.isArray(input.commitments) ? input.commitments : []).filter(
      (c): c is Commitment => !!c && typeof c === 'object' && typeof c.text === 'string',
    );
    const cited = new Set<Commitment>();

    const sample = sampleAfterDeposit(msgs, ledger);
    const callback = noCallback(msgs, ledger, now, cited);
    const appointments = missedAppointments(msgs, ledger, cited);
    const missed = missedCommitment(msgs, ledger, now, cited);
    return [missed, sample, callback, appointments].filter((f): f is StallFinding => f !== null);
  } catch {
    return [];
  }
}

function missedCommitment(msgs: Msg[], ledger: Commitment[], now: number, cited: Set<Commitment>): StallFinding | null {
  const broken = ledger.filter((c) => theirOpenOrMissed(c, now) && !cited.has(c));
  const evidence = broken.map((c) => ledgerEvidence(c, now));
  let deposit = broken.some((c) => c.kind === 'deposit');
  let payment = broken.some((c) => c.kind === 'payment');
  for (const m of msgs) {
    if (m.fromMe) continue;
    const s = firstSentence(m, paymentDelay);
    if (!s) continue;
    evidence.push(`They wrote: ${withDate(quote(s), m.date)}`);
    if (DEPOSIT.test(s)) deposit = true;
    else payment = true;
  }
  if (evidence.length === 0) return null;
  const paid = deposit || payment;
  const label = paid
    ? `They missed a payment date${deposit ? ' (the deposit)' : ''}`
    : broken.length === 1
      ? 'They have not kept a promise they made'
      : 'They have not kept promises they made';
  const questions = [deposit ? Q_DEPOSIT : payment ? Q_PAYMENT : Q_CHANGED, ...(deposit && payment ? [Q_PAYMENT] : []), paid ? Q_CHANGED : null, Q_REVIEW];
  return { sign: 'missed_commitment', label, evidence, questions: unique(questions).slice(0, 3) };
}

interface Agreement {
  order: number | null; // message order, when it came from the thread
  at: number | null; // time, when known
  evidence: string;
}

function sampleAfterDeposit(msgs: Msg[], ledger: Commitment[]): StallFinding | null {
  const deposits = ledger.filter((c) => c.direction === 'theirs' && c.kind === 'deposit');
  // Already paid: a later trial question is not a stall.
  if (deposits.length > 0 && deposits.every((c) => c.status === 'done')) return null;

  const agreements: Agreement[] = [];
  for (const c of deposits) {
    if (c.status !== 'done' && finite(c.createdAt)) agreements.push({ order: null, at: c.createdAt, evidence: `Agreed to the deposit: ${quote(c.text)} (noted ${day(c.createdAt)})` });
  }
  for (const m of msgs) {
    const said = depositAgreement(m);
    if (said) agreements.push({ order: m.order, at: m.date, evidence: `Agreed to the deposit: ${withDate(quote(said), m.date)}` });
  }
  if (agreements.length === 0) return null;

  for (const m of msgs) {
    if (m.fromMe) continue;
    let s: string | null = null;
    let noun: string | null = null;
    for (const x of m.sentences) {
      noun = sampleAsk(x);
      if (noun) {
        s = x;
        break;
      }
    }
    if (!s || !noun) continue;
    const before = agreements.find((a) => (a.order !== null ? a.order < m.order : a.at !== null && m.date !== null && a.at < m.date));
    if (!before) continue;
    return {
      sign: 'sample_after_deposit',
      label: `They agreed to a deposit, then asked for a free ${noun}`,
      evidence: [before.evidence, `Then asked: ${withDate(quote(s), m.date)}`],
      questions: [`How would a ${noun} help you get to the next step?`, Q_DEPOSIT, Q_REVIEW],
    };
  }
  return null;
}

function depositAgreement(m: Msg): string | null {
  const p = promisesOf(m).find((x) => x.direction === 'theirs' && x.kind === 'deposit');
  if (p) return m.text.slice(p.start, p.end);
  if (m.fromMe) return firstSentence(m, (s) => DEPOSIT_AGREED_MINE.test(s));
  return firstSentence(m, (s) => !NEGATION.test(s) && !/\?/.test(s) && DEPOSIT_AGREED_THEIRS.some((re) => re.test(s)));
}

interface CallbackPromise {
  text: string;
  evidence: string;
  order: number | null;
  at: number | null;
  commitment?: Commitment;
}

function noCallback(msgs: Msg[], ledger: Commitment[], now: number, cited: Set<Commitment>): StallFinding | null {
  const promises: CallbackPromise[] = [];
  for (const c of ledger) {
    if (c.kind === 'callback' && theirOpenOrMissed(c, now)) {
      promises.push({ text: c.text, evidence: ledgerEvidence(c, now), order: null, at: finite(c.createdAt) ? c.createdAt : null, commitment: c });
    }
  }
  for (const m of msgs) {
    if (m.fromMe) continue;
    for (const p of promisesOf(m)) {
      if (p.direction !== 'theirs' || p.kind !== 'callback') continue;
      const overdue = p.dueAt !== null ? p.dueAt < now : m.date !== null && now - m.date >= UNDATED_CALLBACK_DAYS * DAY_MS;
      if (!overdue) continue;
      // Something that looks like the information arrived later: the callback was kept in writing.
      if (msgs.some((x) => !x.fromMe && x.order > m.order && DELIVERED.test(x.text))) continue;
      const due = p.dueAt !== null ? ` by ${day(p.dueAt)}` : '';
      promises.push({ text: p.text, evidence: `Promised to ${p.text}${due}: ${withDate(quote(m.text.slice(p.start, p.end)), m.date)}`, order: m.order, at: m.date });
    }
  }

  for (const p of promises) {
    const mention = msgs.find(
      (m) =>
        !m.fromMe &&
        (p.order !== null ? m.order >= p.order : m.date === null || p.at === null || m.date >= p.at) &&
        m.sentences.some((s) => DEADLINE.test(s)),
    );
    if (!mention) continue;
    const s = firstSentence(mention, (x) => DEADLINE.test(x)) ?? mention.text;
    if (p.commitment) cited.add(p.commitment);
    const info = INFO_NOUN.exec(p.text)?.[1]?.toLowerCase() ?? null;
    const what = info ? `the ${info}` : 'what they promised';
    return {
      sign: 'no_callback',
      label: `They haven't come back with ${what}, but still expect the timeline to hold`,
      evidence: [p.evidence, `Still counting on the timeline: ${withDate(quote(s), mention.date)}`],
      questions: [
        Q_REVIEW,
        info ? `What is making ${what} hard to pin down?` : 'What would make it easier to get this together on your side?',
        'Would it help to look at the timeline together, so it fits what is happening on your side?',
      ],
    };
  }
  return null;
}

/** The local calendar day of a time (`daysBack` days earlier), as a map key; null when the time is unknown. */
function dayKey(ms: number | null | undefined, daysBack = 0): string | null {
  if (!finite(ms)) return null;
  const d = new Date(ms);
  const that = new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysBack);
  return `${that.getFullYear()}-${that.getMonth()}-${that.getDate()}`;
}

function missedAppointments(msgs: Msg[], ledger: Commitment[], cited: Set<Commitment>): StallFinding | null {
  // Misses are counted by local day: the ledger's missed appointment, their "sorry I missed our call this morning"
  // and the rep's "no-show" note of the same day are one miss told three times, not a pattern. A sighting with no
  // date cannot be matched to a day and counts on its own.
  const days = new Set<string>();
  let undated = 0;
  const sighted = (key: string | null): void => {
    if (key === null) undated += 1;
    else days.add(key);
  };
  let again = false;
  const evidence: string[] = [];
  const used: Commitment[] = [];
  for (const c of ledger) {
    if (c.direction === 'theirs' && c.kind === 'appointment' && c.status === 'missed') {
      sighted(dayKey(c.dueAt));
      used.push(c);
      evidence.push(`Missed: ${quote(c.text)}${finite(c.dueAt) ? ` (${day(c.dueAt)})` : ''}`);
    }
  }
  const ledgerDays = new Set(days);
  for (const m of msgs) {
    const s = m.fromMe
      ? firstSentence(m, (x) => APPT_MISSED_MINE.test(x))
      : firstSentence(m, (x) => APPT_MISSED_THEIRS.some((re) => re.test(x)));
    if (!s) continue;
    // "Sorry I missed yesterday's call", written the morning after, is about the day before; so is "So sorry I missed
    // our call" the morning after a miss the ledger already has.
    const onDay = dayKey(m.date, YESTERDAY.test(s) ? 1 : 0);
    const dayBefore = dayKey(m.date, 1);
    const theDayAfter = onDay !== null && !days.has(onDay) && dayBefore !== null && ledgerDays.has(dayBefore);
    sighted(theDayAfter && MISSED_PAST.test(s) && !SAME_DAY.test(s) ? dayBefore : onDay);
    // "I need to reschedule again" says it has happened before, on a day this thread may not show.
    if (!m.fromMe && AGAIN.test(s)) again = true;
    evidence.push(`${m.fromMe ? 'You noted' : 'They wrote'}: ${withDate(quote(s), m.date)}`);
  }
  if (days.size + undated < 2 && !again) return null;
  for (const c of used) cited.add(c);
  return {
    sign: 'missed_appointments',
    label: 'Appointments keep getting missed or moved',
    evidence,
    questions: [Q_SCHEDULE, 'Would a short written update suit you better than a meeting for now?'],
  };
}

function unique(list: ReadonlyArray<string | null>): string[] {
  const out: string[] = [];
  for (const q of list) if (q && !out.includes(q)) out.push(q);
  return out;
}
