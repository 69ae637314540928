/**
 * Reads the open Gmail conversation out of the page as plain, validated data.
 *
 * Pure: no chrome.* APIs, no network, no layout (`innerText` is never used; it forces a reflow inside Gmail).
 * Work is proportional to the thread: the subject heading is found from the document's few `<h2>`s, the thread
 * container upwards from it, and every other query runs inside that container. Page text is hostile input: it is
 * only ever read as text (`textContent`, attributes) and returned as plain strings. Every CSS selector lives in
 * `./selectors.ts`.
 */
import { ANY_SPACE, ODD_SPACE, cleanMultiline, cleanText, findEmail, normalizeEmail } from '../text';
import { parseGmailDate } from './dates';
import {
  ACCOUNT_BUTTON,
  ATTR,
  BLOCK_TAGS,
  BODY,
  CELL_TAGS,
  COLLAPSED_CLASSES,
  DATE,
  EMOJI_IMAGE_ATTR,
  EXPANDED_CLASSES,
  LIST_ITEM,
  MAIN,
  MESSAGE_ID,
  MESSAGE_LIST_ANCHOR,
  MESSAGE_ITEMS,
  MESSAGE_ITEMS_STRICT,
  QUOTE_CLASSES,
  QUOTE_CLASS_SUFFIXES,
  QUOTE_TAGS,
  RECIPIENTS,
  SENDER,
  SKIP_CLASSES,
  SKIP_TAGS,
  SNIPPET,
  STOP_ID_SUFFIXES,
  SUBJECT,
  SUBJECT_TAG,
  THREAD_ID_LEGACY,
  THREAD_ID_PERM,
  THREAD_ROOT,
  closestAll,
  matchAllFirst,
  pickFirst,
  queryAllFirstWhere,
  queryFirst,
  queryFirstWhere,
  type Fallbacks,
} from './selectors';
import { INVALID, parseGmailThreadCompiled } from './thread-parser.gen';
import type { GmailMessage, GmailPerson, GmailThread, ReadGmailOptions } from './types';

// DOM constants as numbers: the reader also runs on documents from other realms (jsdom in tests), where the
// global `Node`/`NodeFilter` may not exist or may be a different object.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

const MAX_BODY = 20_000;
/** Stop collecting body text well past the cap: cleaning only shrinks it, and a 2 MB body stays O(cap). */
const MAX_BODY_RAW = MAX_BODY * 2;
/** Stop walking a body after this many nodes (a pathological DOM must not hang the tab). */
const MAX_BODY_NODES = 50_000;
const SNIPPET_MAX = 200;
const MAX_RECIPIENTS = 500;
const MAX_PARTICIPANTS = 1000;
const MAX_MESSAGES = 5000;
/** List rows examined for messages (placeholders included). */
const MAX_ITEMS = MAX_MESSAGES * 2;
/** Subject headings tried as the open thread's (Gmail keeps a few earlier views in the DOM, hidden). */
const MAX_SUBJECT_CANDIDATES = 25;

/**
 * The open conversation, or null when the page shows none (mailbox list, settings, a thread still loading with
 * no message in the DOM) or when what it shows does not validate. Never throws.
 *
 * - Messages come in page order, expanded and collapsed alike. A collapsed message's `body` is the text Gmail
 *   keeps for it (its snippet) unless the full body is still in the DOM; `collapsed` tells them apart.
 * - "N older messages" placeholders that hold no sender and no text are not messages and are skipped.
 * - `fromMe` compares the sender with the account address and `options.ownEmails`, case-insensitively.
 * - `latestInboundIndex` is the last message that has a sender who is not the rep.
 */
export function readGmailThread(doc: Document, options: ReadGmailOptions = {}): GmailThread | null {
  try {
    return read(doc, options);
  } catch {
    return null; // last resort: a page we did not foresee must not break the content script
  }
}

interface Located {
  root: Element;
  subjectEl: Element | null;
  items: Element[];
  names: { subject?: string; root: string; messages: string };
}

/** Per-field names of the variants that matched, collected across messages. */
type Seen = Map<string, Set<string>>;

function note(seen: Seen, field: string, name: string): void {
  let set = seen.get(field);
  if (!set) seen.set(field, (set = new Set()));
  set.add(name);
}

function read(doc: Document, options: ReadGmailOptions): GmailThread | null {
  if (!doc || !doc.documentElement) return null;
  const located = locateThread(doc);
  if (!located) return null;

  const seen: Seen = new Map();
  const messages = readMessages(located.items, seen);
  if (messages.length === 0) return null;

  const title = safeTitle(doc);
  const matched: Record<string, string> = {};

  // Subject: the heading's text, else the page title without " - me@x.com - Gmail".
  let subject = '';
  if (located.subjectEl) {
    subject = cleanText(subjectText(located.subjectEl), 1000);
    matched.subject = located.names.subject ?? 'subject';
  } else {
    const fromTitle = subjectFromTitle(title);
    if (fromTitle !== null) {
      subject = cleanText(fromTitle, 1000);
      matched.subject = 'title';
    }
  }
  matched.root = located.names.root;
  matched.messages = located.names.messages;

  const thread = readThreadId(doc, located);
  if (thread.name) matched.threadId = thread.name;

  const account = readAccount(doc, title);
  if (account.name) matched.account = account.name;

  for (const [field, names] of seen) matched[field] = [...names].join('|');

  // The rep's addresses: the signed-in account plus the ones from settings.
  const own = new Set<string>();
  if (account.email) own.add(account.email);
  for (const e of options.ownEmails ?? []) {
    const n = normalizeEmail(e);
    if (n) own.add(n);
  }

  const out: GmailMessage[] = messages.slice(0, MAX_MESSAGES).map((m) => ({
    ...m,
    fromMe: m.from !== null && m.from.email !== '' && own.has(m.from.email),
  }));

  let latestInboundIndex: number | null = null;
  for (let i = out.length - 1; i >= 0; i--) {
    const m = out[i]!;
    if (m.from !== null && !m.fromMe) {
      latestInboundIndex = i;
      break;
    }
  }

  const result: GmailThread = {
    threadId: thread.id,
    subject,
    accountEmail: account.email,
    participants: participantsOf(out),
    messages: out,
    latestInboundIndex,
    matched,
  };
  // GmailThreadSchema's verdict and output, by zod's compiled checks of it (thread-parser.gen.ts, definite: what they
  // reject, safeParse rejects). The content script never builds the schema itself: that cost the page a long task.
  const parsed = parseGmailThreadCompiled(result);
  return parsed === INVALID ? null : parsed;
}

// ---------------------------------------------------------------------------------------------------------------
// Locating the thread

/** True when the element or an ancestor is hidden without layout: `hidden`, `display:none`, `aria-hidden`. */
function isHiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el, depth = 0; node && depth < 200; node = node.parentElement, depth++) {
    if (node.hasAttribute('hidden')) return true;
    if (node.getAttribute('aria-hidden') === 'true') return true;
    const style = node.getAttribute('style');
    if (style && /display\s*:\s*none/i.test(style)) return true;
  }
  return false;
}

function locateThread(doc: Document): Located | null {
  // All subject variants end in <h2>; a mailbox has only a handful of them.
  const subjects = matchAllFirst(doc.getElementsByTagName(SUBJECT_TAG), SUBJECT);
  if (subjects) {
    // Gmail keeps earlier views in the DOM, hidden: read a visible thread, and a hidden one only when nothing is
    // visible. A visible thread still loading (no messages yet) gives null, never the stale one behind it.
    // At most MAX_SUBJECT_CANDIDATES are tried: each try checks every other subject, and a page with thousands of
    // subject headings (Gmail has a handful) must not make that quadratic.
    const visible: Element[] = [];
    for (const el of subjects.els) {
      if (isHiddenByMarkup(el)) continue;
      visible.push(el);
      if (visible.length >= MAX_SUBJECT_CANDIDATES) break;
    }
    const candidates = visible.length > 0 ? visible : subjects.els.slice(0, MAX_SUBJECT_CANDIDATES);
    const lastResort = THREAD_ROOT[THREAD_ROOT.length - 1];
    for (const subjectEl of candidates) {
      for (const root of closestAll(subjectEl, THREAD_ROOT)) {
        // A container that holds another thread's subject is too wide: its messages may not be this thread's.
        if (subjects.els.some((other) => other !== subjectEl && root.el.contains(other))) break;
        // The whole main pane also holds the mailbox list (preview pane): only trust message-specific selectors.
        const items = findItems(root.el, root.name === lastResort?.name ? MESSAGE_ITEMS_STRICT : MESSAGE_ITEMS);
        if (items) {
          return { root: root.el, subjectEl, items: items.els, names: { subject: subjects.name, root: root.name, messages: items.name } };
        }
      }
    }
    return null;
  }

  // No subject heading (a Gmail variant we do not know): messages inside the main pane, strict selectors only.
  const main = queryFirst(doc, MAIN);
  const scope: Element | null = main?.el ?? doc.body;
  if (!scope) return null;
  const items = findItems(scope, MESSAGE_ITEMS_STRICT);
  if (!items) return null;
  const first = items.els[0]!;
  const root = closestAll(first, THREAD_ROOT)[0] ?? { el: scope, name: main?.name ?? 'body' };
  const inRoot = items.els.filter((el) => root.el.contains(el));
  return { root: root.el, subjectEl: null, items: inRoot, names: { root: root.name, messages: items.name } };
}

/**
 * The messages inside a thread container: every child of the conversation list found from one list item, else
 * the first item variant that matches (without items nested in an earlier item).
 */
function findItems(root: Element, fallbacks: Fallbacks): { els: Element[]; name: string } | null {
  const anchor = queryFirst(root, MESSAGE_LIST_ANCHOR);
  const list = anchor?.el.parentElement;
  if (anchor && list) {
    // A sibling walk, not `Array.from(list.children)`: the same list, but indexing a live HTMLCollection is
    // quadratic in some DOMs (jsdom: 20,000 rows took minutes), and a page decides how many rows it has.
    const els: Element[] = [];
    for (let el = list.firstElementChild; el; el = el.nextElementSibling) els.push(el);
    if (els.some(looksLikeMessage)) return { els, name: anchor.name };
  }
  for (const f of fallbacks) {
    let all: NodeListOf<Element>;
    try {
      all = root.querySelectorAll(f.selector);
    } catch {
      continue;
    }
    const els: Element[] = [];
    let last: Element | null = null;
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      if (last && last.contains(el)) continue; // document order: a nested match follows its container
      els.push(el);
      last = el;
    }
    if (els.length > 0 && els.some(looksLikeMessage)) return { els, name: f.name };
  }
  return null;
}

/** Has a sender, a body or a snippet: a real message rather than a placeholder. */
function looksLikeMessage(item: Element): boolean {
  return queryFirst(item, SENDER) !== null || queryFirst(item, BODY) !== null || queryFirst(item, SNIPPET) !== null;
}

// ---------------------------------------------------------------------------------------------------------------
// Thread id, account, subject

function readThreadId(doc: Document, located: Located): { id: string | null; name: string | null } {
  const clean = (v: string | null): string | null => {
    const c = cleanText(v, 200).replace(/^#/, '');
    return c === '' ? null : c;
  };
  const s = located.subjectEl;
  if (s) {
    const legacy = clean(s.getAttribute(ATTR.legacyThreadId));
    if (legacy) return { id: legacy, name: 'subject[data-legacy-thread-id]' };
    const perm = clean(s.getAttribute(ATTR.threadPermId));
    if (perm) return { id: perm, name: 'subject[data-thread-perm-id]' };
  }
  const legacyEl = queryFirst(located.root, THREAD_ID_LEGACY);
  const legacy = legacyEl && clean(legacyEl.el.getAttribute(ATTR.legacyThreadId));
  if (legacyEl && legacy) return { id: legacy, name: legacyEl.name };
  const permEl = queryFirst(located.root, THREAD_ID_PERM);
  const perm = permEl && clean(permEl.el.getAttribute(ATTR.threadPermId));
  if (permEl && perm) return { id: perm, name: permEl.name };
  const token = hashToken(doc);
  if (token) return { id: token, name: 'location.hash' };
  return { id: null, name: null };
}

/** The last path token of the URL hash when it looks like a thread token: `#inbox/FMfcgz…` → `FMfcgz…`. */
export function hashToken(doc: Document): string | null {
  let hash = '';
  try {
    hash = doc.location?.hash ?? '';
  } catch {
    hash = '';
  }
  if (!hash) {
    const url = typeof doc.URL === 'string' ? doc.URL : '';
    const at = url.indexOf('#');
    hash = at >= 0 ? url.slice(at) : '';
  }
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean);
  if (parts.length < 2) return null; // "#inbox" alone is a mailbox, not a thread
  let token = parts[parts.length - 1]!;
  try {
    token = decodeURIComponent(token);
  } catch {
    // keep it as is
  }
  return /^[A-Za-z0-9_-]{10,200}$/.test(token) ? token : null;
}

function safeTitle(doc: Document): string {
  try {
    return typeof doc.title === 'string' ? doc.title.slice(0, 2000) : '';
  } catch {
    return '';
  }
}

const TITLE_SEPARATOR = /\s+[-–—]\s+/g;

/** The title cut at its " - " separators, each segment with where it starts and ends. */
function titleSegments(title: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  for (const m of title.matchAll(TITLE_SEPARATOR)) {
    out.push({ text: title.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ text: title.slice(start), start, end: title.length });
  return out;
}

/**
 * The account address in a Gmail title, "<view> - me@x.com - Gmail" in every locale. The last segment that is an
 * address wins, so a subject that itself contains " - someone@else.com - " cannot spoof it.
 */
export function accountFromTitle(title: string): string | null {
  const segments = titleSegments(title);
  for (let i = segments.length - 1; i >= 0; i--) {
    const email = normalizeEmail(segments[i]!.text);
    if (email) return email;
  }
  return null;
}

/** The view name from the title ("Re: Pricing - me@x.com - Gmail" → "Re: Pricing"), or null. */
function subjectFromTitle(title: string): string | null {
  const segments = titleSegments(title);
  for (let i = segments.length - 1; i > 0; i--) {
    if (normalizeEmail(segments[i]!.text)) return title.slice(0, segments[i - 1]!.end);
  }
  return null;
}

function readAccount(doc: Document, title: string): { email: string | null; name: string | null } {
  const fromTitle = accountFromTitle(title);
  if (fromTitle) return { email: fromTitle, name: 'title' };
  const button = queryFirstWhere(doc, ACCOUNT_BUTTON, (el) => findEmail(el.getAttribute(ATTR.accountLabel)) !== null);
  if (button) return { email: findEmail(button.el.getAttribute(ATTR.accountLabel)), name: button.name };
  return { email: null, name: null };
}

/** The subject's text, with emoji Gmail draws as images put back as characters. */
function subjectText(el: Element): string {
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_ELEMENT | SHOW_TEXT);
  let count = 0;
  for (let node: Node | null = walker.nextNode(); node && count < 5000; node = walker.nextNode(), count++) {
    if (node.nodeType === TEXT_NODE) out += (node as Text).data;
    else if (node.nodeType === ELEMENT_NODE) {
      const emoji = (node as Element).getAttribute(EMOJI_IMAGE_ATTR);
      if (emoji) out += emoji;
    }
    if (out.length > 4000) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

type RawMessage = Omit<GmailMessage, 'fromMe'>;

function readMessages(items: readonly Element[], seen: Seen): RawMessage[] {
  const out: RawMessage[] = [];
  const byId = new Map<string, number>();
  let examined = 0;
  for (const item of items) {
    // Rows are examined up to a bound too: 100,000 empty rows are not 100,000 messages, and cost as much to rule out.
    if (out.length >= MAX_MESSAGES || examined++ >= MAX_ITEMS) break;
    const m = readMessage(item, seen);
    if (!m) continue;
    if (m.id !== null) {
      const at = byId.get(m.id);
      if (at !== undefined) {
        // The same message twice (a stale copy Gmail left behind): keep the richer one, in the first place.
        if (out[at]!.collapsed && !m.collapsed) out[at] = m;
        continue;
      }
      byId.set(m.id, out.length);
    }
    out.push(m);
  }
  return out;
}

function hasAnyClass(el: Element, classes: readonly string[]): boolean {
  const list = el.classList;
  for (const c of classes) if (list.contains(c)) return true;
  return false;
}

function readMessage(item: Element, seen: Seen): RawMessage | null {
  const bodyHit = queryFirst(item, BODY);
  const bodyEl = bodyHit?.el ?? null;
  const outsideBody = (el: Element): boolean => !bodyEl || (el !== bodyEl && !bodyEl.contains(el));

  // Collapsed: the list item's class, else its ARIA state, else "no body in the DOM". When the items are the
  // message cards themselves, the list item around the card says it.
  const holder = closestAll(item, LIST_ITEM)[0]?.el ?? item;
  const apart = holder !== item; // usually the item is the list item: ask it once
  const expandedAttr = item.getAttribute(ATTR.expanded) ?? (apart ? holder.getAttribute(ATTR.expanded) : null);
  let collapsed: boolean;
  if (hasAnyClass(item, COLLAPSED_CLASSES) || (apart && hasAnyClass(holder, COLLAPSED_CLASSES))) collapsed = true;
  else if (hasAnyClass(item, EXPANDED_CLASSES) || (apart && hasAnyClass(holder, EXPANDED_CLASSES))) collapsed = false;
  else if (expandedAttr === 'false') collapsed = true;
  else if (expandedAttr === 'true') collapsed = false;
  else collapsed = bodyEl === null;

  // Sender: the first address chip outside the body.
  const senderHit = queryFirstWhere(item, SENDER, outsideBody);
  const from = senderHit ? personOf(senderHit.el) : null;

  // Snippet element: only collapsed rows (or a message without a body) have one worth reading.
  const snippetHit = collapsed || !bodyEl ? queryFirstWhere(item, SNIPPET, outsideBody) : null;

  if (!from && !bodyEl && !snippetHit) return null; // a placeholder, not a message

  // Id: on the item itself or inside it.
  const idHit = pickFirst([item], MESSAGE_ID) ?? queryFirstWhere(item, MESSAGE_ID, outsideBody);
  let id: string | null = null;
  if (idHit) {
    const raw = idHit.el.getAttribute(ATTR.legacyMessageId) || idHit.el.getAttribute(ATTR.messageId);
    const c = cleanText(raw, 200);
    id = c.charCodeAt(0) === 35 /* # */ ? c.slice(1) || null : c || null;
    if (id) note(seen, 'id', idHit.name);
  }

  // Recipients
  const to: GmailPerson[] = [];
  const recipientHits = queryAllFirstWhere(item, RECIPIENTS, (el) => outsideBody(el) && el !== senderHit?.el);
  if (recipientHits) {
    const emails = new Set<string>();
    for (const el of recipientHits.els) {
      const p = personOf(el);
      if (!p || (p.email && emails.has(p.email))) continue;
      if (p.email) emails.add(p.email);
      to.push(p);
      if (to.length >= MAX_RECIPIENTS) break;
    }
    if (to.length > 0) note(seen, 'to', recipientHits.name);
  }

  // Date: the tooltip; the generic variants only count when they hold a date.
  const dateHit = queryFirstWhere(item, DATE, (el, variant) => {
    if (!outsideBody(el)) return false;
    if (variant === DATE[0] || variant === DATE[DATE.length - 1]) return true;
    return parseGmailDate(el.getAttribute(ATTR.dateTooltip)) !== null;
  });
  let dateRaw = '';
  if (dateHit) {
    dateRaw = cleanText(dateHit.el.getAttribute(ATTR.dateTooltip) ?? dateHit.el.textContent, 200);
    note(seen, 'date', dateHit.name);
  }
  const date = parseGmailDate(dateRaw);

  // Body and snippet
  let body = '';
  let snippet = '';
  const snippetText = snippetHit ? cleanText(snippetHit.el.textContent, SNIPPET_MAX * 2).replace(/^[-–—\s]+/, '') : '';
  if (bodyEl) {
    body = extractBody(bodyEl);
    note(seen, 'body', bodyHit!.name);
  }
  if (collapsed && snippetText) {
    snippet = cleanText(snippetText, SNIPPET_MAX);
    if (!body) body = cleanMultiline(snippetText, MAX_BODY);
    note(seen, 'snippet', snippetHit!.name);
  } else {
    snippet = body ? snippetOfBody(body) : cleanText(snippetText, SNIPPET_MAX);
  }

  if (from) note(seen, 'from', senderHit!.name);
  return { id, from, to, date, dateRaw, body, snippet, collapsed };
}

/**
 * `cleanText(body, SNIPPET_MAX)` for a body as `walkText`/`cleanMultiline` give it (no invisible characters, no
 * whitespace but single spaces and one or two newlines, trimmed): only the newlines are left to fold.
 */
function snippetOfBody(body: string): string {
  const head = body.length > SNIPPET_MAX * 4 ? body.slice(0, SNIPPET_MAX * 4) : body;
  const line = (head.includes('\n') ? head.replace(/\n+/g, ' ') : head).trimEnd();
  return line.length > SNIPPET_MAX ? `${line.slice(0, SNIPPET_MAX - 1).trimEnd()}…` : line;
}

/**
 * A person from an address chip: `name` attribute, else the chip's text, else the address. Returns null when the
 * chip has neither a usable address nor a name.
 */
function personOf(el: Element): GmailPerson | null {
  const email = normalizeEmail(el.getAttribute(ATTR.email)) ?? '';
  let name = cleanText(el.getAttribute(ATTR.name), 300);
  if (!name) name = cleanText(el.textContent, 300);
  if (!name) name = email;
  if (!email && !name) return null;
  return { name, email };
}

function participantsOf(messages: readonly GmailMessage[]): GmailPerson[] {
  const byEmail = new Map<string, GmailPerson>();
  const add = (p: GmailPerson | null): void => {
    if (!p || !p.email) return;
    const name = p.name === p.email ? '' : p.name;
    const known = byEmail.get(p.email);
    // A later sighting with a real name fills in a chip that only showed the address.
    if (known) {
      if (!known.name && name) known.name = name;
      return;
    }
    if (byEmail.size < MAX_PARTICIPANTS) byEmail.set(p.email, { name, email: p.email });
  };
  // Senders first: their chip shows the full name, recipients' chips often say "me".
  for (const m of messages) add(m.from);
  for (const m of messages) for (const p of m.to) add(p);
  return [...byEmail.values()].map((p) => ({ name: p.name || p.email, email: p.email }));
}

// ---------------------------------------------------------------------------------------------------------------
// Body text

type Kind = 'keep' | 'skip' | 'quote' | 'stop';

function endsWithAny(value: string, suffixes: readonly string[]): boolean {
  for (const s of suffixes) if (value.endsWith(s)) return true;
  return false;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function classify(el: Element, tag: string): Kind {
  if (SKIP_TAGS.has(tag)) return 'skip';
  const quoteTag = QUOTE_TAGS.has(tag);
  if (!el.hasAttributes()) return quoteTag ? 'quote' : 'keep'; // most body elements: one cheap call
  if (el.hasAttribute('hidden')) return 'skip';
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return 'skip';
  const id = el.id;
  if (id && endsWithAny(id, STOP_ID_SUFFIXES)) return 'stop';
  if (quoteTag) return 'quote';
  const className = el.getAttribute('class');
  if (!className) return 'keep';
  // Most elements carry one class: no array to build for it.
  for (const c of ANY_SPACE.test(className) ? className.split(/\s+/) : [className]) {
    if (!c) continue;
    if (SKIP_CLASSES.includes(c)) return 'skip';
    if (QUOTE_CLASSES.includes(c) || endsWithAny(c, QUOTE_CLASS_SUFFIXES)) return 'quote';
  }
  return 'keep';
}

/**
 * The attribute reads `classify` makes, through the element's prototype: a `<form>`'s named controls shadow its own
 * properties (`<input name="getAttribute">` makes `form.getAttribute` that input, and the call would throw and lose
 * the whole thread), but not its prototype's methods.
 */
function formView(el: Element): Element {
  const proto = Object.getPrototypeOf(el) as Element;
  const getAttribute = (name: string): string | null => proto.getAttribute.call(el, name);
  return {
    hasAttributes: () => proto.hasAttributes.call(el),
    hasAttribute: (name: string) => proto.hasAttribute.call(el, name),
    getAttribute,
    id: getAttribute('id') ?? '',
  } as Element;
}

/** The body's text without quoted history; with it when the message is nothing but a quote (a forward). */
function extractBody(el: Element): string {
  const first = walkText(el, true);
  if (first.text || !first.quoted) return first.text;
  return walkText(el, false).text;
}

/** Invisible and bidi control characters (what `cleanMultiline` drops). */
const INVISIBLE_CHAR = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/;
const SPACES = /\s+/g;
/** Not only HTML whitespace: the text node counts as content for the line-break logic below. */
const NOT_HTML_SPACE = /[^\t\n\r\f ]/;

/**
 * Plain text of a subtree: line breaks at block elements, skipped subtrees never entered, bounded in characters
 * and nodes. Iterative (explicit stacks), so 5,000 nested divs are fine. The text comes out already as
 * `cleanMultiline` would leave it: whitespace collapsed as it is met, breaks held back until the next text (two at
 * most, none at either end), so a 30-message thread costs no regex pass over its bodies. The rare body this does
 * not cover (invisible characters, whose removal can join the spaces around them, or one long enough to hit the
 * raw-length cap) is read again the original way: collect, then `cleanMultiline`.
 */
function walkText(root: Element, skipQuotes: boolean): { text: string; quoted: boolean } {
  const plain = walkTextAs(root, skipQuotes, true, false) ?? walkTextAs(root, skipQuotes, false, false)!;
  if (plain !== FORM) return plain;
  // Only the raw pass can give null, and a TreeWalker pass never gives FORM.
  return (walkTextAs(root, skipQuotes, true, true) ?? walkTextAs(root, skipQuotes, false, true)) as { text: string; quoted: boolean };
}

/** Returned by a plain-steps walk that met a `<form>`: the body is walked again with a TreeWalker. */
const FORM = 'form';
const COMMENT_NODE = 8;
const PROCESSING_INSTRUCTION_NODE = 7;
const CDATA_SECTION_NODE = 4;

/**
 * One pass over the body. `useWalker` false: plain `firstChild`/`nextSibling` reads, the cheap way (each DOM read is
 * a JS→C++ crossing, and a TreeWalker's methods cost about a third more than these getters, measured in Chromium).
 * But a `<form>`'s named controls shadow its own properties (`<input name="nextSibling">` makes `form.nextSibling`
 * that input), so a plain walk that meets a form gives up (FORM) and the body is walked again with a TreeWalker,
 * whose steps no page markup can shadow. Both ways visit the same nodes and give the same text.
 */
function walkTextAs(
  root: Element,
  skipQuotes: boolean,
  clean: boolean,
  useWalker: boolean,
): { text: string; quoted: boolean } | typeof FORM | null {
  let quoted = false;
  // Raw mode: the pieces, joined and cleaned at the end.
  const parts: string[] = [];
  // Clean mode: the text so far, and the separator owed before the next text.
  let out = '';
  let owedBreaks = 0;
  let owedSpace = false;
  // Raw length: exact in raw mode, an upper bound in clean mode (which gives up before it could reach the cap).
  let length = 0;
  let visited = 0;
  // Line breaks owed at the end of the raw output: a block needs one, a paragraph two; several adjacent blocks
  // still give one break, as on screen. Whitespace-only text does not count as content.
  let trailing = 0;
  let started = false;

  const emit = (text: string): void => {
    if (out !== '') out += owedBreaks > 1 ? '\n\n' : owedBreaks === 1 ? '\n' : owedSpace ? ' ' : '';
    owedBreaks = 0;
    owedSpace = false;
    out += text;
  };
  const pushText = (data: string): void => {
    if (!data) return;
    if (clean) {
      length += data.length;
      // The usual text node: words and single plain spaces. One test, then only ends to look at.
      if (!ODD_SPACE.test(data)) {
        if (data === ' ') {
          owedSpace = true; // whitespace only: a separator, and not content for the break logic
          return;
        }
        trailing = 0;
        started = true;
        const lead = data.charCodeAt(0) === 32;
        const tail = data.charCodeAt(data.length - 1) === 32;
        if (lead) owedSpace = true;
        emit(lead || tail ? data.slice(lead ? 1 : 0, tail ? -1 : data.length) : data);
        if (tail) owedSpace = true;
        return;
      }
      // U+FEFF is both whitespace and invisible: dropped, not a space. The raw way (ends the walk) knows.
      if (data.includes('\uFEFF')) {
        length = MAX_BODY_RAW;
        return;
      }
      if (NOT_HTML_SPACE.test(data)) {
        trailing = 0;
        started = true;
      }
      const text = data.replace(SPACES, ' ');
      const from = text.charCodeAt(0) === 32 ? 1 : 0;
      const to = text.charCodeAt(text.length - 1) === 32 ? text.length - 1 : text.length;
      if (from === 1) owedSpace = true;
      if (to > from) emit(from === 0 && to === text.length ? text : text.slice(from, to));
      if (to < text.length) owedSpace = true;
      return;
    }
    const room = MAX_BODY_RAW - length;
    const text = (data.length > room ? data.slice(0, Math.max(0, room)) : data).replace(/[\t\n\r\f ]+/g, ' ');
    if (!text) return;
    parts.push(text);
    length += text.length;
    if (text !== ' ') {
      trailing = 0;
      started = true;
    }
  };
  const breaks = (n: number, force = false): void => {
    if (!started) return; // no leading blank lines
    const add = force ? n : Math.max(0, n - trailing);
    if (clean) owedBreaks += add;
    else for (let i = 0; i < add; i++) parts.push('\n');
    length += add;
    trailing += add;
  };
  const open = (tag: string): void => {
    if (tag === 'br') breaks(1, true);
    else if (tag === 'p') breaks(2);
    else if (BLOCK_TAGS.has(tag)) breaks(1);
    else if (CELL_TAGS.has(tag)) pushText(' ');
  };
  const close = (tag: string): void => {
    if (tag === 'p') breaks(2);
    else if (tag !== 'br' && BLOCK_TAGS.has(tag)) breaks(1);
  };

  // Subtrees are skipped by not descending (a TreeWalker without a NodeFilter callback when one is used: a JS filter
  // costs a C++→JS call per node). The elements entered and their tags are kept on stacks, so closing one on the way
  // up asks the DOM nothing. `localName` tells elements from the rest in one read (Text and Comment have none), so
  // `nodeType` is asked of non-elements only; only text nodes are read (as with the TreeWalker's SHOW_TEXT).
  if (!useWalker && (typeof root.localName !== 'string' || root.localName === 'form')) return FORM; // a form as the body
  const walker = useWalker ? root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT) : null;
  const openTags: string[] = [];
  const openEls: Node[] = [];
  let node: Node | null = walker ? walker.firstChild() : root.firstChild;
  while (node && length < MAX_BODY_RAW && visited < MAX_BODY_NODES) {
    let tag: string = (node as Element).localName;
    if (typeof tag !== 'string') {
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        visited++;
        pushText((node as Text).data);
        tag = '';
      } else if (type === COMMENT_NODE || type === PROCESSING_INSTRUCTION_NODE || type === CDATA_SECTION_NODE) {
        tag = ''; // not text (the TreeWalker never shows these); counted as before, i.e. not at all
      } else if (!walker) {
        return FORM; // an element whose `localName` a form control shadows
      }
      // else: a form whose `localName` a control shadows, met by the TreeWalker pass (read as a form below)
    } else if (tag === 'form' && !walker) {
      return FORM;
    }
    if (tag !== '') {
      visited++;
      // Only the TreeWalker pass meets forms (the plain one gave up on them); a form whose `localName` a control
      // shadows is still a form.
      const form = walker !== null && (typeof tag !== 'string' || tag === 'form');
      if (form) tag = 'form';
      const kind = form ? classify(formView(node as Element), tag) : classify(node as Element, tag);
      if (kind === 'quote' || kind === 'stop') quoted = true;
      if (kind === 'stop' && skipQuotes) break; // Outlook: everything after the marker is the quoted history
      if (kind === 'keep' || (!skipQuotes && kind !== 'skip')) {
        open(tag);
        const child: Node | null = walker ? walker.firstChild() : node.firstChild;
        if (child) {
          openTags.push(tag);
          openEls.push(node);
          node = child;
          continue;
        }
        close(tag);
      }
    }
    let next: Node | null = walker ? walker.nextSibling() : node.nextSibling;
    while (!next) {
      const up = openEls.pop();
      if (up === undefined) break; // back at the root's children: done
      if (walker) walker.parentNode();
      node = up;
      close(openTags.pop()!);
      next = walker ? walker.nextSibling() : node.nextSibling;
    }
    node = next;
  }
  if (!clean) return { text: cleanMultiline(parts.join(''), MAX_BODY), quoted };
  // Near the raw cap the original cut point matters, and invisible characters change which spaces join: both are
  // left to the raw way.
  if (length >= MAX_BODY_RAW || INVISIBLE_CHAR.test(out)) return null;
  return { text: out.length > MAX_BODY ? `${out.slice(0, MAX_BODY - 1).trimEnd()}…` : out, quoted };
}
