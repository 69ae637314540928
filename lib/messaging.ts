// zod/mini: content scripts import this module, and they have a size budget.
import * as z from 'zod/mini';
import { GmailThreadSchema, type GmailThread } from './gmail/types';
import { LinkedInProfileSchema } from './linkedin/types';

/**
 * The one message protocol of the extension. Every message is a zod-validated object with a `type`; every
 * receiver checks who sent it (see `isTrustedContentSender` / `isTrustedExtensionSender`) and drops the rest.
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
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}

/**
 * A content script message is trusted when it comes from this extension, from a tab's top frame, and that tab
 * (as the browser reports it, not as the message claims) is on one of our two hosts. Returns the site or null.
 */
export function trustedContentSite(sender: SenderLike, extensionId: string): keyof typeof SITE_HOSTS | null {
  if (sender.id !== extensionId || !sender.tab || typeof sender.tab.id !== 'number' || sender.frameId !== 0) return null;
  const host = hostOf(sender.tab.url);
  if (host === SITE_HOSTS.gmail) return 'gmail';
  if (host === SITE_HOSTS.linkedin) return 'linkedin';
  return null;
}

/** A message for a content script is trusted only from our own extension pages (never from another tab). */
export function isTrustedExtensionSender(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId && !sender.tab;
}

function tooLarge(raw: unknown): boolean {
  try {
    return JSON.stringify(raw).length > MAX_MESSAGE_CHARS;
  } catch {
    return true;
  }
}

/** Result of checking one incoming message. */
export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

/** Validates a message a content script sent, including that its site matches the sender's tab. */
export function checkContentMessage(raw: unknown, sender: SenderLike, extensionId: string): Checked<ContentToBackground> {
  const site = trustedContentSite(sender, extensionId);
  if (!site) return { ok: false, reason: 'untrusted sender' };
  if (tooLarge(raw)) return { ok: false, reason: 'message too large' };
  const parsed = ContentToBackgroundSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `invalid payload: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
  if (parsed.data.snapshot.site !== site) return { ok: false, reason: 'snapshot site does not match the sender tab' };
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

/** Shrinks a thread for sending: full bodies only for the last few messages. */
export function compactThread(thread: GmailThread): GmailThread {
  const cut = thread.messages.length - FULL_BODIES;
  if (cut <= 0) return thread;
  return { ...thread, messages: thread.messages.map((m, i) => (i < cut ? { ...m, body: '' } : m)) };
}

/** Storage key under which the background keeps a tab's latest snapshot (in `storage.session`). */
export function tabKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** What the background stores per tab. */
export const TabStateSchema = z.object({ tabId: z.number().check(z.int()), snapshot: PageSnapshotSchema });
export type TabState = z.infer<typeof TabStateSchema>;
