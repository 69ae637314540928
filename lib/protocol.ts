/**
 * The zod-free half of the message protocol (`lib/messaging.ts` holds the schemas and re-exports all of this): what
 * the content scripts need to check who talks to them, validate the panel's messages and build the snapshots they
 * send. A content script is evaluated on every Gmail and LinkedIn page load, so it must not build zod schemas:
 * constructing every schema of the protocol took ~30 ms there and made a long task on the page. Incoming messages
 * are validated with zod's own compiled check of `PanelToContentSchema` (generated ahead of time by
 * `npm run gen:parsers`), so the verdict is the schema's. Only types are imported from the schema modules.
 */
import type { GmailThread } from './gmail/types';
import type { PageSnapshot, PanelToContent } from './messaging';
import { INVALID, parsePanelToContentCompiled } from './panel-message-parser.gen';

/** Largest serialized message accepted, in characters: a page cannot make the extension hold megabytes. */
export const MAX_MESSAGE_CHARS = 2_000_000;

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
export function siteOfUrl(url: string | undefined): keyof typeof SITE_HOSTS | null {
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

/** True when a message is over `MAX_MESSAGE_CHARS` serialized (or cannot be serialized). */
export function tooLarge(raw: unknown): boolean {
  return sizeOf(raw) > MAX_MESSAGE_CHARS;
}

/** Result of checking one incoming message. */
export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

/** Validates a message an extension page sent to a content script. */
export function checkPanelMessage(raw: unknown, sender: SenderLike, extensionId: string): Checked<PanelToContent> {
  if (!isTrustedExtensionSender(sender, extensionId)) return { ok: false, reason: 'untrusted sender' };
  if (tooLarge(raw)) return { ok: false, reason: 'message too large' };
  // zod's compiled check of PanelToContentSchema (panel-message-parser.gen.ts): the same verdict and output as its
  // safeParse, without building the schema in the content script (see the module comment).
  const parsed = parsePanelToContentCompiled(raw);
  return parsed === INVALID ? { ok: false, reason: 'invalid payload' } : { ok: true, message: parsed };
}

/** Bodies kept in full for the newest messages (and the latest inbound one) only; older ones keep their snippet. */
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
  // The latest inbound message keeps its body wherever it is: it is what the reply studio triages and answers (after
  // a run of the rep's own messages it would otherwise be down to its 200-character snippet).
  const inbound = capped.latestInboundIndex;
  return { ...capped, messages: capped.messages.map((m, i) => (i < cut && i !== inbound ? { ...m, body: '' } : m)) };
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
