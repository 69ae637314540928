import type { Commitment } from '../playbook/types';

/**
 * The commitments ledger, read at a moment in time. Customers keep qualifying us after the sale: "will you keep
 * your commitments?" (seed 001). So the ledger answers two questions before the rep writes again: what do I owe
 * this person, and how reliably have I kept my word?
 */

/** Counts behind the ledger card. */
export interface LedgerSummary {
  /** Open promises (overdue ones included) by the rep and by the contact. */
  openMine: number;
  openTheirs: number;
  /** Open promises whose due time has passed. */
  overdueMine: number;
  overdueTheirs: number;
  /** The rep's own promises marked done / marked missed. */
  kept: number;
  missed: number;
  /** kept / (kept + missed) for the rep's own promises; null before any is resolved (no record is not 0%). */
  keptRate: number | null;
}

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** True when the promise is still open and its due time is before `now`; undated promises are never overdue. */
export function isOverdue(c: Commitment, now: number): boolean {
  if (!c || c.status !== 'open' || !finite(c.dueAt) || !finite(now)) return false;
  return c.dueAt < now;
}

// `kept`, `missed` and `keptRate` count only the rep's promises ('mine'): the record is about whether *we* keep our
// word; the contact's missed promises are stall signs (lib/stalls), not a score.
/** Open and overdue counts for both sides, and the rep's own kept/missed record. */
export function ledgerSummary(commitments: readonly Commitment[], now: number): LedgerSummary {
  const s: LedgerSummary = { openMine: 0, openTheirs: 0, overdueMine: 0, overdueTheirs: 0, kept: 0, missed: 0, keptRate: null };
  if (!Array.isArray(commitments)) return s;
  for (const c of commitments) {
    if (!c || typeof c !== 'object') continue;
    const mine = c.direction === 'mine';
    if (c.direction !== 'mine' && c.direction !== 'theirs') continue;
    if (c.status === 'open') {
      if (mine) s.openMine += 1;
      else s.openTheirs += 1;
      if (isOverdue(c, now)) {
        if (mine) s.overdueMine += 1;
        else s.overdueTheirs += 1;
      }
    } else if (mine && c.status === 'done') s.kept += 1;
    else if (mine && c.status === 'missed') s.missed += 1;
  }
  const resolved = s.kept + s.missed;
  s.keptRate = resolved === 0 ? null : s.kept / resolved;
  return s;
}

function rank(c: Commitment, now: number): number {
  if (c.status !== 'open') return 3;
  if (c.direction === 'mine' && isOverdue(c, now)) return 0;
  return finite(c.dueAt) ? 1 : 2;
}

// Order: the rep's overdue promises (most overdue first), then every other open promise by due time (soonest
// first, the rep's before the contact's on a tie), then open promises without a date, then resolved ones (most
// recently resolved first). Returns a new array; filter on `status === 'open'` for the open list alone.
/** The ledger in the order to read before writing again: my overdue promises first, then open ones due soonest. */
export function openPromisesFirst(commitments: readonly Commitment[], now: number): Commitment[] {
  if (!Array.isArray(commitments)) return [];
  const list = commitments.filter((c): c is Commitment => !!c && typeof c === 'object');
  return list.slice().sort((a, b) => {
    const ra = rank(a, now);
    const rb = rank(b, now);
    if (ra !== rb) return ra - rb;
    if (ra === 0 || ra === 1) {
      const d = (a.dueAt as number) - (b.dueAt as number);
      if (d !== 0) return d;
      if (a.direction !== b.direction) return a.direction === 'mine' ? -1 : 1;
    }
    if (ra === 2 && a.direction !== b.direction) return a.direction === 'mine' ? -1 : 1;
    if (ra === 3) {
      const d = (finite(b.resolvedAt) ? b.resolvedAt : 0) - (finite(a.resolvedAt) ? a.resolvedAt : 0);
      if (d !== 0) return d;
    }
    // Stable, deterministic tie-break: oldest first, then id.
    const c = (finite(a.createdAt) ? a.createdAt : 0) - (finite(b.createdAt) ? b.createdAt : 0);
    if (c !== 0) return c;
    const ia = String(a.id);
    const ib = String(b.id);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}
