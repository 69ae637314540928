import type { Commitment, Contact, Interaction, ThreadRow } from '../db/models';
import { DeclineReasonSchema, type DeclineReason } from '../replies/types';
import { STAGE_LABEL, StageSchema, type Stage } from '../playbook/types';

/**
 * The goodwill report: what helping first has paid back. Pure functions over plain arrays; the clock is passed in,
 * so the same rows always give the same numbers.
 *
 * Every range is half-open, `[from, to)`: the page passes local midnight of the first day and local midnight of the
 * day after the last one, so a day is never counted in two adjacent ranges.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 7 × 24 hours. The chart's weeks are calendar weeks (`weekBuckets`): 167 or 169 hours across a DST change. */
export const WEEK = 7 * DAY;

/** The rows the report reads; the page loads them with `loadReportInput`, tests build them by hand. */
export interface ReportInput {
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  commitments: readonly Commitment[];
  threads: readonly ThreadRow[];
}

/** The report's filter: a half-open time range and, optionally, one tag (segment). */
export interface ReportFilter {
  from: number;
  to: number;
  tag?: string | null;
}

/** How the inquiries chart groups its range: by week, or by calendar month over long ranges (`periodUnit`). */
export type PeriodUnit = 'week' | 'month';

/** Ranges longer than this many weeks are grouped by month: past half a year weekly bars get thin and their labels crowd (a year has 53). */
export const MONTHLY_AFTER_WEEKS = 26;

/** One week or month of inquiries: `[start, end)`, how many arrived, how many got an answer, and the median time to answer. */
export interface PeriodBucket {
  start: number;
  end: number;
  received: number;
  answered: number;
  medianMs: number | null;
}

/** Inquiries whose first inbound message is in range, and how fast the rep answered them. */
export interface InquiryStats {
  received: number;
  answered: number;
  unanswered: number;
  /** Median of (first reply − first inbound) over answered inquiries; null when none was answered. */
  medianMs: number | null;
  /** What `periods` are: weeks, or calendar months for a range over `MONTHLY_AFTER_WEEKS` weeks. */
  unit: PeriodUnit;
  periods: PeriodBucket[];
}

/** Not-a-fit leads helped in range, and what the referrals they sent became. */
export interface HelpedStats {
  /** Contacts in `not_fit_helped` whose move into that stage falls in range. */
  helped: number;
  /** Contacts created in range whose `referredBy` is a lead in `not_fit_helped` (helped at any time). */
  referrals: number;
  /** How many distinct helped leads sent those referrals. */
  referrers: number;
  /** The referrals by the stage they are in now. */
  byStage: Record<Stage, number>;
}

/** The rep's own promises: kept and missed (resolved in range), and still open past their due date. */
export interface PromiseStats {
  kept: number;
  missed: number;
  /** Open, due in range and before `now`. */
  openOverdue: number;
  /** kept / (kept + missed); null when nothing was resolved. */
  keptShare: number | null;
}

/** Gives (value_given) and asks (ask + follow_up) of one contact in range. */
export interface ContactBalance {
  contactId: string;
  name: string;
  gives: number;
  asks: number;
}

/** Give/ask balance across contacts: how many the rep gave more to, as much to, or asked more of. */
export interface BalanceStats {
  givers: number;
  balanced: number;
  askers: number;
  gives: number;
  asks: number;
  /** Contacts with at least one give or ask, the most ask-heavy first: who to give something to next. */
  perContact: ContactBalance[];
}

/** Stated and real counts of one decline reason. */
export interface DeclineReasonCount {
  reason: DeclineReason;
  stated: number;
  real: number;
}

/** Why people said no: as they put it, and (once learned) the real reason. */
export interface DeclineStats {
  /** Contacts with a stated or real decline reason, declined in range. */
  declines: number;
  /** How many of them have a real reason learned. */
  realLearned: number;
  /** How many have both, and the real one differs from the stated one. */
  differs: number;
  /** One row per reason, in the schema's order (so the chart's categories never move). */
  reasons: DeclineReasonCount[];
}

/** The report's sections, one card each (`helped` is the referrals card). */
export const SECTIONS = ['inquiries', 'helped', 'promises', 'balance', 'declines'] as const;
/** One of the report's sections. */
export type Section = (typeof SECTIONS)[number];

/** Everything the goodwill report shows. */
export interface GoodwillReport {
  filter: { from: number; to: number; tag: string | null };
  inquiries: InquiryStats;
  helped: HelpedStats;
  promises: PromiseStats;
  balance: BalanceStats;
  declines: DeclineStats;
  /** True when nothing at all falls in the filter (the page shows its empty state). */
  empty: boolean;
}

/** True when `t` is in the half-open range `[from, to)`. */
export function inRange(t: number | null | undefined, f: { from: number; to: number }): t is number {
  return typeof t === 'number' && t >= f.from && t < f.to;
}

/** Median of numbers; the mean of the two middle values for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Every tag on any contact, sorted, once each: the options of the tag filter. */
export function tagsOf(contacts: readonly Contact[]): string[] {
  return [...new Set(contacts.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b));
}

/**
 * Keeps only contacts with `tag`, and the interactions, commitments and threads of those contacts. No tag: all rows
 * (threads with no saved contact included: an unsaved sender's inquiry still counts).
 */
export function filterByTag(input: ReportInput, tag: string | null | undefined): ReportInput {
  if (!tag) return input;
  const contacts = input.contacts.filter((c) => c.tags.includes(tag));
  const ids = new Set(contacts.map((c) => c.id));
  return {
    contacts,
    interactions: input.interactions.filter((i) => ids.has(i.contactId)),
    commitments: input.commitments.filter((k) => ids.has(k.contactId)),
    threads: input.threads.filter((t) => t.contactId !== null && ids.has(t.contactId)),
  };
}

/**
 * The stage a `stage_changed` interaction moved the contact into, or null when it names none. No writer of these
 * rows has fixed a format yet, so this reads the last stage mentioned in the source key (`stage:<to>:<uuid>`, or
 * `stage:<from>:<to>:…`) and else in the subject ("New inquiry → Not a fit — helped"): in "from → to" the target
 * comes last.
 */
export function stageChangedTo(i: Pick<Interaction, 'kind' | 'sourceKey' | 'subject'>): Stage | null {
  if (i.kind !== 'stage_changed') return null;
  for (const text of [i.sourceKey, i.subject ?? '']) {
    let best: Stage | null = null;
    let bestAt = -1;
    for (const stage of StageSchema.options) {
      for (const needle of [stage, STAGE_LABEL[stage]]) {
        const at = text.lastIndexOf(needle);
        if (at > bestAt) {
          best = stage;
          bestAt = at;
        }
      }
    }
    if (best) return best;
  }
  return null;
}

/** Per contact, when it last moved into `stage` (from its `stage_changed` history). */
function lastMoveInto(interactions: readonly Interaction[], stage: Stage): Map<string, number> {
  const at = new Map<string, number>();
  for (const i of interactions) {
    if (i.kind !== 'stage_changed' || stageChangedTo(i) !== stage) continue;
    const prev = at.get(i.contactId);
    if (prev === undefined || i.at > prev) at.set(i.contactId, i.at);
  }
  return at;
}

/**
 * Half-open calendar-week buckets from `from`, each starting at the same local time of day (midnight, as the page
 * passes it); the last one stops at `to`. Empty when the range is empty or not a range.
 */
export function weekBuckets(f: { from: number; to: number }): { start: number; end: number }[] {
  if (!Number.isFinite(f.from) || !Number.isFinite(f.to) || f.to <= f.from) return [];
  const d = new Date(f.from);
  // Stepped by calendar days, not by 7 × 24 h: a week across a DST change is an hour shorter or longer, and a fixed
  // step would start every later bucket at 23:00 or 01:00 (and add a one-hour bucket at the end).
  const weekAfter = (i: number) =>
    new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7 * i, d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()).getTime();
  const out: { start: number; end: number }[] = [];
  for (let i = 0, start = f.from; start < f.to; i += 1) {
    const next = weekAfter(i + 1);
    // `next < f.to` is false for NaN too (a `from` beyond the dates Date can hold): the bucket then runs to the end.
    const end = next < f.to ? next : f.to;
    out.push({ start, end });
    start = end;
  }
  return out;
}

/**
 * Half-open calendar-month buckets: the first runs from `from` to the 1st of the next month, then one per month, and
 * the last stops at `to` (so the first and last may be part months). Empty when the range is empty or not a range.
 */
export function monthBuckets(f: { from: number; to: number }): { start: number; end: number }[] {
  if (!Number.isFinite(f.from) || !Number.isFinite(f.to) || f.to <= f.from) return [];
  const d = new Date(f.from);
  // The 1st of the i-th month after `from`'s, at `from`'s time of day (local midnight, as the page passes it).
  const monthAfter = (i: number) => new Date(d.getFullYear(), d.getMonth() + i, 1, d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()).getTime();
  const out: { start: number; end: number }[] = [];
  for (let i = 1, start = f.from; start < f.to; i += 1) {
    const next = monthAfter(i);
    // As in weekBuckets: false for NaN too, so a date beyond what Date can hold ends the last bucket at `to`.
    const end = next < f.to ? next : f.to;
    out.push({ start, end });
    start = end;
  }
  return out;
}

/** Weeks for up to `MONTHLY_AFTER_WEEKS` weeks (a part week counts), calendar months beyond. */
export function periodUnit(f: { from: number; to: number }, weeks = weekBuckets(f)): PeriodUnit {
  return weeks.length > MONTHLY_AFTER_WEEKS ? 'month' : 'week';
}

/** Inquiries (threads by first inbound message) in range, answered or not, per week (per month over long ranges) and overall. */
export function inquiryStats(threads: readonly ThreadRow[], f: { from: number; to: number }): InquiryStats {
  const inRangeThreads = threads.filter((t) => inRange(t.firstInboundAt, f));
  // A reply stamped before the inquiry is clock skew between machines, not a negative wait.
  const wait = (t: ThreadRow) => Math.max(0, t.firstReplyAt! - t.firstInboundAt!);
  const answeredOf = (ts: readonly ThreadRow[]) => ts.filter((t) => t.firstReplyAt !== null);
  const answered = answeredOf(inRangeThreads);
  const weeks = weekBuckets(f);
  const unit = periodUnit(f, weeks);
  const periods = (unit === 'month' ? monthBuckets(f) : weeks).map(({ start, end }) => {
    const ts = inRangeThreads.filter((t) => inRange(t.firstInboundAt, { from: start, to: end }));
    const a = answeredOf(ts);
    return { start, end, received: ts.length, answered: a.length, medianMs: median(a.map(wait)) };
  });
  return {
    received: inRangeThreads.length,
    answered: answered.length,
    unanswered: inRangeThreads.length - answered.length,
    medianMs: median(answered.map(wait)),
    unit,
    periods,
  };
}

/** An all-zero count per stage, in the schema's order. */
function zeroStages(): Record<Stage, number> {
  return Object.fromEntries(StageSchema.options.map((s) => [s, 0])) as Record<Stage, number>;
}

/**
 * Not-a-fit leads helped in range (dated by their latest `stage_changed` into `not_fit_helped`, else by
 * `updatedAt`), and the referrals that came from helped leads. A referral is dated by its own `createdAt`, and its
 * referrer may have been helped before the range: the payback of helping usually comes months later.
 * `allContacts` is where referrers are looked up, so a tag filter keeps referrals in the segment even when the lead
 * who sent them carries another tag.
 */
export function helpedStats(input: ReportInput, f: { from: number; to: number }, allContacts: readonly Contact[] = input.contacts): HelpedStats {
  const movedAt = lastMoveInto(input.interactions, 'not_fit_helped');
  const helped = input.contacts.filter((c) => c.stage === 'not_fit_helped' && inRange(movedAt.get(c.id) ?? c.updatedAt, f)).length;
  const helpedIds = new Set(allContacts.filter((c) => c.stage === 'not_fit_helped').map((c) => c.id));
  const referrals = input.contacts.filter((c) => c.referredBy !== null && helpedIds.has(c.referredBy) && inRange(c.createdAt, f));
  const byStage = zeroStages();
  for (const r of referrals) byStage[r.stage] += 1;
  return { helped, referrals: referrals.length, referrers: new Set(referrals.map((r) => r.referredBy)).size, byStage };
}

/**
 * The rep's own promises (`direction: mine`): kept and missed when resolved in range (`resolvedAt`, else
 * `updatedAt` for rows resolved before that field was filled), and open ones due in range that are overdue at `now`.
 */
export function promiseStats(commitments: readonly Commitment[], f: { from: number; to: number }, now: number): PromiseStats {
  let kept = 0;
  let missed = 0;
  let openOverdue = 0;
  for (const k of commitments) {
    if (k.direction !== 'mine') continue;
    if (k.status === 'open') {
      if (k.dueAt !== null && k.dueAt < now && inRange(k.dueAt, f)) openOverdue += 1;
    } else if (inRange(k.resolvedAt ?? k.updatedAt, f)) {
      if (k.status === 'done') kept += 1;
      else missed += 1;
    }
  }
  return { kept, missed, openOverdue, keptShare: kept + missed === 0 ? null : kept / (kept + missed) };
}

const GIVE_KINDS = new Set(['value_given']);
const ASK_KINDS = new Set(['ask', 'follow_up']);

/**
 * Per saved contact, value given vs. asks and follow-ups in range. A giver got more than they were asked for; an
 * asker the reverse. Contacts with neither are left out: no history is not a balance.
 */
export function balanceStats(input: ReportInput, f: { from: number; to: number }): BalanceStats {
  const names = new Map(input.contacts.map((c) => [c.id, c.name]));
  const per = new Map<string, ContactBalance>();
  for (const i of input.interactions) {
    const give = GIVE_KINDS.has(i.kind);
    if ((!give && !ASK_KINDS.has(i.kind)) || !inRange(i.at, f)) continue;
    const name = names.get(i.contactId);
    // A deleted contact's leftovers are no one's balance.
    if (name === undefined) continue;
    let row = per.get(i.contactId);
    if (!row) per.set(i.contactId, (row = { contactId: i.contactId, name, gives: 0, asks: 0 }));
    if (give) row.gives += 1;
    else row.asks += 1;
  }
  const rows = [...per.values()].sort((a, b) => b.asks - b.gives - (a.asks - a.gives) || a.name.localeCompare(b.name) || a.contactId.localeCompare(b.contactId));
  return {
    givers: rows.filter((r) => r.gives > r.asks).length,
    balanced: rows.filter((r) => r.gives === r.asks).length,
    askers: rows.filter((r) => r.asks > r.gives).length,
    gives: rows.reduce((n, r) => n + r.gives, 0),
    asks: rows.reduce((n, r) => n + r.asks, 0),
    perContact: rows,
  };
}

/**
 * Decline reasons, stated vs. real, of contacts declined in range: dated by their latest `stage_changed` into
 * `declined`, else by `updatedAt` (the same rule as "helped").
 */
export function declineStats(input: ReportInput, f: { from: number; to: number }): DeclineStats {
  const movedAt = lastMoveInto(input.interactions, 'declined');
  const declined = input.contacts.filter((c) => (c.declineStated || c.declineReal) && inRange(movedAt.get(c.id) ?? c.updatedAt, f));
  const reasons = DeclineReasonSchema.options.map((reason) => ({
    reason,
    stated: declined.filter((c) => c.declineStated?.reason === reason).length,
    real: declined.filter((c) => c.declineReal?.reason === reason).length,
  }));
  return {
    declines: declined.length,
    realLearned: declined.filter((c) => c.declineReal).length,
    differs: declined.filter((c) => c.declineStated && c.declineReal && c.declineStated.reason !== c.declineReal.reason).length,
    reasons,
  };
}

/**
 * True when a section has nothing in range: its card then says how data gets there instead of drawing an empty chart.
 * "Helped" is empty only with no lead helped and no referral, since either one alone is worth a bar.
 */
export function sectionEmpty(r: Pick<GoodwillReport, Section>, section: Section): boolean {
  switch (section) {
    case 'inquiries':
      return r.inquiries.received === 0;
    case 'helped':
      return r.helped.helped === 0 && r.helped.referrals === 0;
    case 'promises':
      return r.promises.kept + r.promises.missed + r.promises.openOverdue === 0;
    case 'balance':
      return r.balance.gives + r.balance.asks === 0;
    case 'declines':
      return r.declines.declines === 0;
  }
}

/** The whole goodwill report for one filter, at `now`. */
export function buildReport(all: ReportInput, filter: ReportFilter, now: number): GoodwillReport {
  const tag = filter.tag || null;
  const f = { from: filter.from, to: filter.to };
  const input = filterByTag(all, tag);
  const sections = {
    inquiries: inquiryStats(input.threads, f),
    helped: helpedStats(input, f, all.contacts),
    promises: promiseStats(input.commitments, f, now),
    balance: balanceStats(input, f),
    declines: declineStats(input, f),
  };
  // The same test as each card's, so the page is empty exactly when every card would be.
  const empty = SECTIONS.every((s) => sectionEmpty(sections, s));
  return { filter: { from: f.from, to: f.to, tag }, ...sections, empty };
}
