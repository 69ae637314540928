import { isOwnEmail, latestInboundIndex } from '../contacts/identity';
import type { ThreadRow } from '../db/models';
import type { GmailThread } from '../gmail/types';
import { cleanText, normalizeEmail } from '../text';

/**
 * The unanswered-inquiry queue (seed 000: never leave an inquiry unanswered). Every thread the rep opens is
 * summarised; a thread is waiting while its latest message is inbound and the rep has not replied since.
 */

/**
 * Summarises a thread read from Gmail into its queue row, keeping what earlier reads knew (the first inbound
 * message and the first reply survive a thread whose older messages Gmail no longer shows). Null without a
 * thread id or without any message from someone else.
 */
export function threadRowFrom(
  thread: GmailThread,
  ctx: { url: string; ownEmails: readonly string[]; previous?: ThreadRow | null; now: number },
): ThreadRow | null {
  if (!thread.threadId || thread.messages.length === 0) return null;
  const inboundIdx = latestInboundIndex(thread, ctx.ownEmails);
  const prev = ctx.previous ?? null;
  if (inboundIdx === null && !prev) return null;
  const mine = (i: number) => {
    const m = thread.messages[i]!;
    return m.fromMe || isOwnEmail(m.from?.email, thread, ctx.ownEmails);
  };
  let firstInbound: number | null = null;
  let lastInbound: number | null = null;
  let lastOutbound: number | null = null;
  let firstReply: number | null = null;
  thread.messages.forEach((m, i) => {
    if (!m.from) return;
    if (mine(i)) {
      if (m.date !== null) lastOutbound = Math.max(lastOutbound ?? -Infinity, m.date);
      if (firstReply === null && firstInbound !== null && m.date !== null && m.date >= firstInbound) firstReply = m.date;
    } else if (m.date !== null) {
      firstInbound ??= m.date;
      lastInbound = Math.max(lastInbound ?? -Infinity, m.date);
    }
  });
  const latest = inboundIdx === null ? null : thread.messages[inboundIdx]!;
  // Waiting for the rep: the last message of the thread (in Gmail's order) is someone else's.
  const needsReply = inboundIdx !== null && inboundIdx === thread.messages.length - 1 ? 1 : 0;
  const keepFirst = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const firstInboundAt = keepFirst(prev?.firstInboundAt ?? null, firstInbound);
  return {
    threadId: thread.threadId,
    url: ctx.url.slice(0, 4000),
    subject: cleanText(thread.subject, 1000),
    fromName: latest ? cleanText(latest.from?.name, 300) || (latest.from?.email ?? '') : (prev?.fromName ?? ''),
    fromEmail: latest ? (normalizeEmail(latest.from?.email) ?? '') : (prev?.fromEmail ?? ''),
    lastInboundAt: lastInbound ?? prev?.lastInboundAt ?? null,
    lastOutboundAt: lastOutbound ?? prev?.lastOutboundAt ?? null,
    firstInboundAt,
    // The first reply is only meaningful after the first inbound message.
    firstReplyAt: prev?.firstReplyAt ?? (firstReply !== null && firstInboundAt !== null && firstReply >= firstInboundAt ? firstReply : null),
    contactId: prev?.contactId ?? null,
    needsReply,
    updatedAt: ctx.now,
  };
}

/** True when a sender is muted: by full address, or by domain (`@news.example.com` also mutes its subdomains). */
export function isMuted(email: string, muted: readonly string[]): boolean {
  const e = email.toLowerCase();
  const domain = e.split('@')[1] ?? '';
  return muted.some((m) => {
    const x = m.trim().toLowerCase();
    if (!x) return false;
    if (x.startsWith('@')) {
      const d = x.slice(1);
      return domain === d || domain.endsWith(`.${d}`);
    }
    return x === e;
  });
}

/** The queue: threads waiting for a reply, senders not muted, oldest first. */
export function unansweredQueue(rows: readonly ThreadRow[], muted: readonly string[]): ThreadRow[] {
  return rows
    .filter((r) => r.needsReply === 1 && !isMuted(r.fromEmail, muted))
    .sort((a, b) => (a.lastInboundAt ?? Infinity) - (b.lastInboundAt ?? Infinity));
}

/** The age clock: "12 min", "5 h", "3 days", "2 weeks". */
export function ageLabel(since: number | null, now: number): string {
  if (since === null) return 'unknown';
  const m = Math.max(0, Math.floor((now - since) / 60_000));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h`;
  const d = Math.floor(h / 24);
  if (d < 14) return d === 1 ? '1 day' : `${d} days`;
  const w = Math.floor(d / 7);
  return `${w} weeks`;
}

/** The badge on the toolbar icon: the queue length, "99+" past 99, empty when nothing waits. */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}
