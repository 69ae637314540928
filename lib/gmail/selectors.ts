/**
 * Every CSS selector and Gmail class name the thread reader uses, and nothing else. Gmail's markup is obfuscated
 * (`hP`, `gD`, `a3s`…) but has been stable for years; when a field stops reading, this is the one file to look at.
 * Each field is an ordered list of fallbacks: the reader takes the first variant that matches and reports the
 * variant's `name` in `GmailThread.matched`, so a diagnostic shows which one it was.
 *
 * Sources for the class names: Gmail's own DOM as read by public projects (gmail.js `api.dom.email`/`api.dom.thread`,
 * InboxSDK `GmailMessageView`/`GmailThreadView`): `h2.hP` subject with `data-legacy-thread-id`/`data-thread-perm-id`,
 * `div.adn.ads[data-message-id][data-legacy-message-id]` message card, `span.gD[email][name]` sender, `.hb span.g2`
 * recipients, `.gK span.g3[title]` date tooltip, `div.ii.gt > div.a3s` body, list items `h7` (expanded),
 * `kv`/`ky` (collapsed), `kQ`/`kx` (hidden behind "N older messages").
 */

/** One way to find an element: `name` is a short stable label for diagnostics, `selector` the CSS. */
export interface Fallback {
  readonly name: string;
  readonly selector: string;
}

/** Alternatives in priority order: the first that matches wins. */
export type Fallbacks = readonly Fallback[];

/** A match and the name of the variant that produced it. */
export interface QueryMatch<E extends Element = Element> {
  readonly el: E;
  readonly name: string;
}

/** The page's main pane; the thread and the mailbox list both live inside it. */
export const MAIN: Fallbacks = [
  { name: 'div[role=main]', selector: 'div[role="main"]' }, // every Gmail layout since 2012: the main pane landmark
  { name: '[role=main]', selector: '[role="main"]' }, // the landmark on another element type
];

/** The thread's subject heading (the first, visible one wins). */
export const SUBJECT: Fallbacks = [
  { name: 'h2.hP', selector: 'h2.hP' }, // classic and 2023+ thread view subject (gmail.js, InboxSDK)
  { name: 'h2[data-legacy-thread-id]', selector: 'h2[data-legacy-thread-id]' }, // subject h2 if its class changes
  { name: 'h2[data-thread-perm-id]', selector: 'h2[data-thread-perm-id]' }, // same, newer sync-id attribute only
  { name: '.ha h2', selector: '.ha h2' }, // subject wrapper `.ha` (InboxSDK getSubject)
];

/**
 * The container of one conversation, found upwards from the subject (`closest`). The reader takes the first that
 * contains messages, so the inbox list next to a preview pane is never read.
 */
export const THREAD_ROOT: Fallbacks = [
  { name: 'div.a98.iY', selector: 'div.a98.iY' }, // thread view wrapper since Nov 2023 (InboxSDK `.a98.iY`)
  { name: 'div.nH.if', selector: 'div.nH.if' }, // 2018–2023 thread view wrapper (InboxSDK `.if > .nH`)
  { name: 'div.iY', selector: 'div.iY' }, // thread wrapper in the split preview pane (gmail.js view_thread)
  { name: 'div.Bu', selector: 'div.Bu' }, // preview-pane column around the thread (gmail.js: "Bu for preview pane")
  { name: 'div[role=main]', selector: 'div[role="main"]' }, // last resort: the whole main pane
];

/** Thread ids on the subject heading or elsewhere in the thread container. */
export const THREAD_ID_LEGACY: Fallbacks = [
  { name: '[data-legacy-thread-id]', selector: '[data-legacy-thread-id]' }, // hex id, on the subject h2 (gmail.js get.thread_id)
];
/** The newer sync-style thread id, wherever it sits in the thread container. */
export const THREAD_ID_PERM: Fallbacks = [
  { name: '[data-thread-perm-id]', selector: '[data-thread-perm-id]' }, // `thread-f:…` sync id (gmail.js new.get.thread_id)
];

/**
 * The fast way to the messages: find one list item and take every child of its parent, the conversation list
 * (as InboxSDK does). Children that hold no sender, body or snippet (Gmail's "N older messages" bar) are dropped.
 */
export const MESSAGE_LIST_ANCHOR: Fallbacks = [
  { name: 'div.h7 siblings', selector: 'div.h7' }, // an expanded message's list item
  { name: 'div.kv siblings', selector: 'div.kv' }, // a collapsed message's list item (all collapsed)
];

/**
 * Backups when no list item is found: one entry per message, in document order (a comma group keeps document
 * order, so expanded and collapsed messages interleave correctly). Slower than the anchor: see the speed note.
 */
export const MESSAGE_ITEMS: Fallbacks = [
  // conversation list items: h7 expanded, kv/ky collapsed, kQ/kx hidden (InboxSDK getViewState)
  { name: 'div.h7,div.kv,div.kQ', selector: 'div.h7, div.kv, div.ky, div.kQ, div.kx' },
  // message cards when the list-item wrappers are missing: adn expanded, adf collapsed header (gmail.js `div.adn`)
  { name: 'div.adn[data-message-id]', selector: 'div.adn[data-message-id], div.adn[data-legacy-message-id], div.adf' },
  // any element carrying a message id (unknown future wrapper)
  { name: '[data-message-id]', selector: '[data-message-id], [data-legacy-message-id]' },
  // ARIA list items of the conversation list (class names all changed)
  { name: '[role=listitem]', selector: '[role="listitem"]' },
];

/** The subset of MESSAGE_ITEMS trusted when no subject heading was found (no bare ARIA items). */
export const MESSAGE_ITEMS_STRICT: Fallbacks = MESSAGE_ITEMS.slice(0, 3);

/** The list item around a message card, whose class and `aria-expanded` say whether it is collapsed. */
export const LIST_ITEM: Fallbacks = [
  { name: '[role=listitem]', selector: '[role="listitem"]' }, // every Gmail conversation list item carries the role
];

/** Class tokens on a message list item (or its card) that say Gmail shows it collapsed or hidden. */
export const COLLAPSED_CLASSES: readonly string[] = [
  'kv', // collapsed list item (InboxSDK getViewState: COLLAPSED)
  'ky', // collapsed list item, variant seen next to `kv`
  'kQ', // hidden list item behind "N older messages" (InboxSDK: HIDDEN)
  'kx', // hidden list item, variant seen next to `kQ`
  'adf', // collapsed message header card (gmail.js `div.adf`)
];
/** Class tokens on a message list item that say Gmail shows it expanded. */
export const EXPANDED_CLASSES: readonly string[] = [
  'h7', // expanded list item (InboxSDK getViewState: EXPANDED)
];

/** The element carrying the message ids (the card itself or a descendant). */
export const MESSAGE_ID: Fallbacks = [
  { name: '[data-legacy-message-id]', selector: '[data-legacy-message-id]' }, // hex id (gmail.js dom.email)
  { name: '[data-message-id]', selector: '[data-message-id]' }, // `#msg-f:…` id (InboxSDK, new gmail.js API)
];

/** The sender, first match inside one message (matches inside the body are ignored). */
export const SENDER: Fallbacks = [
  { name: 'span.gD[email]', selector: 'span.gD[email]' }, // header sender, expanded and collapsed (gmail.js `span[email].gD`)
  { name: 'h3.iw span[email]', selector: 'h3.iw span[email]' }, // sender heading if `.gD` is renamed
  { name: 'td.gF span[email]', selector: 'td.gF span[email]' }, // sender cell (InboxSDK getSender)
  { name: 'span[email]', selector: 'span[email]' }, // any address chip: the sender comes first in the header
];

/** The recipients ("to me", "to Ana, Ben"), inside one expanded message. */
export const RECIPIENTS: Fallbacks = [
  { name: 'span.g2[email]', selector: 'span.g2[email]' }, // recipient chips (gmail.js `span[email].g2`)
  { name: '.hb span[email]', selector: '.hb span[email]' }, // recipient wrapper "to …" (InboxSDK getRecipients)
];

/**
 * The date whose `title` is the full tooltip ("Mon, Nov 16, 2026, 9:14 AM"). The first variant is trusted as is;
 * the generic ones count only when their title parses as a date; the last gives the visible text.
 */
export const DATE: Fallbacks = [
  { name: 'span.g3[title]', selector: 'span.g3[title]' }, // header date (gmail.js `span.g3`, InboxSDK `.gK .g3`)
  { name: '.gK [title]', selector: '.gK [title]' }, // date cell if the span's class changes
  { name: 'td.gH [title]', selector: 'td.gH [title]' }, // right-hand header cell
  { name: 'span[title]', selector: 'span[title]' }, // any tooltip span, only when its title reads as a date
  { name: 'span.g3', selector: 'span.g3' }, // date without a tooltip: its visible text
];

/** The message body. */
export const BODY: Fallbacks = [
  { name: 'div.a3s', selector: 'div.a3s' }, // body (gmail.js `div.a3s`, `.ii.gt div.a3s.aXjCH`)
  { name: 'div.ii.gt', selector: 'div.ii.gt' }, // body wrapper (InboxSDK getContentsElement)
  { name: '.adP', selector: '.adP' }, // older body wrapper (InboxSDK fallback)
];

/** The one-line preview of a collapsed message. */
export const SNIPPET: Fallbacks = [
  { name: 'div.iA.g6', selector: 'div.iA.g6' }, // collapsed row snippet
  { name: '.g6', selector: '.g6' }, // the same if the `iA` class goes
  { name: 'span.y2', selector: 'span.y2' }, // list-style snippet, seen in older collapsed rows
];

/** Gmail's compose body of an open reply (a contenteditable; text goes in as text, never HTML). */
export const COMPOSE_BODY: Fallbacks = [
  { name: 'div[g_editable][role=textbox]', selector: 'div[g_editable="true"][role="textbox"]' }, // Gmail's editor since 2014 (InboxSDK compose view)
  { name: 'div.Am.Al.editable', selector: 'div.Am.Al.editable' }, // the editor's classes when attributes change
  { name: '[contenteditable][aria-label="Message Body"]', selector: '[contenteditable="true"][aria-label="Message Body"]' }, // English aria-label
];

/** The "Reply" control under the last message, which opens the inline reply box. */
export const REPLY_BUTTON: Fallbacks = [
  { name: 'span.ams.bkH', selector: 'span.ams.bkH' }, // the bottom-of-thread "Reply" link (gmail.js, InboxSDK)
  { name: '[role=button][data-tooltip^=Reply]', selector: '[role="button"][data-tooltip^="Reply"]' }, // the toolbar reply arrow, English
  { name: '[aria-label=Reply]', selector: '[aria-label="Reply"]' }, // reply arrow by its English label
];

/** The Google bar account button: aria-label "Google Account: Name (me@x.com)" in every locale. */
export const ACCOUNT_BUTTON: Fallbacks = [
  { name: '#gb a[aria-label*=@]', selector: '#gb a[aria-label*="@"]' }, // Google bar (header#gb) account button, 2020+
  { name: 'a[href*=SignOutOptions]', selector: 'a[href*="accounts.google.com/SignOutOptions"][aria-label]' }, // the same button outside #gb
  { name: '[aria-label*=Google][aria-label*=@]', selector: '[aria-label*="Google"][aria-label*="@"]' }, // any "Google Account/Konto/Cuenta de Google" label
];

/** Gmail's attributes the reader reads values from (the selectors above find the elements). */
export const ATTR = {
  legacyThreadId: 'data-legacy-thread-id', // hex thread id on the subject h2
  threadPermId: 'data-thread-perm-id', // `thread-f:<decimal>` sync id on the subject h2
  legacyMessageId: 'data-legacy-message-id', // hex message id on the message card
  messageId: 'data-message-id', // `#msg-f:<decimal>` sync id on the message card
  email: 'email', // address on a person chip (`span.gD`, `span.g2`)
  name: 'name', // display name on a person chip (absent on some senders)
  dateTooltip: 'title', // full date on `span.g3`
  accountLabel: 'aria-label', // "Google Account: Name (me@x.com)" on the account button
  expanded: 'aria-expanded', // "true"/"false" on a message list item
} as const;

/** Every SUBJECT variant ends in this tag, so candidates come from one cheap `getElementsByTagName`. */
export const SUBJECT_TAG = 'h2';

/** Subject emoji Gmail renders as images: `<img data-emoji="🎉" alt="🎉">` (InboxSDK getSubject). */
export const EMOJI_IMAGE_ATTR = 'data-emoji';

/**
 * Body walking: subtrees to skip, by tag (`localName`, lower case) and by class token suffix. Gmail prefixes the
 * class names of received HTML (`m_-1234gmail_quote`), so suffixes are compared, not whole names.
 */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'button', 'select', 'input', 'textarea',
]);
/** Tags of quoted history in a body. */
export const QUOTE_TAGS: ReadonlySet<string> = new Set(['blockquote']); // quoted history in every client
/** Classes of quoted history written by mail clients, compared as suffixes (Gmail prefixes received ones: `m_-1234gmail_quote`). */
export const QUOTE_CLASS_SUFFIXES: readonly string[] = [
  'gmail_quote', // Gmail-composed replies: quoted history (with the "On … wrote:" line)
  'gmail_quote_container', // 2024+ Gmail wrapper around gmail_quote
  'gmail_extra', // pre-2017 Gmail wrapper around the quote
  'gmail_attr', // "On Mon, Nov 16, 2026 at 9:14 AM … wrote:"
  'yahoo_quoted', // Yahoo Mail quoted history
  'moz-cite-prefix', // Thunderbird "On … wrote:" line
];
/** Classes Gmail itself puts on quoted or trimmed parts of a body. */
export const QUOTE_CLASSES: readonly string[] = [
  'im', // Gmail marks quoted lines it recognised with `.im`
  'adL', // Gmail's trailing trimmed-content marker
  'h5', // the trimmed content Gmail hides behind "•••"
];
/** Gmail's own controls inside the body: never message text. */
export const SKIP_CLASSES: readonly string[] = [
  'adm', // the "•••" show-trimmed-content toggle
  'ajR', // the "•••" button
  'yj6qo', // empty placeholder after the body
  'iX', // "[Message clipped]  View entire message"
];
/** Outlook puts the quoted history after these (as siblings, not children): stop reading there. */
export const STOP_ID_SUFFIXES: readonly string[] = ['appendonsend', 'divRplyFwdMsg'];

/** Table cells: a space between them so "Price" and "$40" do not run together. */
export const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th']);

/** Elements that start a new line in the plain-text body. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'div', 'p', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'pre', 'hr', 'section',
  'article', 'header', 'footer', 'address', 'dd', 'dt', 'dl', 'figure', 'center',
]);

function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null; // an engine that rejects a selector just skips that variant
  }
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first element matched by the first variant that matches anything, with the variant's name. */
export function queryFirst(root: ParentNode, fallbacks: Fallbacks): QueryMatch | null {
  for (const f of fallbacks) {
    const el = safeQuery(root, f.selector);
    if (el) return { el, name: f.name };
  }
  return null;
}

/** All elements of the first variant that has any element `accept` keeps, with the variant's name. */
export function queryAllFirstWhere(
  root: ParentNode,
  fallbacks: Fallbacks,
  accept: (el: Element) => boolean,
): { els: Element[]; name: string } | null {
  for (const f of fallbacks) {
    let all: NodeListOf<Element>;
    try {
      all = root.querySelectorAll(f.selector);
    } catch {
      continue; // an engine that rejects a selector just skips that variant
    }
    // Filtered straight off the static list: no intermediate array per message.
    const els: Element[] = [];
    for (let i = 0; i < all.length; i++) if (accept(all[i]!)) els.push(all[i]!);
    if (els.length > 0) return { els, name: f.name };
  }
  return null;
}

/**
 * The first element (document order) of the first variant for which `accept` returns true, or null. Used where a
 * match inside the message body must not count (an address written in the body is not the sender).
 */
export function queryFirstWhere(
  root: ParentNode,
  fallbacks: Fallbacks,
  accept: (el: Element, variant: Fallback) => boolean,
): QueryMatch | null {
  for (const f of fallbacks) {
    const first = safeQuery(root, f.selector);
    if (!first) continue;
    if (accept(first, f)) return { el: first, name: f.name }; // the usual case: no list needed
    for (const el of safeQueryAll(root, f.selector)) {
      if (el !== first && accept(el, f)) return { el, name: f.name };
    }
  }
  return null;
}

/*
 * Speed note: each variant is one plain selector on purpose. A comma list ("a, b, c") takes Chromium off its fast
 * paths: one list over a 30-message thread costs ~50x one simple selector (measured 1.4 ms vs 20-30 µs).
 */

/**
 * Candidates (already collected, document order) filtered by the first variant any of them matches, with the
 * variant's name. Lets a caller use one cheap `getElementsByTagName` instead of a document pass per variant.
 */
export function matchAllFirst(candidates: ArrayLike<Element>, fallbacks: Fallbacks): { els: Element[]; name: string } | null {
  for (const f of fallbacks) {
    const els: Element[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const el = candidates[i]!;
      try {
        if (el.matches(f.selector)) els.push(el);
      } catch {
        break;
      }
    }
    if (els.length > 0) return { els, name: f.name };
  }
  return null;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/**
 * Among already-collected candidates (document order), the first that the first possible variant matches and
 * `accept` keeps, with the variant's name.
 */
export function pickFirst(
  candidates: ArrayLike<Element>,
  fallbacks: Fallbacks,
  accept: (el: Element, variant: Fallback) => boolean = () => true,
): QueryMatch | null {
  for (const f of fallbacks) {
    for (let i = 0; i < candidates.length; i++) {
      const el = candidates[i]!;
      if (safeMatches(el, f.selector) && accept(el, f)) return { el, name: f.name };
    }
  }
  return null;
}

/** Every ancestor-or-self match of `el`, one per variant, in fallback order. */
export function closestAll(el: Element, fallbacks: Fallbacks): QueryMatch[] {
  const out: QueryMatch[] = [];
  for (const f of fallbacks) {
    let hit: Element | null = null;
    try {
      hit = el.closest(f.selector);
    } catch {
      hit = null;
    }
    if (hit && !out.some((m) => m.el === hit)) out.push({ el: hit, name: f.name });
  }
  return out;
}
