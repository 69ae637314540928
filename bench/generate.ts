/**
 * Seeded generator of a realistic Resourceful database: contacts, notes and history rows, valid under the zod row
 * schemas of `lib/db/models.ts`. Deterministic: the same spec gives byte-identical rows on every machine, in Node or
 * in a browser page, whatever the batch size.
 *
 * Shape: `planDataset(spec)` draws who the contacts are and how much history each has (cheap, O(contacts)); then
 * `rowsForContact(plan, i)` builds contact i with its notes and history from its own PRNG stream, so a page can
 * write a million rows in batches without holding them all. Per-contact volumes are heavy-tailed (Zipf, s = 0.5):
 * with 10k contacts and 1M rows the busiest contact has ≈5,000 history rows and ≈500 notes, the median ≈70 and ≈7.
 *
 * Reused by the benchmark (`scripts/bench.mjs`) and available to e2e tests (bundle or import it; no Node or DOM APIs).
 */
import { nameTokens } from '../lib/contacts/identity';
import type { Contact, Interaction, InteractionKind, LinkedInRef, Note } from '../lib/db/models';
import type { Stage } from '../lib/playbook/types';

/** What to generate. */
export interface DatasetSpec {
  seed: number;
  contacts: number;
  notes: number;
  interactions: number;
  /** Resources in the rep's library (the fixture library first, then generated ones; see `generateResources`). */
  resources?: number;
  /** The generated "now" (epoch ms): history spans the three years before it. */
  now?: number;
  /** People who must exist (e.g. the other party of a fixture thread); they take the busiest slots, in order. */
  heroes?: HeroSpec[];
}

/** A person the dataset must contain, with this email address. */
export interface HeroSpec {
  name: string;
  email: string;
  company?: string | null;
  /** Position by volume: 0 is the busiest contact (default: the hero's position in the list). */
  rank?: number;
}

/** The full benchmark database: 10k contacts, 100k notes, 1M history rows. */
export const FULL_SPEC: DatasetSpec = { seed: 20_261_120, contacts: 10_000, notes: 100_000, interactions: 1_000_000, resources: 1_000 };
/** `--quick`: a twentieth of it (the browser writes ~2.5k rows/s on the 2-core benchmark machine). */
export const QUICK_SPEC: DatasetSpec = { seed: 20_261_120, contacts: 500, notes: 5_000, interactions: 50_000, resources: 1_000 };

/** 2026-11-20 09:00 UTC: a fixed clock, so rows do not depend on when they were generated. */
export const DEFAULT_NOW = Date.UTC(2026, 10, 20, 9, 0, 0);
const DAY = 86_400_000;
const SPAN = 3 * 365 * DAY;

// ---------------------------------------------------------------- PRNG

/**
 * sfc32 (128-bit state) seeded through splitmix32: streams seeded differently do not overlap in practice, which a
 * 32-bit-state generator cannot promise across 10k contacts drawing thousands of numbers each. Floats in [0, 1).
 */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A 32-bit mix of two integers (seeds per contact and per purpose). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** `n` (even) random hex digits. */
const hex = (r: Rand, n: number) => {
  let s = '';
  for (let i = 0; i < n; i += 2) s += HEX_BYTE[Math.floor(r() * 256)];
  return s;
};
/** A version-4-shaped UUID from the PRNG (the app's ids are `crypto.randomUUID()`). */
function uuid(r: Rand): string {
  const h = hex(r, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(r() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------- vocabulary

const FIRST = [
  'Priya', 'Marcus', 'Jonas', 'Katrin', 'Camille', 'Inês', 'Amara', 'Tomás', 'Sofia', 'Liam', 'Noah', 'Emma', 'Olivia', 'Ava', 'Mia',
  'Lucas', 'Mateo', 'Hugo', 'Léa', 'Chloé', 'Zoé', 'Élodie', 'Björn', 'Astrid', 'Freya', 'Lars', 'Ingrid', 'Sven', 'Anouk', 'Daan',
  'Sanne', 'Femke', 'Giulia', 'Marco', 'Chiara', 'Luca', 'Alessandro', 'Francesca', 'Carmen', 'Javier', 'Lucía', 'Diego', 'Valentina',
  'Hiroshi', 'Yuki', 'Aiko', 'Kenji', 'Mei', 'Wei', 'Jun', 'Min-jun', 'Ji-woo', 'Seo-yeon', 'Arjun', 'Ananya', 'Rohan', 'Kavya',
  'Vikram', 'Meera', 'Fatima', 'Omar', 'Layla', 'Yusuf', 'Amina', 'Tariq', 'Nadia', 'Kwame', 'Ngozi', 'Chidi', 'Thabo', 'Zanele',
  'Siobhan', 'Ciarán', 'Niamh', 'Declan', 'Aoife', 'Rhys', 'Carys', 'Dafydd', 'Ewan', 'Isla', 'Hamish', 'Morag', 'Dana', 'Ruth',
  'Greg', 'Marta', 'Jules', 'Pablo', 'Agnieszka', 'Piotr', 'Katarzyna', 'Tomasz', 'Ivana', 'Marek', 'Petra', 'Ondřej', 'Eszter',
  'Bence', 'Ioana', 'Andrei', 'Elena', 'Dmitri', 'Olga', 'Yaroslav', 'Oksana', 'Mehmet', 'Elif', 'Can', 'Zeynep', 'Nikos', 'Eleni',
];
const LAST = [
  'Natarajan', 'Oyelaran', 'Whitfield', 'Vogel', 'Aubert', 'Carvalho Duarte', 'Okonkwo', 'García', 'Rossi', 'Müller', 'Schmidt',
  'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Dubois', 'Moreau', 'Laurent', 'Lefèvre', 'Fontaine',
  'Rousseau', 'Johansson', 'Lindqvist', 'Andersson', 'Nilsson', 'de Vries', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Bianchi',
  'Romano', 'Colombo', 'Ricci', 'Marino', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Tanaka', 'Suzuki',
  'Takahashi', 'Watanabe', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Kim', 'Park', 'Choi', 'Sharma', 'Patel', 'Iyer', 'Reddy',
  'Gupta', 'Haddad', 'Khalil', 'Mansour', 'Aziz', 'Adler', 'Mensah', 'Owusu', 'Adeyemi', 'Nkosi', 'Dlamini', "O'Brien",
  'Murphy', 'Kelly', 'Byrne', 'Jones', 'Evans', 'Davies', 'MacLeod', 'Campbell', 'Stewart', 'Kowalski', 'Nowak', 'Wiśniewska',
  'Novák', 'Dvořák', 'Horváth', 'Popescu', 'Ionescu', 'Ivanova', 'Petrov', 'Shevchenko', 'Yılmaz', 'Demir', 'Papadopoulos',
];
const COMPANY_A = [
  'Larkspur', 'Harbor', 'Northwind', 'Brightpath', 'Cedar', 'Summit', 'Bluefin', 'Copperleaf', 'Redwood', 'Silverline', 'Ironbridge',
  'Maple', 'Granite', 'Lumen', 'Nimbus', 'Orchard', 'Pinecrest', 'Quartz', 'Riverstone', 'Sagebrush', 'Tidewater', 'Upland',
  'Verdant', 'Willow', 'Zephyr', 'Alder', 'Beacon', 'Clearwater', 'Driftwood', 'Evergreen', 'Foxglove', 'Goldfinch', 'Hawthorn',
  'Juniper', 'Kestrel', 'Lighthouse', 'Meridian', 'Oakridge', 'Polaris', 'Saltmarsh', 'Thistle', 'Wavecrest', 'Amberly', 'Birchwood',
];
const COMPANY_B = [
  'Dental', 'Logistics', 'Analytics', 'Health', 'Foods', 'Freight', 'Labs', 'Studio', 'Partners', 'Consulting', 'Software', 'Systems',
  'Robotics', 'Energy', 'Capital', 'Legal', 'Clinics', 'Outfitters', 'Bakery', 'Architects', 'Media', 'Security', 'Insurance', 'Travel',
];
const TLDS = ['com', 'com', 'com', 'io', 'co.uk', 'de', 'fr', 'es', 'nl', 'se', 'it', 'ie', 'ca', 'com.au'];
const FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'icloud.com', 'gmx.de', 'hotmail.fr'];
const TITLES = [
  'Head of Operations', 'Sales Director', 'VP Sales', 'Founder', 'Co-founder & CEO', 'Operations Manager', 'Office Manager',
  'Revenue Operations Lead', 'Managing Partner', 'CTO', 'Head of Customer Success', 'Marketing Manager', 'Practice Manager',
  'Business Development Manager', 'Procurement Lead', 'COO', 'Finance Director', 'Account Executive', 'Team Lead, Inside Sales',
];
const CITIES = [
  'Leeds, England', 'London, England', 'Dublin, Ireland', 'Berlin, Germany', 'Munich, Germany', 'Paris, France', 'Lyon, France',
  'Madrid, Spain', 'Barcelona, Spain', 'Lisbon, Portugal', 'Amsterdam, Netherlands', 'Stockholm, Sweden', 'Copenhagen, Denmark',
  'Milan, Italy', 'Warsaw, Poland', 'Prague, Czechia', 'Toronto, Canada', 'Austin, Texas', 'Chicago, Illinois', 'Sydney, Australia',
  'Dubai, UAE', 'Lagos, Nigeria', 'Cape Town, South Africa', 'Bengaluru, India', 'Singapore', 'Tokyo, Japan',
];
const TAGS = ['dental', 'logistics', 'saas', 'agency', 'retail', 'healthcare', 'enterprise', 'smb', 'referral', 'event-2026', 'partner', 'warm', 'cold', 'renewal', 'emea', 'dach', 'nordics', 'us'];
const STAGES: readonly Stage[] = ['new_inquiry', 'in_conversation', 'in_conversation', 'qualified', 'not_fit_helped', 'customer', 'customer', 'declined', 'nurture'];

const TOPICS = [
  'CRM rollout', 'pipeline review', 'onboarding plan', 'pricing question', 'renewal', 'data migration', 'Pipedrive setup', 'HubSpot import',
  'sales training', 'forecast accuracy', 'lead routing', 'territory planning', 'quarterly business review', 'reference call',
  'security questionnaire', 'proposal', 'pilot results', 'integration with Xero', 'reporting dashboard', 'contract terms',
];
const SUBJECT_SHAPES = ['{t}', 'Re: {t}', 'Re: {t} — next steps', 'Quick question about {t}', 'Fwd: {t}', '{t} for {c}', 'Re: Re: {t}'];
const NOTE_OPENERS = [
  'Call with {f}:', 'Met {f} at the {e}.', '{f} mentioned', 'Spoke to {f} —', 'Follow-up with {f}:', 'Email from {f}:', 'Coffee with {f}.',
  'Intro via {r}:', 'Demo for {c}:', 'QBR notes —',
];
const NOTE_FACTS = [
  'they run {n} clinics and want one shared pipeline', 'team of {n} reps, half of them still on spreadsheets', 'budget is set in {m}, not before',
  'their {t} slipped twice because nobody owns the data', 'wants a checklist before talking to vendors', 'currently on {v}, contract ends in {m}',
  'asked for a reference customer in {s}', 'the CFO signs anything above {n}k', 'prefers short calls, early mornings',
  'kids: two, both play football on Saturdays', 'sensitive about price after the last vendor', 'loved the onboarding checklist we sent',
  'not a fit for us — pointed them to {v} instead', 'referred us to a friend at {c}', 'worried about migrating {n}k contacts',
  'wants the {t} done before {m}', 'has a board meeting in {m}', 'their IT lead is sceptical of cloud tools',
  'moving offices in {m}, bad timing for a rollout', 'opened the pricing page three times this week',
];
const NOTE_NEXT = [
  'Send the {t} checklist.', 'Follow up in {m}.', 'Introduce to {r}.', 'No ask for now; share the case study.', 'Book a call after {m}.',
  'Promised to send the summary by Friday.', 'They will confirm the pilot scope next week.', 'Nothing to do until they come back.',
  'Check in after their board meeting.', 'Ask about the real reason they paused.',
];
const VENDORS = ['HubSpot', 'Pipedrive', 'Salesforce', 'Zoho', 'Close', 'Attio', 'monday.com', 'a spreadsheet'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Q1', 'Q2', 'Q3', 'Q4'];
const EVENTS = ['SaaStock meetup', 'trade fair', 'dental congress', 'logistics summit', 'local chamber breakfast', 'webinar'];
const SECTORS = ['dental', 'logistics', 'retail', 'legal', 'healthcare', 'construction'];
const SNIPPETS_IN = [
  'Thanks for the checklist, it helped us a lot. We are now comparing two options and would value your view on {t}.',
  'Sorry for the slow reply, the quarter end ate my week. Can we pick up the {t} conversation next week?',
  'We discussed it internally and the timing is not right for us until {m}. I will reach out then.',
  'Quick one: does your setup work with {v}? Our team of {n} is already on it.',
  'Attached are the numbers you asked for. Happy to walk you through them on a short call.',
  'My colleague at {c} is dealing with the same {t} problem, mind if I connect you two?',
];
const SNIPPETS_OUT = [
  'Here is the {t} checklist I mentioned; no need to reply, just use what helps.',
  'Good to hear from you. Two options for {t}, with the trade-offs of each, below.',
  'Happy to wait until {m}. In the meantime here is the case study from a {s} team your size.',
  'Thanks for the intro to {c}, I will keep you posted on how it goes.',
  'Following up on my note about {t}: one thing I noticed in your numbers that may save you a week.',
];

function fill(r: Rand, template: string, ctx: { f?: string; c?: string; r?: string }): string {
  return template.replace(/\{(\w)\}/g, (_, k: string) => {
    switch (k) {
      case 't':
        return pick(r, TOPICS);
      case 'f':
        return ctx.f ?? pick(r, FIRST);
      case 'c':
        return ctx.c ?? `${pick(r, COMPANY_A)} ${pick(r, COMPANY_B)}`;
      case 'r':
        return ctx.r ?? `${pick(r, FIRST)} ${pick(r, LAST)}`;
      case 'n':
        return String(int(r, 3, 60));
      case 'm':
        return pick(r, MONTHS);
      case 'v':
        return pick(r, VENDORS);
      case 'e':
        return pick(r, EVENTS);
      case 's':
        return pick(r, SECTORS);
      default:
        return k;
    }
  });
}

// ---------------------------------------------------------------- plan

/** Who a generated contact is (drawn up front, so emails are unique across the whole dataset). */
export interface PlannedContact {
  id: string;
  name: string;
  email: string;
  company: string | null;
  /** How many notes and history rows this contact gets (the history includes its "contact saved" row). */
  notes: number;
  interactions: number;
}

/** A planned dataset: the spec and every contact's identity and volumes. */
export interface DatasetPlan {
  spec: Required<Omit<DatasetSpec, 'heroes'>> & { heroes: HeroSpec[] };
  contacts: PlannedContact[];
}

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Splits `total` over `n` slots with Zipf(0.5) weights, slot 0 the largest; sums exactly to `total`. */
function zipfCounts(total: number, n: number, min: number): number[] {
  if (n === 0) return [];
  const base = Math.min(min, Math.floor(total / n));
  const rest = total - base * n;
  const w = Array.from({ length: n }, (_, i) => 1 / Math.sqrt(i + 1));
  const sum = w.reduce((a, b) => a + b, 0);
  const counts = w.map((x) => base + Math.floor((rest * x) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) counts[i]!++;
  return counts;
}

/** Draws the contacts of a dataset (identities and volumes). Cheap: O(contacts). */
export function planDataset(spec: DatasetSpec): DatasetPlan {
  const full = { ...spec, now: spec.now ?? DEFAULT_NOW, heroes: spec.heroes ?? [], resources: spec.resources ?? 0 };
  const r = prng(mix(full.seed, 0xc0ffee));
  const n = Math.max(full.contacts, full.heroes.length);
  // Every contact has at least its "contact saved" row, so history rows are at least one per contact.
  const interactions = zipfCounts(Math.max(full.interactions, n), n, 1);
  const notes = zipfCounts(full.notes, n, 0);
  const emails = new Set<string>();
  const contacts: PlannedContact[] = [];
  const heroAt = new Map<number, HeroSpec>();
  full.heroes.forEach((h, k) => {
    let at = Math.min(Math.max(0, h.rank ?? k), n - 1);
    while (heroAt.has(at)) at = (at + 1) % n;
    heroAt.set(at, h);
  });
  const heroEmails = new Set(full.heroes.map((h) => h.email.toLowerCase()));
  for (let i = 0; i < n; i++) {
    const hero = heroAt.get(i);
    let name: string;
    let email: string;
    let company: string | null;
    if (hero) {
      name = hero.name;
      email = hero.email.toLowerCase();
      company = hero.company ?? null;
    } else {
      const first = pick(r, FIRST);
      const last = pick(r, LAST);
      name = `${first} ${last}`;
      const free = r() < 0.12;
      company = free ? null : `${pick(r, COMPANY_A)} ${pick(r, COMPANY_B)}`;
      const domain = free ? pick(r, FREE_MAIL) : `${slugify(company!).replace(/-/g, '')}.${pick(r, TLDS)}`;
      const local = pick(r, [`${slugify(first)}.${slugify(last)}`, `${slugify(first)}`, `${slugify(first)[0]}${slugify(last)}`]).replace(/-/g, '');
      email = `${local}@${domain}`;
      for (let k = 2; emails.has(email) || heroEmails.has(email); k++) email = `${local}${k}@${domain}`;
    }
    emails.add(email);
    contacts.push({ id: uuid(r), name, email, company, notes: notes[i]!, interactions: interactions[i]! });
  }
  return { spec: full, contacts };
}

// ---------------------------------------------------------------- rows

/** One contact with everything that belongs to it. */
export interface ContactRows {
  contact: Contact;
  notes: Note[];
  interactions: Interaction[];
}

const KIND_WEIGHTS: [InteractionKind, number][] = [
  ['email_in', 40],
  ['email_out', 34],
  ['profile_visit', 8],
  ['value_given', 6],
  ['ask', 4],
  ['follow_up', 4],
  ['stage_changed', 2],
  ['commitment', 1],
  ['referral', 1],
];
const KIND_TOTAL = KIND_WEIGHTS.reduce((a, [, w]) => a + w, 0);
function pickKind(r: Rand): InteractionKind {
  let x = r() * KIND_TOTAL;
  for (const [k, w] of KIND_WEIGHTS) if ((x -= w) < 0) return k;
  return 'email_in';
}

/** Builds contact `i` of a plan with its notes and history, newest history last. Deterministic per (seed, i). */
export function rowsForContact(plan: DatasetPlan, i: number): ContactRows {
  const p = plan.contacts[i]!;
  const { now, seed } = plan.spec;
  const r = prng(mix(seed, i + 1));
  const first = p.name.split(' ')[0] ?? p.name;
  const company = p.company;
  const hasLinkedIn = r() < 0.35;
  const slug = `${slugify(p.name)}-${hex(r, 6)}`;
  const title = r() < 0.7 ? pick(r, TITLES) : null;
  const location = r() < 0.6 ? pick(r, CITIES) : null;
  const linkedin: LinkedInRef[] = hasLinkedIn
    ? [{ slug, url: `https://www.linkedin.com/in/${slug}/`, name: p.name, headline: title && company ? `${title} at ${company}` : title, company, title, location }]
    : [];
  const tags = [...new Set(Array.from({ length: int(r, 0, 3) }, () => pick(r, TAGS)))];
  const stage = pick(r, STAGES);
  // History: a first contact somewhere in the three years, then rows spread up to now, busiest contacts densest.
  const start = now - Math.floor(r() * SPAN * 0.95) - DAY;
  const n = p.interactions;
  const gap = Math.max(60_000, Math.floor((now - start) / Math.max(1, n)));
  const interactions: Interaction[] = [];
  const savedKey = `event:${uuid(r)}`;
  interactions.push({ id: `${p.id}|${savedKey}`, contactId: p.id, sourceKey: savedKey, kind: 'contact_saved', at: start, subject: null, snippet: null, threadId: null, url: null });
  let at = start;
  let thread = hex(r, 16);
  let subject = fill(r, pick(r, SUBJECT_SHAPES), { c: company ?? undefined });
  const visitedDays = new Set<string>();
  // A contact's mail reads alike (same people, same company): a few snippets each way, reused across messages.
  const ctx = { f: first, c: company ?? undefined };
  const snippetsIn = Array.from({ length: 6 }, () => fill(r, pick(r, SNIPPETS_IN), ctx).slice(0, 200));
  const snippetsOut = Array.from({ length: 6 }, () => fill(r, pick(r, SNIPPETS_OUT), ctx).slice(0, 200));
  for (let k = 1; k < n; k++) {
    at = Math.min(now - 1, at + Math.max(1_000, Math.floor(gap * (0.2 + 1.6 * r()))));
    let kind = pickKind(r);
    if (kind === 'profile_visit') {
      const day = new Date(at).toISOString().slice(0, 10);
      if (!hasLinkedIn || visitedDays.has(day)) kind = 'email_in';
      else visitedDays.add(day);
    }
    let row: Interaction;
    if (kind === 'email_in' || kind === 'email_out') {
      if (r() < 0.3) {
        thread = hex(r, 16);
        subject = fill(r, pick(r, SUBJECT_SHAPES), { c: company ?? undefined });
      }
      const sourceKey = `gmail:${hex(r, 16)}`;
      row = {
        id: `${p.id}|${sourceKey}`,
        contactId: p.id,
        sourceKey,
        kind,
        at,
        subject,
        snippet: pick(r, kind === 'email_in' ? snippetsIn : snippetsOut),
        threadId: thread,
        url: `https://mail.google.com/mail/u/0/#inbox/${thread}`,
      };
    } else if (kind === 'profile_visit') {
      const sourceKey = `li:${slug}:${new Date(at).toISOString().slice(0, 10)}`;
      row = { id: `${p.id}|${sourceKey}`, contactId: p.id, sourceKey, kind, at, subject: linkedin[0]?.headline ?? null, snippet: null, threadId: null, url: linkedin[0]?.url ?? null };
    } else {
      const sourceKey = `event:${uuid(r)}`;
      const subjectByKind: Partial<Record<InteractionKind, string>> = {
        value_given: `Sent: ${pick(r, TOPICS)} checklist`,
        ask: `Asked for a ${pick(r, ['call', 'meeting', 'proposal review', 'decision'])}`,
        follow_up: 'Follow-up',
        stage_changed: 'In conversation → Qualified',
        commitment: `Promise: send the ${pick(r, TOPICS)} summary`,
        referral: `Referred ${pick(r, FIRST)} ${pick(r, LAST)} to you`,
      };
      row = { id: `${p.id}|${sourceKey}`, contactId: p.id, sourceKey, kind, at, subject: subjectByKind[kind] ?? null, snippet: null, threadId: null, url: null };
    }
    interactions.push(row);
  }
  const notes: Note[] = [];
  for (let k = 0; k < p.notes; k++) {
    const created = start + Math.floor(r() * (now - start));
    const opener = fill(r, pick(r, NOTE_OPENERS), ctx);
    const fact = fill(r, pick(r, NOTE_FACTS), ctx);
    const parts = [opener, `${opener.endsWith('.') ? fact.charAt(0).toUpperCase() + fact.slice(1) : fact}.`];
    if (r() < 0.5) {
      const more = fill(r, pick(r, NOTE_FACTS), ctx);
      parts.push(`${more.charAt(0).toUpperCase() + more.slice(1)}.`);
    }
    if (r() < 0.7) parts.push(fill(r, pick(r, NOTE_NEXT), ctx));
    const edited = r() < 0.15;
    notes.push({
      id: uuid(r),
      contactId: p.id,
      text: parts.join(' '),
      pinned: r() < 0.03,
      createdAt: created,
      updatedAt: edited ? Math.min(now, created + int(r, 1, 30) * DAY) : created,
    });
  }
  const last = Math.max(interactions[interactions.length - 1]!.at, ...notes.map((x) => x.createdAt));
  const contact: Contact = {
    id: p.id,
    name: p.name,
    nameTokens: nameTokens(p.name),
    emails: [p.email],
    linkedinSlugs: hasLinkedIn ? [slug] : [],
    linkedin,
    company,
    companySource: company ? (hasLinkedIn ? 'linkedin' : 'email_domain') : null,
    title,
    location,
    tags,
    createdAt: start,
    updatedAt: Math.min(now, last),
    lastInteractionAt: last,
    stage,
    // A few contacts were referred by an earlier one.
    referredBy: i > 10 && r() < 0.03 ? plan.contacts[int(r, 0, i - 1)]!.id : null,
    declineStated: stage === 'declined' ? { reason: pick(r, ['price', 'budget', 'timing', 'incumbent'] as const), text: 'Not this year.' } : null,
    declineReal: null,
  };
  return { contact, notes, interactions };
}

/** Contacts [from, to) with their rows, flattened per table: one write batch. */
export function batchRows(plan: DatasetPlan, from: number, to: number): { contacts: Contact[]; notes: Note[]; interactions: Interaction[] } {
  const out = { contacts: [] as Contact[], notes: [] as Note[], interactions: [] as Interaction[] };
  for (let i = from; i < Math.min(to, plan.contacts.length); i++) {
    const rows = rowsForContact(plan, i);
    out.contacts.push(rows.contact);
    for (const n of rows.notes) out.notes.push(n);
    for (const x of rows.interactions) out.interactions.push(x);
  }
  return out;
}

/**
 * What a rep types into search, keystroke by keystroke: names, companies and words that occur in the generated
 * notes ("pipedrive", "onboarding checklist"), plus a miss. Each entry is the list of prefixes typed.
 */
export function typingSessions(plan: DatasetPlan, count: number, seed = plan.spec.seed): string[][] {
  const r = prng(mix(seed, 0x5ea7c4));
  const words = ['pipedrive', 'onboarding checklist', 'renewal', 'dental clinics', 'board meeting', 'migration', 'referred', 'spreadsheets', 'xylophone'];
  const sessions: string[][] = [];
  for (let k = 0; k < count; k++) {
    const which = k % 3;
    const c = plan.contacts[Math.floor(r() * plan.contacts.length)]!;
    const text = which === 0 ? c.name : which === 1 ? (c.company ?? c.name) : pick(r, words);
    const typed: string[] = [];
    for (let j = 1; j <= text.length; j++) typed.push(text.slice(0, j));
    sessions.push(typed);
  }
  return sessions;
}

// ---------------------------------------------------------------- resource library

const RESOURCE_TOPICS: [string, string[]][] = [
  ['CRM selection', ['crm', 'selection', 'hubspot', 'pipedrive']],
  ['CRM adoption', ['crm', 'adoption', 'training']],
  ['data migration', ['migration', 'data', 'import']],
  ['sales hiring', ['recruiting', 'hiring', 'sales']],
  ['pipeline reviews', ['pipeline', 'forecast', 'review']],
  ['pricing pages', ['pricing', 'website', 'conversion']],
  ['SEO basics', ['seo', 'website', 'google']],
  ['paid ads', ['ads', 'google-ads', 'marketing']],
  ['onboarding new customers', ['onboarding', 'customer-success']],
  ['churn interviews', ['churn', 'retention', 'customer-success']],
  ['cold email', ['outbound', 'email', 'prospecting']],
  ['sales compensation', ['compensation', 'commission', 'sales']],
  ['dental practice growth', ['dental', 'clinics', 'marketing']],
  ['freight quoting', ['logistics', 'freight', 'quoting']],
  ['GDPR for sales teams', ['gdpr', 'privacy', 'compliance']],
  ['proposal writing', ['proposal', 'rfp', 'writing']],
  ['territory planning', ['territory', 'planning', 'sales-ops']],
  ['customer references', ['references', 'case-study', 'trust']],
  ['negotiation', ['negotiation', 'pricing', 'deals']],
  ['sales enablement', ['enablement', 'playbook', 'training']],
];
const RESOURCE_SHAPES = [
  ['checklist', 'The {x} checklist for teams of {n}'],
  ['article', 'What we learned about {x} from {n} small teams'],
  ['template', 'A {x} template you can copy today'],
  ['tool', 'Free calculator: {x} in ten minutes'],
  ['article', '{x}: the five mistakes we see most'],
  ['checklist', 'Before you start on {x}: twenty questions'],
] as const;
const ROLES = ['independent web designer', 'fractional CFO', 'sales recruiter', 'SEO consultant', 'Google Ads specialist', 'CRM trainer', 'data engineer', 'employment lawyer'];

/**
 * A resource library of `count` entries: the `base` resources first (e.g. the fixture library), then generated ones
 * on the same topics, a tenth of them people the rep can introduce. Valid under `ResourceSchema`.
 */
export function generateResources<R extends { id: string }>(count: number, base: readonly R[] = [], seed = 7): (R | GeneratedResource)[] {
  const r = prng(mix(seed, 0x7e5));
  const out: (R | GeneratedResource)[] = base.slice(0, count);
  for (let i = out.length; i < count; i++) {
    const [topic, tags] = pick(r, RESOURCE_TOPICS);
    const created = DEFAULT_NOW - int(r, 1, 700) * DAY;
    if (r() < 0.1) {
      const role = pick(r, ROLES);
      const name = `${pick(r, FIRST)} ${pick(r, LAST)}`;
      out.push({
        id: `gen-person-${i}`,
        title: `${name}, ${role}`,
        url: null,
        summary: `${name} is a ${role} we trust. Good for teams that need help with ${topic.toLowerCase()} and want someone hands-on.`,
        tags: [...tags, role.split(' ').pop()!],
        kind: 'person',
        createdAt: created,
        updatedAt: created,
      });
      continue;
    }
    const [kind, shape] = pick(r, RESOURCE_SHAPES);
    const title = shape.replace('{x}', topic).replace('{n}', String(int(r, 5, 50)));
    out.push({
      id: `gen-${kind}-${i}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      url: `https://guides.example.com/${slugify(title)}-${i}`,
      summary: `${fill(r, 'A practical guide to {t}.', {})} Covers ${topic.toLowerCase()} step by step, with examples from ${pick(r, SECTORS)} teams of ${int(r, 5, 60)} people, and what to do when ${pick(r, VENDORS)} is already in place.`,
      tags: [...tags, pick(r, TAGS)].filter((t, k, a) => a.indexOf(t) === k),
      kind,
      createdAt: created,
      updatedAt: created,
    });
  }
  return out;
}

/** A generated resource (the shape of `Resource` in lib/replies/types.ts). */
export interface GeneratedResource {
  id: string;
  title: string;
  url: string | null;
  summary: string;
  tags: string[];
  kind: 'article' | 'checklist' | 'tool' | 'template' | 'person';
  createdAt: number;
  updatedAt: number;
}

/**
 * Drafts of exactly `words` words, stitched from a corpus of real drafts (so the trust check sees realistic
 * phrasing, including the seller-centric phrases it looks for).
 */
export function longDrafts(corpus: readonly { text: string }[], count: number, words = 300, seed = 11): string[] {
  const r = prng(mix(seed, 0xd4af7));
  const drafts: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = '';
    let n = 0;
    while (n < words) {
      const next = pick(r, corpus).text.trim();
      text += (text ? '\n\n' : '') + next;
      n += next.split(/\s+/).length;
    }
    // Exactly `words` words, with the corpus' own spacing and paragraph breaks.
    drafts.push((text.match(/\S+\s*/g) ?? []).slice(0, words).join('').trim());
  }
  return drafts;
}
