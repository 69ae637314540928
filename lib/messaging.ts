// zod/mini: content scripts import this module, and they have a size budget.
import * as z from 'zod/mini';
import { GmailThreadSchema, type GmailThread } from './gmail/types';
import { LinkedInProfileSchema } from './linkedin/types';

/**
 * The one message protocol of the extension. Every message is a zod-validated object with a `type`; every
 * receiver checks who sent it (see `trustedContentSite` / `isTrustedExtensionSender`) and drops the rest.
 */

/** Largest serialized message accepted, in characters: a page cannot make the extension hold megabytes. */
export const MAX_MESSAGE_CHARS = 2_000_000;

/** What a content script read from its tab. `thread`/`profile` is null when the page could not be read. */
export const PageSnapshotSchema = z.discriminatedUnion('site', [
  z.object({
    site: z.literal('gmail'),
    url: z.string().check(z.maxLength(4000)),
    readAt: z.number(),
    thread: z.nullable(GmailThreadSchema),
    /** True when the URL looks like an open thread (so a null thread means "couldn't read", not "inbox"). */
    threadUrl: z.boolean(),
  }),
  z.object({
    site: z.literal('linkedin'),
    url: z.string().check(z.maxLength(4000)),
    readAt: z.number(),
    profile: z.nullable(LinkedInProfileSchema),
    profileUrl: z.boolean(),
  }),
]);
export type PageSnapshot = z.infer<typeof PageSnapshotSchema>;

/** Messages content scripts send to the background. */
export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page:snapshot'), snapshot: PageSnapshotSchema }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

/** Messages extension pages (side panel, options) send to a content script. */
export const PanelToContentSchema = z.discriminatedUnion('type', [
  /** Read the page again now (e.g. after the rep changed their own addresses). */
  z.object({ type: z.literal('content:reread') }),
  /** Put this text into the open thread's reply box (Gmail only). */
  z.object({ type: z.literal('content:insert-reply'), text: z.string().check(z.minLength(1), z.maxLength(50_000)) }),
]);
export type PanelToContent = z.infer<typeof PanelToContentSchema>;

/** The hosts each site's content script may speak for. */
export const SITE_HOSTS = { gmail: 'mail.google.com', linkedin: 'www.linkedin.com' } as const;

/** The parts of `chrome.runtime.MessageSender` the checks read. */
export interface SenderLike {
  id?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  origin?: string;
  /** URL of the sending frame or extension page (set by the browser). */
  url?: string;
  /** `active`, `prerender`, `cached` or `pending_deletion` (Chrome 106+). */
  documentLifecycle?: string;
}

function parseUrl(url: string | undefined): URL | null {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
}

function siteOfHost(host: string): keyof typeof SITE_HOSTS | null {
  if (host === SITE_HOSTS.gmail) return 'gmail';
  if (host === SITE_HOSTS.linkedin) return 'linkedin';
  return null;
}

/** The site an https URL is on, or null (any other scheme, host or port). */
function siteOfUrl(url: string | undefined): keyof typeof SITE_HOSTS | null {
  const u = parseUrl(url);
  return u && u.protocol === 'https:' && u.port === '' ? siteOfHost(u.hostname) : null;
}

/**
 * A content script message is trusted when it comes from this extension, from the active document in a tab's top
 * frame, and that tab (as the browser reports it, not as the message claims) is on one of our two hosts over
 * https. The frame URL and origin, when the browser gives them, must agree with the tab. Returns the site or null.
 */
export function trustedContentSite(sender: SenderLike, extensionId: string): keyof typeof SITE_HOSTS | null {
  if (!extensionId || sender.id !== extensionId || !sender.tab || sender.frameId !== 0) return null;
  const tabId = sender.tab.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  // A prerendered page or one being unloaded must not overwrite what the tab shows.
  if (sender.documentLifecycle !== undefined && sender.documentLifecycle !== 'active') return null;
  const site = siteOfUrl(sender.tab.url);
  if (!site) return null;
  // Extra checks only (the tab is the authority): a frame elsewhere than its tab says is not ours to trust.
  if (sender.url !== undefined && siteOfUrl(sender.url) !== site) return null;
  if (sender.origin !== undefined && sender.origin !== `https://${SITE_HOSTS[site]}`) return null;
  return site;
}

/**
 * A message for a content script is trusted only from our own extension pages and service worker: this
 * extension's id and no tab (messages from content scripts, ours included, always carry their tab). The page URL
 * and origin, when present, must be this extension's too.
 */
export function isTrustedExtensionSender(sender: SenderLike, extensionId: string): boolean {
  if (!extensionId || sender.id !== extensionId || sender.tab) return false;
  const own = `chrome-extension://${extensionId}`;
  if (sender.url !== undefined && !sender.url.startsWith(`${own}/`)) return false;
  if (sender.origin !== undefined && sender.origin !== own) return false;
  return true;
}

/** Serialized length of a message, or Infinity when it cannot be serialized (cycles, BigInt, too deep). */
function sizeOf(raw: unknown): number {
  try {
    return JSON.stringify(raw)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function tooLarge(raw: unknown): boolean {
  return sizeOf(raw) > MAX_MESSAGE_CHARS;
}

/** Result of checking one incoming message. */
export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

/**
 * Validates a message a content script sent: a trusted sender (see `trustedContentSite`), within the size cap,
 * schema-valid, and a snapshot of the site its tab is on, with a URL on that site.
 */
export function checkContentMessage(raw: unknown, sender: SenderLike, extensionId: string): Checked<ContentToBackground> {
  const site = trustedContentSite(sender, extensionId);
  if (!site) return { ok: false, reason: 'untrusted sender' };
  // Size before parsing: validating megabytes is the cost a flood would impose.
  if (tooLarge(raw)) return { ok: false, reason: 'message too large' };
  const parsed = ContentToBackgroundSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `invalid payload: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
  if (parsed.data.snapshot.site !== site) return { ok: false, reason: 'snapshot site does not match the sender tab' };
  if (siteOfUrl(parsed.data.snapshot.url) !== site) return { ok: false, reason: 'snapshot url does not match the sender tab' };
  return { ok: true, message: parsed.data };
}

/** Validates a message an extension page sent to a content script. */
export function checkPanelMessage(raw: unknown, sender: SenderLike, extensionId: string): Checked<PanelToContent> {
  if (!isTrustedExtensionSender(sender, extensionId)) return { ok: false, reason: 'untrusted sender' };
  if (tooLarge(raw)) return { ok: false, reason: 'message too large' };
  const parsed = PanelToContentSchema.safeParse(raw);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, reason: 'invalid payload' };
}

/** Bodies kept in full for the newest messages only; older ones keep their snippet. Keeps snapshots small. */
export const FULL_BODIES = 5;

/** Most messages a snapshot carries (the newest). Gmail itself starts a new conversation after 100 messages. */
export const MAX_SENT_MESSAGES = 100;

/** Largest snapshot a content script sends, in serialized characters: half the receiver's cap, for headroom. */
export const MAX_SNAPSHOT_CHARS = MAX_MESSAGE_CHARS / 2;

/**
 * The newest `keep` messages of a thread, plus the latest inbound one when it is older (the panel's "who is this
 * with" must survive the cut), with `latestInboundIndex` moved along.
 */
function keepNewest(thread: GmailThread, keep: number): GmailThread {
  const cut = thread.messages.length - Math.max(1, keep);
  if (cut <= 0) return thread;
  const inbound = thread.latestInboundIndex;
  const kept = thread.messages.slice(cut);
  if (inbound !== null && inbound < cut) {
    return { ...thread, messages: [thread.messages[inbound]!, ...kept], latestInboundIndex: 0 };
  }
  return { ...thread, messages: kept, latestInboundIndex: inbound === null ? null : inbound - cut };
}

/**
 * Shrinks a thread for sending: at most `MAX_SENT_MESSAGES` newest messages (see `keepNewest`), full bodies only
 * for the last few.
 */
export function compactThread(thread: GmailThread): GmailThread {
  const capped = keepNewest(thread, MAX_SENT_MESSAGES);
  const cut = capped.messages.length - FULL_BODIES;
  if (cut <= 0) return capped;
  return { ...capped, messages: capped.messages.map((m, i) => (i < cut ? { ...m, body: '' } : m)) };
}

/** Recipients and participants kept per message when a snapshot is still too large after compacting. */
const FIT_RECIPIENTS = 20;
const FIT_PARTICIPANTS = 200;

/**
 * A snapshot that fits in `maxChars` serialized characters, so the background never drops it for size (a dropped
 * snapshot would leave the previous page's person on the panel). Shrinks in steps: fewer recipients and
 * participants, then half the messages at a time (newest kept), and as a last resort no thread or profile at all.
 */
export function fitSnapshot(snapshot: PageSnapshot, maxChars: number = MAX_SNAPSHOT_CHARS): PageSnapshot {
  if (sizeOf(snapshot) <= maxChars) return snapshot;
  if (snapshot.site === 'linkedin') return { ...snapshot, profile: null };
  let thread = snapshot.thread;
  if (thread) {
    thread = {
      ...thread,
      participants: thread.participants.slice(0, FIT_PARTICIPANTS),
      messages: thread.messages.map((m) => (m.to.length > FIT_RECIPIENTS ? { ...m, to: m.to.slice(0, FIT_RECIPIENTS) } : m)),
    };
    for (;;) {
      const next: PageSnapshot = { ...snapshot, thread };
      if (sizeOf(next) <= maxChars) return next;
      const smaller = keepNewest(thread, Math.floor(thread.messages.length / 2));
      // Two messages (the latest inbound kept beside the newest) cannot shrink further this way.
      if (smaller.messages.length >= thread.messages.length) break;
      thread = smaller;
    }
  }
  return { ...snapshot, thread: null };
}

/** Storage key under which the background keeps a tab's latest snapshot (in `storage.session`). */
export function tabKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** What the background stores per tab. */
export const TabStateSchema = z.object({ tabId: z.number().check(z.int()), snapshot: PageSnapshotSchema });
export type TabState = z.infer<typeof TabStateSchema>;
