import type { GmailMessage, GmailPerson, GmailThread } from '../gmail/types';
import type { LinkedInProfile } from '../linkedin/types';
import { cleanText, normalizeEmail } from '../text';

/**
 * Free-mail and ISP domains: the part before the dot says nothing about the person's employer, so no company is
 * guessed from them.
 */
const PERSONAL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'outlook.com',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com',
  'proton.me', 'protonmail.com', 'pm.me', 'gmx.de', 'gmx.net', 'gmx.at', 'web.de', 't-online.de', 'orange.fr',
  'free.fr', 'laposte.net', 'wanadoo.fr', 'yandex.ru', 'yandex.com', 'mail.ru', 'qq.com', '163.com', '126.com',
  'zoho.com', 'fastmail.com', 'hey.com', 'tutanota.com', 'libero.it', 'virgilio.it', 'seznam.cz', 'wp.pl',
  'btinternet.com', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bigpond.com', 'shaw.ca', 'rogers.com',
]);

/** Whether a domain is free mail or an ISP's ("gmail.com"): everyone there is a stranger to everyone else. */
export function isPersonalDomain(domain: string): boolean {
  return PERSONAL_DOMAINS.has(domain.trim().toLowerCase());
}

// Second-level labels used under country codes ("acme.co.uk", "acme.com.au"): the name is the label before them.
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc', 'gob', 'ne', 'or']);

/**
 * The company a reply may name: a guess from the email domain ("larkspurdental.com" → "Larkspurdental") reads as a
 * misspelling of the real name in a personal email, so only a company the rep typed or LinkedIn gave is used.
 */
export function companyForReplies(who: { company: string | null; companySource: 'email_domain' | 'linkedin' | 'manual' | null } | null | undefined): string | null {
  if (!who?.company || who.companySource === 'email_domain') return null;
  return who.company;
}

/** Guesses a company name from an email domain ("ops@acme-labs.co.uk" → "Acme Labs"); null for free mail. */
export function companyFromEmail(email: string): string | null {
  const domain = email.split('@')[1]?.toLowerCase();
  if (!domain || PERSONAL_DOMAINS.has(domain)) return null;
  const labels = domain.split('.').filter(Boolean);
  if (labels.length < 2) return null;
  let i = labels.length - 2;
  if (i > 0 && SECOND_LEVEL.has(labels[i]!) && (labels[labels.length - 1]!.length === 2)) i -= 1;
  const label = labels[i]!;
  if (['mail', 'email', 'mx', 'smtp'].includes(label)) return null;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Lower-cased, accent-free name words, for matching the same person across Gmail and LinkedIn. */
export function nameTokens(name: string): string[] {
  const words = cleanText(name, 300)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // Drop bracketed extras such as "(She/Her)" or "(Acme)" and anything after a separator.
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((w) => w.length > 1 || /\p{Lo}/u.test(w));
  return [...new Set(words)].slice(0, 20);
}

/** The person a page is about, as the panel offers to save them. */
export interface ContactCandidate {
  source: 'gmail' | 'linkedin' | 'manual';
  name: string;
  email: string | null;
  company: string | null;
  companySource: 'email_domain' | 'linkedin' | 'manual' | null;
  title: string | null;
  location: string | null;
  linkedin: LinkedInProfile | null;
  /** Gmail only: the thread subject and when this person last wrote (epoch ms, null if unknown). */
  subject: string | null;
  lastWroteAt: number | null;
  lastWroteRaw: string | null;
}

/** True when `email` is the rep's: the thread's account, or an address listed in settings. */
export function isOwnEmail(email: string | null | undefined, thread: Pick<GmailThread, 'accountEmail'>, ownEmails: readonly string[]): boolean {
  const e = normalizeEmail(email ?? '');
  if (!e) return false;
  if (thread.accountEmail && e === thread.accountEmail.toLowerCase()) return true;
  return ownEmails.some((o) => o.toLowerCase() === e);
}

/** Index of the latest message not sent by the rep, with the settings' extra addresses taken into account. */
export function latestInboundIndex(thread: GmailThread, ownEmails: readonly string[]): number | null {
  for (let i = thread.messages.length - 1; i >= 0; i--) {
    const m = thread.messages[i]!;
    if (m.from && !m.fromMe && !isOwnEmail(m.from.email, thread, ownEmails)) return i;
  }
  return null;
}

/**
 * The rep's answer to the latest message from the other side: their newest message after it (its date, or the date
 * as Gmail shows it when that cannot be parsed), or null when that latest message is still unanswered.
 */
export function repliedAfterInbound(
  thread: GmailThread,
  ownEmails: readonly string[],
  inbound: number | null = latestInboundIndex(thread, ownEmails),
): { at: number | null; raw: string } | null {
  if (inbound === null) return null;
  for (let i = thread.messages.length - 1; i > inbound; i--) {
    const m = thread.messages[i]!;
    if (m.fromMe || isOwnEmail(m.from?.email, thread, ownEmails)) return { at: m.date, raw: m.dateRaw };
  }
  return null;
}

function displayName(p: GmailPerson): string {
  return cleanText(p.name, 300) || p.email;
}

/**
 * The other party of a thread: the sender of the latest inbound message, never the rep. When the rep wrote every
 * message (a cold email with no answer yet), the first recipient who is not the rep.
 */
export function otherPartyOfThread(thread: GmailThread, ownEmails: readonly string[] = []): ContactCandidate | null {
  const idx = latestInboundIndex(thread, ownEmails);
  let person: GmailPerson | null = null;
  let message: GmailMessage | null = null;
  if (idx !== null) {
    message = thread.messages[idx]!;
    person = message.from;
  } else {
    for (const m of thread.messages) {
      person = m.to.find((p) => !isOwnEmail(p.email, thread, ownEmails) && normalizeEmail(p.email)) ?? null;
      if (person) break;
    }
  }
  if (!person) return null;
  const email = normalizeEmail(person.email);
  const company = email ? companyFromEmail(email) : null;
  return {
    source: 'gmail',
    name: displayName(person),
    email,
    company,
    companySource: company ? 'email_domain' : null,
    title: null,
    location: null,
    linkedin: null,
    subject: thread.subject || null,
    lastWroteAt: message?.date ?? null,
    lastWroteRaw: message?.dateRaw || null,
  };
}

/** The candidate contact for a LinkedIn profile page. */
export function candidateFromProfile(profile: LinkedInProfile): ContactCandidate {
  return {
    source: 'linkedin',
    name: profile.name,
    email: null,
    company: profile.company,
    companySource: profile.company ? 'linkedin' : null,
    title: profile.title,
    location: profile.location,
    linkedin: profile,
    subject: null,
    lastWroteAt: null,
    lastWroteRaw: null,
  };
}

/** Everyone in the thread who is not the rep, by lower-cased email. */
export function externalEmails(thread: GmailThread, ownEmails: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of thread.participants) {
    const e = normalizeEmail(p.email);
    if (e && !isOwnEmail(e, thread, ownEmails)) out.add(e);
  }
  return [...out];
}
