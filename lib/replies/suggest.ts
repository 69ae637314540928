/**
 * `suggestReplies`: two or three value-first replies for a triaged inquiry. Every reply is honest about fit, gives
 * something before asking for anything, never sets a seller deadline or pushes a meeting, and passes the trust
 * check; any optional piece taken from their text or the rep's notes is dropped if it would trip it.
 */
import { familyNameFirstGreeting, greetingWords, isRoleWord } from '../names';
import { checkDraft } from '../trust/index';
import { findConcepts, type Concept } from './concepts';
import { judgeFit } from './fit';
import { matchPerson, rankResources } from './rank';
import { contentStems, fold, stripQuoted, tidy } from './text';
import { DECLINE_REASON_LABEL, type DeclineReason, type ReplyContext, type ReplySuggestion, type Resource, type TriageResult } from './types';

// ---------------------------------------------------------------- small, defensive helpers

// Text that must never reach a reply: template debris and JS artefacts.
const DEBRIS = /\{\{|\}\}|\[name\]|\bundefined\b|\bnull\b|\bNaN\b|\[object /i;

/** A string safe to put in a reply, or '' (non-strings, debris and control characters degrade to nothing). */
function safe(value: unknown, max = 300): string {
  if (typeof value !== 'string') return '';
  const v = value.replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
  if (!v || DEBRIS.test(v)) return '';
  return v.length > max ? `${v.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : v;
}

// A name word: a letter, then letters, combining marks and apostrophes or hyphens. Marks matter: Devanagari vowel
// signs ("अमित") and Thai tone marks ("ประยุทธ์") are marks, and so is an accent that NFC cannot compose; digits,
// emoji and punctuation still make it junk rather than a name.
const NAME_WORD = /^\p{L}[\p{L}\p{M}'’-]*$/u;

/** First name from a display name: skips honorifics, handles "Last, First", rejects addresses and junk. */
function firstNameFrom(name: string): string {
  // NFC: "José" typed or pasted decomposed ("e" + accent) is greeted the way it is usually written.
  const n = safe(name, 120).normalize('NFC').replace(/<[^>]*>/g, '').replace(/["']/g, '').trim();
  if (!n || n.includes('@')) return '';
  const words = greetingWords(n);
  const w = words[0];
  if (w === undefined) return '';
  const familyFirst = familyNameFirstGreeting(w, words[1]);
  if (familyFirst !== null) return familyFirst;
  if (!NAME_WORD.test(w) || w.length < 2 || isRoleWord(w)) return '';
  return w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w;
}

/** The name to greet: contact.firstName, else contact.name's first word, else the sender's display name. */
export function greetingName(ctx: ReplyContext): string {
  const c = ctx.contact ?? null;
  const fromFirst = c?.firstName ? firstNameFrom(c.firstName) : '';
  if (fromFirst) return fromFirst;
  const fromName = c?.name ? firstNameFrom(c.name) : '';
  if (fromName) return fromName;
  const display = typeof ctx.inquiry?.from === 'string' ? ctx.inquiry.from.replace(/<[^>]*>/g, '').trim() : '';
  return display ? firstNameFrom(display) : '';
}

function signature(ctx: ReplyContext): string {
  const signOff = typeof ctx.offer?.signOff === 'string' ? ctx.offer.signOff : '';
  const lines = signOff
    .split(/\r?\n/)
    .map((l) => safe(l, 120))
    .filter(Boolean);
  if (lines.length) return lines.join('\n');
  const name = safe(ctx.offer?.name, 120);
  return name ? `Best,\n${name}` : '';
}

/** First sentence of a summary, for the one line under a resource. */
function oneLine(text: string, max = 160): string {
  const s = safe(text, 2000);
  if (!s) return '';
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  const first = (m?.[1] ?? s).trim();
  return first.length > max ? `${first.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : first;
}

/** A web page or mail address, one token: what a resource link in a reply may be. */
const LINK = /^(?:https?:\/\/|mailto:)[^\s<>"]+$/i;

/**
 * A resource's link as a reply may carry it, or '': only the kinds the library itself takes, since the text goes out
 * to a customer and a restored backup file can put anything in a resource (`javascript:`, `data:`, a paragraph).
 */
function linkOf(r: Resource): string {
  const url = safe(r.url, 500);
  return LINK.test(url) ? url : '';
}

function resourceBlock(r: Resource): string {
  const title = safe(r.title, 200) || 'A resource';
  const url = linkOf(r);
  // The summary's first sentence whole where it can be: cut at 160 characters, a typical one ended mid-clause.
  const line = oneLine(r.summary, 260);
  return [`- ${title}${url ? `: ${url}` : ''}`, line ? `  ${line}` : ''].filter(Boolean).join('\n');
}

/** "Mara Vogel, independent web designer…" → "Mara Vogel"; the part before a comma, dash or parenthesis. */
function personName(r: Resource): string {
  const title = safe(r.title, 200);
  return title.split(/\s*(?:,|\s[–—-]\s|\()\s*/)[0]?.trim() || title;
}

/** "Mara Vogel: builds calm websites for clinics. (https://…) If you would like, I will introduce you both by email." */
function introOffer(p: Resource): string {
  const url = linkOf(p);
  return `${personName(p)}: ${lcFirst(oneLine(p.summary)).replace(/\.$/, '')}.${url ? ` (${url})` : ''} If you would like, I will introduce you both by email.`;
}

/** Lower-cases the first letter for use mid-sentence, but leaves acronyms ("CRM", "SEO", "B2B") alone. */
function lcFirst(s: string): string {
  return /^[A-Z][A-Z0-9]/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

// ---------------------------------------------------------------- what they asked

// Opening pleasantries are not the question.
const PLEASANTRY = /^(hi|hello|hey|dear|hallo|hola|bonjour|guten tag|buenos dias|buenas|how are you|hope you)/i;

/**
 * A short lead-in before a question: a few words and ": " after a letter ("quick one: ", not "9:30"), or one word
 * and a spaced dash ("Alex - "). Longer text before a dash is kept: "Monday 9am — does that work?" needs its first half.
 */
const LEAD_IN = /^(?:[^?:.!]{1,40}?(?<=\p{L}):\s+|\p{L}+\s[—–-]\s+)(?=\S)/u;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// "Do you run…?", "Can you help with…?", "Is this something you do?": a yes-or-no question about what the rep does.
const CAPABILITY_ASK = /^(?:do|can|could|would|will) you (?:also )?(?:run|do|offer|provide|help|handle|take on|support|work|teach|deliver|coach|set up|build|train)\b|^(?:are you able|would you be able|is (?:this|that|it) something you)\b/i;

/**
 * The plain answer to a yes-or-no question about the rep's work, when the question on its own (not the rest of the
 * message) asks for something the offer profile lists: "Yes, sales team training is part of what I do." A question
 * that also touches what the rep does not offer gets no "yes": the rep answers that one.
 */
function capabilityYes(questions: readonly string[], offer: ReplyContext['offer']): string {
  for (const q of questions) {
    if (!CAPABILITY_ASK.test(q)) continue;
    const judged = judgeFit(fold(q), 'purchase', offer);
    if (judged.fit === 'fit' && judged.offer && !judged.alsoExcluded) return `Yes, ${safe(judged.offer, 80)} is part of what I do.`;
  }
  return '';
}

/** Most of their questions a reply quotes back: the rest are theirs to read in the thread, not a wall of quotes. */
const MAX_QUESTIONS = 2;

/**
 * Their core questions, verbatim, when there are short ones: the first question sentences of their own text, at most
 * `MAX_QUESTIONS`, each once. Shown as "> " quote lines, which read naturally in email and keep their words apart
 * from the rep's; someone who asked two things ("Two questions: …") gets both back, not only the first.
 */
function coreQuestions(body: string): string[] {
  // Sentences end at ".!" before a capital, after any "?" ("…on payroll? we also…" is two), at line breaks and after
  // an emoji; "avg. 6k" is not a boundary.
  const sentences = stripQuoted(body)
    .split(/(?<=[.!])\s+(?=[\p{Lu}¿¡"'])|(?<=\?)\s+|\n+|(?<=\p{Extended_Pictographic})\s*/u)
    .map((x) => x.replace(/\s+/g, ' ').trim())
    .filter((x) => x.endsWith('?'));
  const out: string[] = [];
  for (const raw of sentences) {
    // "Hi Alex, what's your take on…?" → "what's your take on…?": the greeting is not part of the question.
    const q = capitalize(
      raw
        .replace(/^[\s,;:—–-]+/, '')
        .replace(/^(hi|hello|hey|dear|hallo|hola|bonjour|salut|ciao)\b[^,!?]{0,30}[,!]\s*/i, '')
        // "quick one: do you…?", "Alex - do you…?", "kurze Frage: …": a short lead-in is not part of the question.
        .replace(LEAD_IN, '')
        .trim(),
    );
    // "Could you help?" says nothing worth quoting back; a real question has at least two topic words.
    if (q.length < 12 || q.length > 180 || PLEASANTRY.test(q) || contentStems(fold(q)).length < 2) continue;
    const s = safe(q, 200);
    if (!s || /[<>]/.test(s) || /https?:/i.test(s) || out.some((o) => fold(o) === fold(s))) continue;
    out.push(s);
    if (out.length >= MAX_QUESTIONS) break;
  }
  return out;
}

/** The rep's most relevant note: one that shares the inquiry's topic or at least two of its words. */
function relevantNote(notes: readonly string[] | undefined, concept: Concept | null, inquiryStems: Set<string>): string {
  if (!notes) return '';
  for (const raw of notes.slice(0, 50)) {
    const note = safe(raw, 400);
    if (!note) continue;
    const folded = fold(note);
    const topicMatch = concept ? findConcepts(folded).some((h) => h.concept.id === concept.id) : false;
    const shared = new Set(contentStems(folded).filter((s) => s.length > 3 && inquiryStems.has(s))).size;
    if (topicMatch || shared >= 2) {
      const first = oneLine(note, 150).replace(/[.!?…]+$/, '');
      if (first) return first;
    }
  }
  return '';
}

// ---------------------------------------------------------------- composing

/** A reply in parts: optional parts (their quote, the rep's note) can be dropped if they trip the trust check. */
interface Draft {
  id: string;
  title: string;
  why: string;
  /** Paragraphs; `null` and '' are skipped. Optional paragraphs are marked with a leading "\u0001". */
  parts: (string | null | undefined | false)[];
  resourceIds: string[];
}

const OPTIONAL = '\u0001';
const opt = (s: string | null | undefined | false) => (s ? `${OPTIONAL}${s}` : null);

function render(d: Draft, greeting: string, sig: string, withOptional: boolean): string {
  const body = d.parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .filter((p) => withOptional || !p.startsWith(OPTIONAL))
    .map((p) => p.replace(OPTIONAL, ''));
  return tidy([greeting, ...body, sig].filter(Boolean).join('\n\n'));
}

function finish(d: Draft, greeting: string, sig: string): ReplySuggestion {
  let text = render(d, greeting, sig, true);
  // Their words and the rep's notes are not ours to vouch for: if either trips the trust check, leave it out.
  if (checkDraft(text).findings.length > 0) text = render(d, greeting, sig, false);
  return { id: d.id, title: d.title, why: d.why, text, resourceIds: [...new Set(d.resourceIds)] };
}

// ---------------------------------------------------------------- context shared by all reply kinds

interface Ctx {
  triage: TriageResult;
  name: string;
  company: string;
  concept: Concept | null;
  /** What the inquiry is about, for sentences ("your CRM"), or a neutral fallback. */
  topic: string;
  /** What they asked for, as the rep's profile names it ("web design"), for honest not-a-fit lines. */
  askedFor: string;
  /** Their own words for an ask no concept covers, in the rep's voice: "design a printed brochure for your stand". */
  askPhrase: string;
  /** Their questions worth quoting back (see `coreQuestions`); empty when they asked none. */
  questions: string[];
  /** "Yes, … is part of what I do." when they asked whether the rep does something the offer profile lists. */
  capability: string;
  note: string;
  resources: Resource[];
  person: Resource | null;
  subjectAndBody: string;
  /** "CRM implementation, sales process design and coaching and sales team training", or ''. */
  offerSummary: string;
}

/** "for our stand" → "for your stand": their words, turned to address them. */
function swapPerson(phrase: string): string {
  const map: Record<string, string> = { our: 'your', ours: 'yours', us: 'you', we: 'you', my: 'your', me: 'you', i: 'you' };
  return phrase.replace(/\b(our|ours|us|we|my|me|i)\b/gi, (w) => map[w.toLowerCase()] ?? w);
}

function summariseOffer(ctx: ReplyContext): string {
  const items = (Array.isArray(ctx.offer?.offers) ? ctx.offer.offers : [])
    .map((o) => safe(o, 120).replace(/\s*\([^)]*\)/g, ''))
    .filter(Boolean)
    .slice(0, 4)
    .map(lcFirst);
  if (items.length === 0) return '';
  const joined = items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  const serves = safe(ctx.offer?.serves, 200).replace(/\.$/, '');
  return `${joined}${serves ? `, for ${lcFirst(serves)}` : ''}`;
}

function buildCtx(ctx: ReplyContext): Ctx {
  const triage = ctx.triage;
  const subject = safe(ctx.inquiry?.subject, 300);
  const body = typeof ctx.inquiry?.body === 'string' ? ctx.inquiry.body : '';
  const own = stripQuoted(body);
  const folded = fold(`${subject}\n${own}`);
  const hits = findConcepts(folded);
  // The concept named in the fit reason, so the reply talks about what triage matched (and the honest "not a
  // fit" line and the pointers agree); otherwise what they mentioned first.
  const reasonConcept = triage.fit !== 'unknown' ? hits.find((h) => triage.fitReason?.toLowerCase().includes(h.concept.label.toLowerCase()))?.concept : undefined;
  const concept = reasonConcept ?? hits[0]?.concept ?? null;
  const second = hits.find((h) => h.concept !== concept)?.concept ?? null;

  // A quoted reason is their own words ("edit podcasts"), used as "whether I can …"; otherwise the rep's label.
  const phraseMatch = /^asks about "(.+)", which isn't among your offers/.exec(triage.fitReason ?? '');
  const askPhrase = phraseMatch ? safe(swapPerson(phraseMatch[1]!), 100) : '';
  const askedMatch = phraseMatch ? null : /^asks (?:for|about) (.+?), which (?:you don't offer|isn't among your offers|you offer)/.exec(triage.fitReason ?? '');
  const askedFor = safe(askedMatch?.[1], 80) || (phraseMatch ? '' : concept?.label ?? '');

  const exclude = (ctx.sentResourceIds ?? []).filter((x): x is string => typeof x === 'string');
  // Without a recognised topic, their own words only describe a need when they are asking for help; in a
  // decline or an auto-reply they would pull in whatever article shares a word with "proposal" or "office".
  const wordsDescribeNeed = triage.intent === 'purchase' || triage.intent === 'advice' || triage.intent === 'support';
  // The ask's leading verb ("design", "edit") matches half the library; its object is what they need.
  const words = askPhrase
    ? contentStems(fold(askPhrase.replace(/^\S+\s+/, ''))).join(' ')
    : triage.intent === 'job' || (!concept && !wordsDescribeNeed)
      ? ''
      : contentStems(folded).slice(0, 14).join(' ');
  // Some intents need a resource about the request itself, whatever topic the message mentions: a job seeker
  // needs search pointers, not the CRM articles their CV happens to mention.
  const intentTopic: Partial<Record<TriageResult['intent'], string>> = {
    job: 'jobs careers internship sales roles',
    partnership: 'partnership referrals referral partners co-marketing',
    research: 'research survey public data reports',
  };
  // A support request is about a specific problem: their words lead, and a resource must match at least two of
  // them, so a login problem in a training portal does not get a sales-training article.
  const topicQuery = triage.intent === 'support' ? '' : intentTopic[triage.intent] ?? concept?.query ?? '';
  const related =
    triage.intent === 'job' || triage.intent === 'partnership' ? '' : triage.intent === 'research' || triage.intent === 'support' ? concept?.query ?? '' : second?.query ?? '';
  const resources = rankResources(ctx.resources, { topic: topicQuery, related, words, contactTags: ctx.contactTags, exclude, kind: 'not_person', limit: 3 }).map((r) => r.resource);
  // Introductions are offered only where a reply can use one: not a fit, an introduction email, a job seeker.
  const wantsPerson = triage.intent === 'job' || triage.intent === 'intro' || triage.fit === 'not_fit';
  const personTopic = triage.intent === 'job' ? 'recruiting hiring sales roles' : concept?.query ?? '';
  const person = wantsPerson ? matchPerson(ctx.resources, personTopic, exclude, ctx.contactTags) : null;

  const questions = coreQuestions(body);
  return {
    triage,
    name: greetingName(ctx),
    company: safe(ctx.contact?.company, 120),
    concept,
    topic: concept?.topic ?? 'your question',
    askedFor,
    askPhrase,
    questions,
    capability: triage.fit === 'fit' ? capabilityYes(questions, ctx.offer) : '',
    note: relevantNote(ctx.notes, concept, new Set(contentStems(folded))),
    resources,
    person,
    subjectAndBody: folded,
    offerSummary: summariseOffer(ctx),
  };
}

// An introduction is answered to both people; the introducer's name goes in the thank-you line instead.
const greet = (c: Ctx, both = false) => (both ? 'Hi both,' : c.name ? `Hi ${c.name},` : 'Hi there,');
const atCompany = (c: Ctx) => (c.company ? ` at ${c.company}` : '');
/** " about your CRM at Northwind" / " from Northwind" / "": what the opening line says they wrote about. */
const about = (c: Ctx) => (c.concept ? ` about ${c.topic}${atCompany(c)}` : c.company ? ` from ${c.company}` : '');
const quoteBlock = (c: Ctx) => (c.questions.length ? `You asked:\n${c.questions.map((q) => `> ${q}`).join('\n')}` : '');
/**
 * Each of their questions quoted with room for the rep's answer right under it: "You asked:\n> q1", answer, "> q2",
 * answer. The studio will not use the reply while any placeholder is left.
 */
const answerBlocks = (c: Ctx): string[] =>
  c.questions.flatMap((q, i) => [i === 0 ? `You asked:\n> ${q}` : `> ${q}`, ANSWER_PLACEHOLDER]);
const noteLine = (c: Ctx) => (c.note ? `I also have this from our earlier conversation: ${lcFirst(c.note)}.` : '');
/** The topic's discovery question, or its follow-up when their message already answers it (see `Concept.answered`). */
const discoveryOf = (c: Ctx): string =>
  !c.concept ? '' : c.concept.answered && c.concept.answered.re.test(c.subjectAndBody) ? c.concept.answered.discovery : c.concept.discovery;
const tipLine = (c: Ctx, lead = 'One thing that tends to help:') => (c.concept ? `${lead} ${lcFirst(c.concept.tip)}` : '');
const list = (rs: Resource[]) => rs.map(resourceBlock).join('\n');
const ids = (rs: (Resource | null)[]) => rs.filter((r): r is Resource => !!r).map((r) => r.id);

// ---------------------------------------------------------------- reply kinds

// Advice that holds for any specialist they are looking for, when neither the lexicon nor the library knows the topic.
const GENERIC_TIP =
  'look for someone who specialises in exactly this and ask them for one example from a business your size; that tells you more than any sales page.';

function notFit(c: Ctx): Draft[] {
  const what = c.askedFor ? lcFirst(c.askedFor) : '';
  const asked = c.askPhrase ? `You asked whether I can ${c.askPhrase}. ` : '';
  const honest = what
    ? `To be straight with you: I don't do ${what} myself, but I'd like to point you to help.`
    : `${asked}To be straight with you: that isn't something I do, but I'd like to point you to help.`;
  const pointers = c.resources.slice(0, 3);
  const drafts: Draft[] = [
    {
      id: 'resource-pointers',
      title: 'Not a fit — helpful pointers',
      why: 'Honest that this is not your work, and leaves them with useful pointers instead of a pitch.',
      parts: [
        `Thanks for getting in touch${about(c)}. ${honest}`,
        c.askPhrase ? '' : opt(quoteBlock(c)),
        pointers.length
          ? `A few things that should help:\n${list(pointers)}`
          : tipLine(c, 'What I can offer is a pointer:') || `What I can offer is a pointer: ${GENERIC_TIP}`,
        pointers.length ? tipLine(c) : '',
        'Good luck with it, and feel free to write again if another question comes up.',
      ],
      resourceIds: ids(pointers),
    },
  ];
  if (c.person) {
    const p = c.person;
    const pLine = oneLine(p.summary);
    const url = linkOf(p);
    drafts.push({
      id: 'resource-intro',
      title: 'Not a fit — an introduction',
      why: `Offers a warm introduction to ${personName(p)}, who does this work, plus one pointer.`,
      parts: [
        `Thanks for your message${about(c)}. ${what ? `I don't do ${what} myself` : `${asked}That isn't my area`}, but I know someone who does this kind of work.`,
        `${personName(p)}${pLine ? `: ${lcFirst(pLine).replace(/\.$/, '')}` : ''}.${url ? ` (${url})` : ''} If you'd like, I'll introduce you both by email; just let me know.`,
        pointers[0] ? `In the meantime, this may be useful:\n${list(pointers.slice(0, 1))}` : '',
        'Either way, good luck with it.',
      ],
      resourceIds: ids([p, pointers[0] ?? null]),
    });
  }
  const best = pointers[0];
  drafts.push({
    id: 'short-answer',
    title: 'Not a fit — a short answer',
    why: 'A brief, honest no with the one tip you would give a friend.',
    parts: [
      `Thanks for thinking of me. ${what ? `${what.charAt(0).toUpperCase()}${what.slice(1)} is` : `${asked}That is`} outside what I do, but here is the short answer I'd give a friend.`,
      c.concept ? c.concept.tip : GENERIC_TIP.charAt(0).toUpperCase() + GENERIC_TIP.slice(1),
      best ? `If you'd like to read more, this is a good start:\n${list([best])}` : '',
      'All the best with it.',
    ],
    resourceIds: ids([best ?? null]),
  });
  return drafts.slice(0, 3);
}

// Asks about price or cost in their text (purchase replies answer it honestly instead of dodging it).
const PRICE_ASK = /\b(price|pricing|cost|costs|quote|rates|fees|charge|budget|investment|angebot|kosten|preis|presupuesto|precio|tarif\w*|devis|prix|cuanto|combien|how much)\b/;

function fitHelp(c: Ctx): Draft[] {
  const purchase = c.triage.intent === 'purchase';
  const question = discoveryOf(c) || 'What made this a priority for you?';
  const [r1, r2] = c.resources;
  // "Tell me more about what you do": with no topic to talk about, a plain summary of the offer is the answer.
  const whatIDo = purchase && !c.concept && c.offerSummary ? `In short, what I do: ${c.offerSummary}.` : '';
  const priceLine = purchase && PRICE_ASK.test(c.subjectAndBody)
    ? 'On cost: it depends mostly on scope, so I would rather understand your situation than guess a number you might plan around.'
    : '';
  return [
    {
      id: 'help-first',
      title: purchase ? 'Help first, one question' : 'Answer, resource, one question',
      why: 'Answers what they asked, gives something useful straight away, and asks one question to understand them.',
      parts: [
        `Thanks for getting in touch${about(c)}.`,
        opt(quoteBlock(c)),
        c.capability,
        whatIDo,
        priceLine,
        tipLine(c, purchase ? 'Something that helps whatever you decide:' : 'One thing that often helps:'),
        r1 ? `This should be useful either way:\n${list([r1])}` : '',
        opt(noteLine(c)),
        `One question so I can be specific: ${question}`,
      ],
      resourceIds: ids([r1 ?? null]),
    },
    {
      id: 'resources-and-question',
      title: 'Short: resources and one question',
      why: 'Brief and value-first: two resources they can use today, then one open question.',
      parts: [
        // The list right under the line that introduces it, as in the other drafts.
        `Thanks for your note${about(c)}. Before anything else, here ${r1 && r2 ? 'are two things' : 'is something'} you can use right away:${r1 ? `\n${list([r1, r2].filter((r): r is Resource => !!r))}` : ''}`,
        r1 ? '' : tipLine(c, 'In short:') || 'In short: start from the one problem that costs your team the most time, and fix that first; it makes every later choice easier.',
        !r1 && !c.concept ? whatIDo : '',
        opt(noteLine(c)),
        question,
      ],
      resourceIds: ids([r1 ?? null, r2 ?? null]),
    },
    {
      // Someone asking for advice is helped by a question about what they tried; asking what a good outcome would be
      // reads as qualifying a buyer.
      id: purchase ? 'outcome-question' : 'tried-question',
      title: purchase ? 'Listen first: what good looks like' : 'Listen first: what they have tried',
      why: purchase
        ? 'Shows you care about their outcome, not the sale: one question about what success means to them.'
        : 'Advice lands better when it builds on what they have already tried: one question about that.',
      parts: [
        `Thanks for reaching out${atCompany(c)}.`,
        opt(quoteBlock(c)),
        c.capability,
        tipLine(c, 'A first thought:'),
        r1 && !r2 ? `This may help in the meantime:\n${list([r1])}` : r2 ? `This may help in the meantime:\n${list([r2])}` : '',
        purchase ? 'What would a good outcome look like for you a few months from now?' : 'What have you tried so far, and how did it go?',
      ],
      resourceIds: ids([r2 ?? r1 ?? null]),
    },
  ];
}

// Signs in their text for the seed's stall questions.
const DEPOSIT = /\b(deposit|down ?payment|payment|invoice|anzahlung|zahlung|anticipo|pago|acompte|paiement|po)\b/;
const SAMPLE = /\b(free|sample|pilot|trial|preview|gratis|gratuit\w*|echantillon|muestra|prueba|probe\w*|kostenlos\w*)\b/;

/**
 * Stall replies. A question they asked ("Can we find another slot?") is quoted first, with room for the rep's answer:
 * a stock line about timelines in its place would read as not having listened.
 */
function stall(c: Ctx): Draft[] {
  const r1 = c.resources[0];
  const value = r1 ? `In the meantime, this may be useful:\n${list([r1])}` : tipLine(c, 'In the meantime, one thing that may help:');
  const deposit = DEPOSIT.test(c.subjectAndBody);
  const sample = SAMPLE.test(c.subjectAndBody);
  return [
    {
      id: 'stall-who-else',
      title: 'Ask who else is involved',
      why: 'A direct, caring question: is someone else part of this decision?',
      parts: [
        'Thanks for letting me know where things stand.',
        ...answerBlocks(c),
        'I would rather ask than guess: is there someone else in your organisation I should review this with? I can send a one-page summary they can read in their own time.',
        value,
        'You set the timeline here, so there is no pressure from my side.',
      ],
      resourceIds: ids([r1 ?? null]),
    },
    {
      id: 'stall-holding-up',
      title: sample ? 'Ask how a sample would help' : deposit ? 'Ask what is holding up the deposit' : 'Ask what is holding things up',
      why: 'Finds the real reason behind the delay with one plain question, without a deadline.',
      parts: [
        'Thanks for the update, and for being open about it.',
        ...answerBlocks(c),
        sample
          ? 'A smaller first step may well make sense. To shape one that is useful for you: how would it help you take the next step, and who would it need to convince? I can also share references from similar teams.'
          : deposit
            ? 'Can I ask directly: what is holding up the deposit? If something in the terms or the scope does not sit right, I would much rather hear it and adjust.'
            : 'Can I ask directly: what is holding things up on your side? If something in the scope does not sit right, I would much rather hear it and adjust.',
        value,
      ],
      resourceIds: ids([r1 ?? null]),
    },
    {
      id: 'stall-schedule',
      title: 'Ask how their schedule has changed',
      why: 'Lets the customer reset the timeline; no seller deadline, no chasing.',
      parts: [
        'Thanks for the note, and no problem at all.',
        ...answerBlocks(c),
        'How has your schedule changed since we last spoke? Tell me what timing works for you and I will plan around it.',
        r1 ? `Something useful while things settle:\n${list([r1])}` : tipLine(c, 'Something useful while things settle:'),
      ],
      resourceIds: ids([r1 ?? null]),
    },
  ];
}

// One line per stated reason. `gift` says whether a resource or tip follows, so the line never points at nothing.
const REASON_LINE: Record<DeclineReason, (gift: boolean) => string> = {
  price: (gift) => `I appreciate you being open about the price. ${gift ? 'If you decide to do parts of this yourselves, what follows covers a first step.' : 'If you decide to do parts of this yourselves, I am happy to answer a question or two by email, no strings attached.'}`,
  budget: () => 'Budgets are what they are, and I appreciate you saying so plainly.',
  incumbent: (gift) => `I hope it goes really well with them${gift ? '; what follows is useful whoever you work with' : ''}.`,
  timing: () => 'Timing is yours to set, so I will not chase you. If things change, you know where to find me.',
  need: (gift) => `Understood, and thank you for saying so plainly${gift ? '; what follows may be handy if it comes up later' : ''}.`,
  authority: () => 'I appreciate you making the case internally; I know that takes effort.',
  other: () => 'I appreciate you explaining; I hope things settle well on your side.',
};

function decline(c: Ctx): Draft[] {
  const r1 = c.resources[0];
  const reason = c.triage.declineReason ?? 'other';
  const give = r1 ? `Either way, here is something that may still be useful:\n${list([r1])}` : tipLine(c, 'Either way, one thing that may still be useful:');
  return [
    {
      id: 'decline-learn',
      title: 'Thank them and ask what would have had to be different',
      why: `Respects their decision and asks the one question that reveals the real reason${r1 || c.concept ? ', and still gives value' : ''}.`,
      parts: [
        'Thank you for letting me know, and for being straightforward about it. I respect your decision.',
        'If you are open to it, one question so I can learn: what would have had to be different for this to work for you?',
        give,
        'All the best with it.',
      ],
      resourceIds: ids([r1 ?? null]),
    },
    {
      id: 'decline-reason',
      title: `Acknowledge the reason (${DECLINE_REASON_LABEL[reason].toLowerCase()})`,
      why: `Takes their stated reason seriously without arguing with it${r1 || c.concept ? ', and offers something useful anyway' : ''}.`,
      parts: [
        'Thanks for telling me, and I will respect your decision.',
        REASON_LINE[reason](!!r1 || !!c.concept),
        r1 ? `In case it is useful:\n${list([r1])}` : tipLine(c, 'One thing that may help:'),
      ],
      resourceIds: ids([r1 ?? null]),
    },
    {
      id: 'decline-close',
      title: 'Gracious close, no reply needed',
      why: 'Lets them say no gracefully; no ask, and the door stays open on their terms.',
      parts: [
        'Thanks for the clear answer; I appreciate it, and I respect your decision. No reply needed.',
        r1 ? `In case it is useful anyway:\n${list([r1])}` : tipLine(c, 'In case it is useful anyway:'),
        'Wishing you and the team a good year.',
      ],
      resourceIds: ids([r1 ?? null]),
    },
  ];
}

function vendor(c: Ctx): Draft[] {
  return [
    {
      id: 'vendor-no-thanks',
      title: 'Polite no, with a reason',
      why: 'A clear, kind no with a real reason: no fake interest, no loose end for them to chase.',
      parts: [
        'Thanks for thinking of me. I am going to pass: it is not something I need at the moment, and I would rather tell you plainly than leave you waiting.',
        'Good luck with it.',
      ],
      resourceIds: [],
    },
    {
      id: 'vendor-feedback',
      title: 'No thanks, with honest feedback',
      why: 'Says no and gives them one useful piece of feedback on their outreach.',
      parts: [
        'Thanks for your message. It is not a fit for me, so I will pass.',
        'One honest note that may help your outreach: a specific reason why you wrote to me in particular makes a first email much easier to answer.',
        'All the best with it.',
      ],
      resourceIds: [],
    },
    {
      id: 'vendor-off-list',
      title: 'No thanks, please remove me',
      why: 'Short and unambiguous, so neither of you spends more time on it.',
      parts: ['Thanks, but this is not something I am looking for. Please take me off your list; I appreciate it.'],
      resourceIds: [],
    },
  ];
}

// A CV or portfolio that came with the message (not one offered for later: "happy to send my CV").
const SENT_CV = /\b(attached|enclosed|anbei|im anhang|piece jointe|ci-joint|est joint|adjunto|adjunta)\b/;
// A freelancer or contractor offering their hands, not a job seeker: no job-board pointers, and "work", not "a role".
const CONTRACTOR = /\b(freelanc\w*|contractor|subcontract\w*|contract work|day rate|freiberuf\w*|auto-?entrepreneur|independiente)\b/;

function job(c: Ctx): Draft[] {
  const contractor = CONTRACTOR.test(c.subjectAndBody);
  // Job-search pointers are for people looking for a job; a contractor has a practice already.
  const r1 = contractor ? undefined : c.resources[0];
  const p = c.person;
  const drafts: Draft[] = [
    {
      id: 'job-honest',
      title: contractor ? 'Honest answer about work' : 'Honest answer about openings',
      why: `Does not leave them hoping; edit it if you do have ${contractor ? 'work to share' : 'a role'}.${r1 ? ' Adds a pointer for their search.' : ''}`,
      parts: [
        SENT_CV.test(c.subjectAndBody) ? 'Thank you for your message and for sending your background.' : 'Thank you for your message and for thinking of me.',
        contractor
          ? 'To be straight with you: I do not have work to pass on right now, and I would rather say so than keep you waiting.'
          : 'To be straight with you: I do not have an open role right now, and I would rather say so than keep you waiting.',
        r1 ? `These may help your search:\n${list([r1])}` : '',
        contractor ? 'Good luck with the next project; I mean that.' : 'Good luck with the search; I mean that.',
      ],
      resourceIds: ids([r1 ?? null]),
    },
  ];
  if (p) {
    drafts.push({
      id: 'job-intro',
      title: 'No role, but an introduction',
      why: `Offers an introduction to ${personName(p)}, who places people in roles like this.`,
      parts: [
        'Thank you for getting in touch. There is no open role with me right now, but I may know someone useful.',
        introOffer(p),
        'All the best with your search.',
      ],
      resourceIds: ids([p]),
    });
  }
  drafts.push({
    id: 'job-keep',
    title: 'Keep their details, with care',
    why: 'Kind and honest: no promise of a role, and a clear word on what happens with their details.',
    parts: [
      'Thanks for reaching out, and for your interest.',
      'There is nothing open at the moment. If you are happy for me to, I will keep your details and write to you if something suitable comes up; if you would prefer I delete them, just say so.',
      'Good luck in the meantime.',
    ],
    resourceIds: [],
  });
  return drafts;
}

// "Could you give me two or three sentences I could quote?": the words asked for, not a promise of them later.
const QUOTE_ASK = /\b(?:two or three|2-3|a few|a couple of|some) sentences\b|\b(?:give|send) (?:me|us) a (?:quote|comment)\b|\bquote you on\b/;

function research(c: Ctx): Draft[] {
  const r1 = c.resources[0];
  return [
    {
      id: 'research-help',
      title: 'Help with their research',
      why: 'Gives a little expertise freely, in the form that costs you least (written answers).',
      parts: [
        `Happy to help with your work${c.concept ? ` on ${c.concept.label}` : ''}.`,
        // Questions already in their message are answered here; otherwise they are asked for, in writing.
        ...(c.questions.length >= 2
          ? answerBlocks(c)
          : QUOTE_ASK.test(c.subjectAndBody)
            ? ['Here are a few sentences you are welcome to quote:', ANSWER_PLACEHOLDER]
            : ['If you send the questions by email, I will answer them in writing, which also makes them easier for you to quote accurately.']),
        r1 ? `This may be useful for your research too:\n${list([r1])}` : tipLine(c, 'One observation to start with:'),
      ],
      resourceIds: ids([r1 ?? null]),
    },
    {
      id: 'research-pointers',
      title: 'Pointers instead of an interview',
      why: 'Helps even if you cannot give time: sources they can use right away.',
      parts: [
        // Not "an interview": most of these are surveys, questionnaires or a request for a quote.
        'Thanks for asking me. I cannot take this on at the moment, but I did not want to leave you without anything.',
        r1 ? `These sources may help:\n${list(c.resources.slice(0, 2))}` : tipLine(c, 'One observation from my work that may help:') || 'One observation from my work: the teams that get the most from a CRM agree on a few definitions first (what counts as a qualified deal, who updates what) and choose the tool second.',
        'Good luck with it.',
      ],
      resourceIds: ids(c.resources.slice(0, 2)),
    },
  ];
}

// "A lot of our B2B clients ask us about CRM", "clients whose CRM is a disaster", "muchos clientes nos piden ayuda con
// su CRM": the overlap, already said.
const CLIENT_NEEDS_SAID = /\b(clients?|customers?|clientes?|kunden)\b[^.?!]{0,60}\b(ask\w*|need\w*|struggl\w*|want\w*|piden|demandent|fragen|brauchen|would benefit|whose)\b/;

function partnership(c: Ctx): Draft[] {
  const r1 = c.resources[0];
  return [
    {
      id: 'partner-explore',
      title: 'Curious, one question first',
      why: 'Neither yes nor no yet: understands the overlap before committing to anything.',
      parts: [
        'Thanks for the idea, and for thinking of me.',
        // Most proposals already say what their clients keep asking for: then the question is how it would work.
        CLIENT_NEEDS_SAID.test(c.subjectAndBody)
          ? 'Before saying yes or no, I would like to understand how it would work in practice: what would a good first client to pass between us look like?'
          : 'Before saying yes or no, I would like to understand the overlap: who are your typical clients, and what do they ask you for that you do not do yourselves?',
        r1 ? `For context, this is how I usually think about these arrangements:\n${list([r1])}` : '',
      ],
      resourceIds: ids([r1 ?? null]),
    },
    {
      id: 'partner-pass',
      title: 'Polite pass, door open',
      why: 'An honest no for now that keeps goodwill, with no vague promises.',
      parts: [
        'Thanks for thinking of me. I am going to pass on a formal arrangement for now, but I appreciate the offer.',
        'If one of my clients needs what you do, I will happily mention you; a short note on who you help best would make that easier.',
      ],
      resourceIds: [],
    },
  ];
}

// Asks to have something sent again (a link, a recording, a template), in the languages the triage reads (folded).
const RESEND = /\b(re-?send|send (?:it|them|that|me|us)(?: [^.?!]{0,40})? again|(?:link|invite|invitation) (?:has |is )?expired|renvoy\w*|reenvi\w*|(?:noch ?mal|nochmal|erneut|noch einmal) (?:zu)?schick\w*|schick\w* [^.?!]{0,40}(?:noch ?mal|nochmal|erneut|noch einmal))\b/;
// When the trouble started, already said: "since yesterday", "seit dem Update", "this morning".
const STARTED_AT = /\b(since|seit|depuis|desde)\b|\b(this morning|last night|an hour ago|\d+ (?:hours?|days?|minutes?) ago|heute (?:morgen|fruh)|ce matin|esta manana)\b/;
// "How do I add a new rep…?": a how-to, answered, not investigated.
const HOW_TO = /^(?:how (?:do|can|should|would) (?:i|we)|how to|where (?:do|can) (?:i|we)|is there a way to)\b/i;

/**
 * Support replies. A problem is acknowledged and investigated (a screenshot, and when it started unless they said);
 * a how-to question is answered under its quote; a request to send something again gets it, not a troubleshooting
 * questionnaire.
 */
function support(c: Ctx): Draft[] {
  const r1 = c.resources[0];
  const details: Draft = {
    id: 'support-details',
    title: 'Acknowledge and ask for details',
    why: 'Takes the problem seriously and asks for exactly what is needed to fix it.',
    parts: [
      'Sorry about the trouble, and thanks for flagging it.',
      opt(quoteBlock(c)),
      `To look into it properly, could you send me a screenshot of what you see${STARTED_AT.test(c.subjectAndBody) ? '' : ' and roughly when it started'}?`,
      r1 ? `In case it helps while I look into it:\n${list([r1])}` : '',
    ],
    resourceIds: ids([r1 ?? null]),
  };
  if (RESEND.test(c.subjectAndBody)) {
    return [
      {
        id: 'support-resend',
        title: 'Send it again',
        why: 'They asked for something to be sent again: send it, with no questions attached.',
        parts: ['Of course, and sorry you had to ask.', 'Here it is again:', ANSWER_PLACEHOLDER, 'If it does not open for you, tell me and I will send it another way.'],
        resourceIds: [],
      },
      {
        id: 'support-resend-brief',
        title: 'Send it again, briefly',
        why: 'The shortest way to give them what they asked for.',
        parts: ['Here you go:', ANSWER_PLACEHOLDER, 'Let me know if anything else is missing.'],
        resourceIds: [],
      },
    ];
  }
  if (c.questions.some((q) => HOW_TO.test(q))) {
    return [
      {
        id: 'support-answer',
        title: 'Answer how to do it',
        why: 'A how-to question: answer it step by step, right under their words.',
        parts: ['Thanks for asking.', ...answerBlocks(c), 'If a step does not look the way it should on your screen, reply with what you see and I will help from there.'],
        resourceIds: [],
      },
      details,
    ];
  }
  return [
    details,
    {
      id: 'support-guide',
      title: 'Something to check first',
      why: 'Gives them something they can act on right away, then offers to take over.',
      parts: [
        'Thanks for letting me know.',
        'A first thing to check: whether anything changed recently (a new user, a changed setting, an update), since that is a common cause.',
        r1 ? `This may also help:\n${list([r1])}` : '',
        'If it is still not right after that, reply with what you see and I will take it from there.',
      ],
      resourceIds: ids([r1 ?? null]),
    },
  ];
}

function intro(c: Ctx): Draft[] {
  const r1 = c.resources[0];
  const thanks = c.name ? `Thank you for the introduction, ${c.name}! Moving you to bcc to spare your inbox.` : 'Thank you for the introduction! Moving our connector to bcc to spare their inbox.';
  if (c.triage.fit === 'not_fit') {
    const p = c.person;
    return [
      {
        id: 'intro-redirect',
        title: 'Thank them, point to the right person',
        why: 'Honest that this is not your area, and helps anyway with an introduction or a pointer.',
        parts: [
          thanks,
          // Someone better placed only when there is someone to name; otherwise a pointer, and no promise of a person.
          `Nice to meet you. ${c.askedFor ? `I don't do ${lcFirst(c.askedFor)} myself` : "This isn't my area"}, ${p ? 'so let me point you to someone better placed.' : 'but I can point you in a useful direction.'}`,
          p ? introOffer(p) : '',
          r1 ? `In the meantime, this may help:\n${list([r1])}` : tipLine(c, 'In the meantime, one tip:'),
        ],
        resourceIds: ids([p, r1 ?? null]),
      },
      {
        id: 'intro-pointers',
        title: 'Thank them, share pointers',
        why: 'Short and useful: pointers without pretending it is your field.',
        parts: [
          thanks,
          'Nice to meet you. This is outside what I do, but here is where I would start:',
          c.resources.length ? list(c.resources.slice(0, 2)) : c.concept?.tip ?? GENERIC_TIP.charAt(0).toUpperCase() + GENERIC_TIP.slice(1),
        ],
        resourceIds: ids(c.resources.slice(0, 2)),
      },
    ];
  }
  return [
    {
      id: 'intro-welcome',
      title: 'Thank the introducer, help first',
      why: 'Thanks the connector, gives the new contact something useful, and asks one open question.',
      parts: [
        thanks,
        `Nice to meet you.${c.concept ? ` I hear you are working on ${c.topic}.` : ''}`,
        r1 ? `Here is something that may be useful straight away:\n${list([r1])}` : tipLine(c, 'One thing that often helps:'),
        discoveryOf(c) || 'What are you working on at the moment, and where could an outside view help?',
      ],
      resourceIds: ids([r1 ?? null]),
    },
    {
      id: 'intro-short',
      title: 'Short and warm',
      why: 'A brief, friendly reply that leaves the next step with them.',
      parts: [
        thanks,
        'Nice to meet you. Tell me a little about what you are working on, and I will share whatever I know that might help.',
        r1 ? `To start with, this may be useful:\n${list([r1])}` : '',
      ],
      resourceIds: ids([r1 ?? null]),
    },
  ];
}

/**
 * Where the rep writes their own answer to a direct question the suggestions cannot answer for them (a date, a yes or
 * no). The studio will not put a reply into Gmail while it is still there.
 */
export const ANSWER_PLACEHOLDER = '[your answer]';

function other(c: Ctx): Draft[] {
  const r1 = c.resources[0];
  const signals = (Array.isArray(c.triage.signals) ? c.triage.signals : []).join(' | ');
  // A direct question ("does Monday at 9 work for you?") is answered, not thanked for: the pleasantries below would
  // be exactly the content-free reply this product exists to prevent.
  const asked = c.questions.length > 0 && !/automatic reply|removed from a list|thank-you|invitation/.test(signals);
  if (asked) {
    return [
      {
        id: 'other-answer',
        title: 'Answer their question',
        why: 'They asked something direct: quote it, answer it, and leave it at that.',
        parts: ['Thanks for your message.', ...answerBlocks(c), 'Have a good week.'],
        resourceIds: [],
      },
      {
        id: r1 ? 'other-answer-useful' : 'other-answer-warm',
        title: r1 ? 'Answer, with something useful' : 'Answer, warmly',
        why: r1 ? 'Answers their question first, then gives a little value, with no ask attached.' : 'Answers their question in a warmer tone; nothing asked of them.',
        parts: ['Thank you for writing; it was good to hear from you.', ...answerBlocks(c), r1 ? `In case it is useful:\n${list([r1])}` : '', 'All the best.'],
        resourceIds: r1 ? [r1.id] : [],
      },
    ];
  }
  // Two genuinely different openings per situation, so the second card is not the first one with a footer.
  let lines: [string, string];
  if (/automatic reply/.test(signals)) lines = ['Thanks, and no rush at all. This can wait until you are back.', 'No need to reply to this one; enjoy the time away.'];
  else if (/removed from a list/.test(signals)) lines = ['Sorry for the clutter. I will take you off my list.', 'Understood, and thanks for telling me directly. You will not hear from me again unless you write first.'];
  else if (/thank-you/.test(signals)) lines = ['Thank you, that is good to hear. I am glad it helped.', 'That made my day, thank you for taking the time to tell me.'];
  else if (/invitation/.test(signals)) lines = ['Thank you for the invitation, that is kind of you. I will look at my calendar and let you know.', 'Thanks for thinking of me. I cannot promise yet whether I can make it, but I will tell you either way.'];
  else lines = ['Thanks for your message, I appreciate it.', 'Thank you for writing; it was good to hear from you.'];
  // Someone who asked to be removed, or an auto-reply, gets nothing extra: an article would be one more unwanted email.
  const quiet = /automatic reply|removed from a list/.test(signals);
  const gift = quiet ? '' : r1 ? `In case it is useful:\n${list([r1])}` : tipLine(c, 'In case it is useful, one thing I see work well:');
  return [
    {
      id: 'other-brief',
      title: 'Brief and friendly',
      why: 'A short, courteous reply: nothing asked of them.',
      parts: [lines[0], 'Have a good week.'],
      resourceIds: [],
    },
    {
      id: gift ? 'other-useful' : 'other-warm',
      title: gift ? 'Friendly, with something useful' : 'Warm and personal',
      why: gift ? 'Courteous and gives a little value, with no ask attached.' : 'A warmer variant; nothing asked of them.',
      parts: [lines[1], gift, 'All the best.'],
      resourceIds: gift && r1 ? [r1.id] : [],
    },
  ];
}

/**
 * Two or three value-first reply suggestions for a triaged inquiry: honest about fit, personalised (name, company,
 * their question, a relevant note), giving a resource or an answer before any ask, and signed with the rep's sign-off.
 */
export function suggestReplies(context: ReplyContext): ReplySuggestion[] {
  const c = buildCtx(context);
  const t = c.triage;
  let drafts: Draft[];
  if (t.intent === 'vendor_pitch') drafts = vendor(c);
  else if (t.intent === 'job') drafts = job(c);
  else if (t.intent === 'stall') drafts = stall(c);
  else if (t.intent === 'decline') drafts = decline(c);
  else if (t.intent === 'research') drafts = research(c);
  else if (t.intent === 'partnership') drafts = partnership(c);
  else if (t.intent === 'intro') drafts = intro(c);
  else if (t.fit === 'not_fit') drafts = notFit(c);
  else if (t.intent === 'support') drafts = support(c);
  else if (t.intent === 'purchase' || t.intent === 'advice') drafts = fitHelp(c);
  else drafts = other(c);

  const greeting = greet(c, t.intent === 'intro');
  const sig = signature(context);
  return drafts.slice(0, 3).map((d) => finish(d, greeting, sig));
}
