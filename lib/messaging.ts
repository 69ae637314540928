// zod/mini, like the extension pages' other schemas (see lib/zod.ts). Content scripts must not import this module,
// only `./protocol` and types: building these schemas when the script loads made a long task on the page.
import * as z from 'zod/mini';
import { GmailThreadSchema } from './gmail/types';
import { LinkedInProfileSchema } from './linkedin/types';
import { siteOfUrl, tooLarge, trustedContentSite, type Checked, type SenderLike } from './protocol';

export * from './protocol';

/**
 * The one message protocol of the extension. Every message is a zod-validated object with a `type`; every
 * receiver checks who sent it (see `trustedContentSite` / `isTrustedExtensionSender`) and drops the rest.
 */

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
  /**
   * Put this text into the open thread's reply box (Gmail only), if that thread is still `thread`, the one the reply
   * was written for: the tab may have moved to another conversation since the panel last heard from it.
   */
  z.object({
    type: z.literal('content:insert-reply'),
    text: z.string().check(z.minLength(1), z.maxLength(50_000)),
    thread: z.object({ threadId: z.nullable(z.string().check(z.maxLength(200))), subject: z.string().check(z.maxLength(1000)) }),
  }),
]);
export type PanelToContent = z.infer<typeof PanelToContentSchema>;

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

/** What the background stores per tab. */
export const TabStateSchema = z.object({ tabId: z.number().check(z.int()), snapshot: PageSnapshotSchema });
export type TabState = z.infer<typeof TabStateSchema>;
