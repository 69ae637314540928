import type { Contact, ThreadRow } from '../../lib/db/models';
import type { GmailMessage, GmailThread } from '../../lib/gmail/types';
import type { LinkedInProfile } from '../../lib/linkedin/types';

/** A Gmail message with sensible defaults. */
export function msg(over: Partial<GmailMessage> & { fromEmail?: string; fromName?: string }): GmailMessage {
  const { fromEmail, fromName, ...rest } = over;
  return {
    id: null,
    from: fromEmail ? { name: fromName ?? '', email: fromEmail } : null,
    to: [],
    date: null,
    dateRaw: '',
    body: '',
    snippet: '',
    collapsed: false,
    fromMe: false,
    ...rest,
  };
}

/** A Gmail thread whose participants are derived from its messages. */
export function thread(messages: GmailMessage[], over: Partial<GmailThread> = {}): GmailThread {
  const people = new Map<string, { name: string; email: string }>();
  for (const m of messages) for (const p of [m.from, ...m.to]) if (p) people.set(p.email, p);
  let latest: number | null = null;
  messages.forEach((m, i) => {
    if (!m.fromMe) latest = i;
  });
  return {
    threadId: 't1',
    subject: 'Question about onboarding',
    accountEmail: 'rep@brightpath.io',
    participants: [...people.values()],
    messages,
    latestInboundIndex: latest,
    matched: {},
    ...over,
  };
}

/** A LinkedIn profile with sensible defaults. */
export function profile(over: Partial<LinkedInProfile> = {}): LinkedInProfile {
  const slug = over.slug ?? 'dana-whitfield';
  return {
    slug,
    url: `https://www.linkedin.com/in/${slug}/`,
    name: 'Dana Whitfield',
    headline: 'Head of Operations at Northwind',
    company: 'Northwind',
    title: 'Head of Operations',
    location: 'Leeds, England',
    hasAbout: true,
    layout: 'artdeco-2024',
    matched: {},
    ...over,
  };
}

/** A saved contact row with empty defaults: `<id>@example.com`, no history, in conversation. */
export function contactRow(id: string, over: Partial<Contact> = {}): Contact {
  const name = over.name ?? id;
  return {
    id,
    name,
    nameTokens: name.toLowerCase().split(/\s+/).filter(Boolean),
    emails: [`${id}@example.com`],
    linkedinSlugs: [],
    linkedin: [],
    company: null,
    companySource: null,
    title: null,
    location: null,
    tags: [],
    createdAt: 0,
    updatedAt: 0,
    lastInteractionAt: null,
    stage: 'in_conversation',
    referredBy: null,
    declineStated: null,
    declineReal: null,
    ...over,
  };
}

/** A queue row for a thread: first inbound message, first reply (null: still waiting), optional contact. */
export function threadRow(threadId: string, firstInboundAt: number | null, firstReplyAt: number | null, over: Partial<ThreadRow> = {}): ThreadRow {
  return {
    threadId,
    url: '',
    subject: threadId,
    fromName: '',
    fromEmail: `${threadId}@example.com`,
    lastInboundAt: firstInboundAt,
    lastOutboundAt: firstReplyAt,
    firstInboundAt,
    firstReplyAt,
    contactId: null,
    needsReply: firstReplyAt === null ? 1 : 0,
    updatedAt: firstInboundAt ?? 0,
    ...over,
  };
}
