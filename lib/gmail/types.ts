// zod/mini: the same validation as classic zod at a fraction of the bundle size, because this schema ships inside
// the Gmail content script (which has a size budget).
import * as z from 'zod/mini';

/** A person as Gmail shows them: display name (may be empty) and lower-cased email address. */
export const GmailPersonSchema = z.object({
  name: z.string().check(z.maxLength(300)),
  email: z.string().check(z.maxLength(320)),
});
export type GmailPerson = z.infer<typeof GmailPersonSchema>;

/** One message of a thread, expanded or collapsed, with what the DOM shows of it. */
export const GmailMessageSchema = z.object({
  /** Gmail's message id (legacy hex id, or the `msg-f:` id), null when the DOM shows none. */
  id: z.nullable(z.string().check(z.maxLength(200))),
  from: z.nullable(GmailPersonSchema),
  to: z.array(GmailPersonSchema).check(z.maxLength(500)),
  /** Epoch milliseconds parsed from Gmail's date tooltip; null when the locale or format is unknown. */
  date: z.nullable(z.number()),
  /** The date string exactly as the page shows it (kept when it cannot be parsed). */
  dateRaw: z.string().check(z.maxLength(200)),
  /** Plain body text without quoted history where it can be told apart; capped in length. */
  body: z.string().check(z.maxLength(20_000)),
  /** A single-line preview of the body (at most ~200 characters). */
  snippet: z.string().check(z.maxLength(400)),
  /** True when Gmail shows the message collapsed (only the snippet is in the DOM). */
  collapsed: z.boolean(),
  /** True when the sender is one of the rep's own addresses. */
  fromMe: z.boolean(),
});
export type GmailMessage = z.infer<typeof GmailMessageSchema>;

/** What `readGmailThread` returns: the open conversation as plain, validated data. */
export const GmailThreadSchema = z.object({
  /** Stable thread id (legacy hex id preferred, else the perm id, else the URL token); null if none. */
  threadId: z.nullable(z.string().check(z.maxLength(200))),
  subject: z.string().check(z.maxLength(1000)),
  /** The signed-in account's address, from the title or the account button; null if not found. */
  accountEmail: z.nullable(z.string().check(z.maxLength(320))),
  /** Everyone who appears in the thread (senders and recipients), deduplicated by email, rep included. */
  participants: z.array(GmailPersonSchema).check(z.maxLength(1000)),
  /** Messages in the order the thread shows them (oldest first). */
  messages: z.array(GmailMessageSchema).check(z.maxLength(5000)),
  /** Index into `messages` of the latest message not sent by the rep; null when every message is the rep's. */
  latestInboundIndex: z.nullable(z.number().check(z.int(), z.nonnegative())),
  /** Which selector fallback matched for each field (e.g. `{ subject: "h2.hP" }`), for diagnostics. */
  matched: z.record(z.string(), z.string()),
});
export type GmailThread = z.infer<typeof GmailThreadSchema>;

/** Options for the Gmail reader. */
export interface ReadGmailOptions {
  /** Extra addresses that belong to the rep (settings), compared case-insensitively. */
  ownEmails?: readonly string[];
}
