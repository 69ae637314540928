/**
 * Reads the person on an open LinkedIn profile page (`/in/<slug>`) from its DOM.
 *
 * Pure and synchronous: no `chrome.*`, no network, no layout (`textContent`, never `innerText`). Page text is
 * hostile input and LinkedIn's markup changes without notice, so every step is a fallback chain (see
 * `selectors.ts`), every text is bounded and cleaned, and the function returns `null` rather than throwing.
 *
 * The DOM top card is the truth. The page's embedded JSON (`code[id^="bpr-guid-"]`) is never parsed: after
 * in-app navigation it still describes an earlier profile, and it always describes the viewer too.
 *
 * Cost: a handful of scoped `querySelector` calls (the top card, then `#about`/`#experience`), so a real page
 * reads in well under a millisecond in Chromium. Text reads are capped in nodes and characters.
 */
import { ODD_SPACE, cleanText } from '../text';
import {
  SELECTORS as S,
  anyOf,
  closestFirst,
  hasInside,
  matchesAny,
  queryAll,
  queryFirst,
  queryFirstAmong,
  type Fallbacks,
  type QueryMatch,
} from './selectors';
import { INVALID, parseLinkedInProfileCompiled } from './profile-parser.gen';
import type { LinkedInProfile } from './types';
import { canonicalProfileUrl, profileSlugFromUrl } from './url';

type Layout = LinkedInProfile['layout'];

const MAX_NAME = 300;
const MAX_HEADLINE = 1000;
const MAX_COMPANY = 300;
const MAX_TITLE = 300;
const MAX_LOCATION = 300;
/** Sections of <main> listed for heading lookups; a page has about a dozen. */
const MAX_SECTIONS = 80;
/** Upper bound of nodes one text read visits (a hostile element can hold a whole page). */
const MAX_TEXT_NODES = 1000;
/** `Node.DOCUMENT_POSITION_FOLLOWING`, without needing a `Node` global. */
const FOLLOWING = 4;

const VISUALLY_HIDDEN = anyOf(S.visuallyHidden);
/**
 * Subtrees known, during one synchronous read, to hold a screen-reader-only copy (true) or none (false); null between
 * reads. A `matches`/`closest` with a selector list takes the engine's slow path, for every text run, so a subtree
 * without a copy (the hashed layout has none) skips them. The subtrees asked about are the ones text is read from
 * (the top card, the experience section, a heading), not all of <main>: on the hashed pages one scan of <main> for
 * each of the three classes cost a third of the reader's budget, and finds nothing.
 */
let hiddenIn: Map<Element, boolean> | null = null;
/** Section heading keys (`sectionKey`) during one read; null between reads. */
let sectionKeys: Map<Element, string> | null = null;
/** `<main>` holds a copy: artdeco pages have them everywhere, so every element is tested (no walks up). */
let hiddenEverywhere = false;

/** A character that is neither whitespace nor invisible. */
const VISIBLE_CHAR = /[^\s\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/;

/** The variants of `fallbacks` that can match on `layout` (all of them while the layout is unknown). */
function forLayout(fallbacks: Fallbacks, layout: Layout): Fallbacks {
  if (layout === 'unknown') return fallbacks;
  // The lists are constants: filtered once per list and layout, not on every read.
  let byLayout = LAYOUT_VARIANTS.get(fallbacks);
  if (!byLayout) LAYOUT_VARIANTS.set(fallbacks, (byLayout = new Map()));
  let variants = byLayout.get(layout);
  if (!variants) {
    const other = layout === 'artdeco-2024' ? 'hashed:' : 'artdeco:';
    variants = fallbacks.filter((v) => !v.name.startsWith(other));
    byLayout.set(layout, variants);
  }
  return variants;
}
const LAYOUT_VARIANTS = new WeakMap<Fallbacks, Map<Layout, Fallbacks>>();

// ---------------------------------------------------------------------------------------------------------------
// URL

/** The profile slug of a link's `href` (absolute, or relative to LinkedIn like `/in/<slug>/overlay/contact-info/`). */
function slugFromHref(href: string | null): string | null {
  if (!href) return null;
  return profileSlugFromUrl(href.startsWith('/') && !href.startsWith('//') ? `https://www.linkedin.com${href}` : href);
}


// ---------------------------------------------------------------------------------------------------------------
// Text

/**
 * Walks the text nodes of `el` in document order, skipping `<script>`-like elements and screen-reader-only copies
 * (`.visually-hidden`: artdeco renders labels twice, `<span aria-hidden>X</span><span class="visually-hidden">X
 * </span>`, and `textContent` would give "XX"). `visit` returns false to stop. Iterative (a 5,000-level nested
 * element costs no stack) and bounded in nodes. Returns whether a screen-reader-only copy was skipped.
 */
function walkText(el: Element, visit: (data: string) => boolean): boolean {
  let visited = 0;
  let sawHidden = false;
  // Asked at the first child element: most text runs are a lone text node, and need no answer.
  let mayHideHere: boolean | undefined;
  let node: Node | null = el.firstChild;
  while (node && visited < MAX_TEXT_NODES) {
    visited++;
    let descend = false;
    if (node.nodeType === 3 /* TEXT_NODE */) {
      if (!visit((node as Text).data)) break;
    } else if (node.nodeType === 1 /* ELEMENT_NODE */) {
      const child = node as Element;
      const tag = child.localName;
      if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') {
        // never text
      } else if ((mayHideHere ??= mayHide(el)) && isVisuallyHidden(child)) {
        sawHidden = true;
      } else {
        descend = child.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Next node in document order inside `el`, without recursion.
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    if (!node || node === el) break;
    node = node.nextSibling;
  }
  return sawHidden;
}

/** The visible text of `el` (see `walkText`), cleaned and capped at `max` characters. */
function readText(el: Element | null | undefined, max: number): string {
  if (!el) return '';
  // Room for invisible characters that cleanText drops; whitespace is collapsed as it comes.
  const budget = max * 2 + 16;
  let out = '';
  const sawHidden = walkText(el, (data) => {
    const room = budget - out.length;
    const raw = data.length > room * 4 ? data.slice(0, room * 4) : data;
    // A test costs a fraction of a global replace, and most runs have nothing to collapse.
    const chunk = ODD_SPACE.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
    if (chunk !== ' ' || (out !== '' && !out.endsWith(' '))) out += chunk.length > room ? chunk.slice(0, room) : chunk;
    return out.length < budget;
  });
  const text = cleanText(out, max);
  // Only screen-reader text (no visible copy): better than nothing.
  if (!text && sawHidden) return cleanText(boundedTextContent(el, budget), max);
  return text;
}

/** Whether `el` shows any text: stops at the first visible character. */
function hasText(el: Element): boolean {
  let found = false;
  const sawHidden = walkText(el, (data) => {
    found = VISIBLE_CHAR.test(data);
    return !found;
  });
  return found || (sawHidden && cleanText(boundedTextContent(el, 200), 40) !== '');
}

function boundedTextContent(el: Element, budget: number): string {
  const t = el.textContent ?? '';
  return t.length > budget ? t.slice(0, budget) : t;
}

/** Whether `el` itself is a screen-reader-only copy. Callers ask `mayHide` first (a list `matches` is the slow path). */
function isVisuallyHidden(el: Element): boolean {
  try {
    return el.matches(VISUALLY_HIDDEN);
  } catch {
    return false;
  }
}

/**
 * Whether `el` or an element inside it may be a screen-reader-only copy: the answer for the nearest ancestor-or-self
 * already asked about, else `el`'s own (three scoped queries, remembered for the rest of the read). An ancestor
 * without one answers for everything inside it; an ancestor with one only says "look" (a true is never wrong, it
 * just costs the per-element tests).
 */
function mayHide(el: Element): boolean {
  if (hiddenEverywhere) return true;
  const known = hiddenIn;
  for (let a: Element | null = el; known && a; a = a.parentElement) {
    const answer = known.get(a);
    if (answer !== undefined) return answer;
  }
  // The element itself counts too: a subtree whose root is a copy is not one without copies. (One list `matches`
  // for it, then one query per class for the inside: a `matches` per class as well cost as much as the queries.)
  const answer = isVisuallyHidden(el) || hasInside(el, S.visuallyHidden);
  known?.set(el, answer);
  return answer;
}

/** Lower-case, letters only: for comparing headings ("Experience", "About") across whitespace and case. */
function headingKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim();
}

/** Headings of profile sections and rails: never a person's name. */
const NOT_A_NAME = new Set(
  [
    'About',
    'Activity',
    'Experience',
    'Education',
    'Featured',
    'Highlights',
    'Skills',
    'Interests',
    'Languages',
    'Licenses & certifications',
    'Recommendations',
    'Volunteering',
    'Projects',
    'Courses',
    'Honors & awards',
    'Publications',
    'Causes',
    'Analytics',
    'Resources',
    'Suggested for you',
    'People also viewed',
    'People you may know',
    'More profiles for you',
    'Explore Premium profiles',
    'You might like',
    // LinkedIn's own pages, as the title names them ("(4) Feed | LinkedIn")
    'Feed',
    'Home',
    'Main feed',
    'Notifications',
    'Messaging',
    'My Network',
    'Jobs',
    'Search',
    'Sign In',
    'Sign Up',
    'Log In',
    'Security Verification',
    'Page not found',
    'LinkedIn',
    'Profile',
  ].map(headingKey),
);

// ---------------------------------------------------------------------------------------------------------------
// Name

/** "(12) Naveen Dasari | LinkedIn" → "Naveen Dasari"; "" when the title is not a profile title. */
export function nameFromTitle(title: string | null | undefined): string {
  const t = cleanText(title, 1200);
  const m = /^(?:\(\d+\+?\)\s*)?(.+?)\s*\|\s*LinkedIn$/i.exec(t);
  const name = cleanText(m?.[1], MAX_NAME);
  if (!name || NOT_A_NAME.has(headingKey(name))) return '';
  return name;
}

/** A name-like heading that is not in a rail, a menu or a list (of other people). */
function isProfileHeading(el: Element): boolean {
  return closestFirst(el, S.notProfileHeading) === null && isNameLike(el);
}

function isNameLike(el: Element): boolean {
  if (mayHide(el) && isVisuallyHidden(el)) return false;
  const text = readText(el, MAX_NAME);
  nameRead = { el, text };
  return text !== '' && !NOT_A_NAME.has(headingKey(text));
}

/** The heading `isNameLike` read last during a read (the one it accepted, if any): the name is not read twice. */
let nameRead: { el: Element; text: string } | null = null;

// ---------------------------------------------------------------------------------------------------------------
// Hashed top card: text runs by position

interface Block {
  readonly el: Element;
  readonly text: string;
}

/** The degree badge ("· 2nd", "3rd+", "1st degree connection"). */
const DEGREE = /^[·•]?\s*(?:1st|2nd|3rd\+?)(?:\s+degree(?:\s+connection)?)?$/i;
/** Pronouns ("(She/Her)", "He/Him"). */
const PRONOUNS = /^\(?\s*\p{L}{2,12}(?:\s*\/\s*\p{L}{2,12}){1,2}\s*\)?$/u;
const SEPARATOR = /^[\s·•|,;:–—-]*$/;
const COUNTS = /\d[\d,.\s]*\+?\s*(?:connections?|followers?|mutual)\b/i;
const UI_TEXT = /^(?:contact info|message|connect|follow|more|open to work|verified|view .*|show all.*|see more|…see more)$/i;
const VERIFICATIONS = /\bverifications?\b|\bverified\b/i;
const PLACE = /,|\b(?:Area|Region|Metropolitan|Metro|County|Greater|Province|State|District|Republic|Kingdom|Emirates|City|Prefecture|Canton|Oblast)\b/i;

function isNoise(text: string, name: string): boolean {
  return (
    text === name ||
    SEPARATOR.test(text) ||
    DEGREE.test(text) ||
    PRONOUNS.test(text) ||
    COUNTS.test(text) ||
    UI_TEXT.test(text) ||
    (text.length < 60 && VERIFICATIONS.test(text))
  );
}

/**
 * Text runs of `scope` that follow `anchor` in document order: `<p>`s, else leaf `<span>`/`<div>`s. Skips
 * screen-reader copies and anything inside `anchor`. At most `limit` runs, each capped at `max` characters.
 */
function textBlocksAfter(scope: Element, anchor: Element | null, limit: number, max: number): Block[] {
  const out: Block[] = [];
  eachTextBlock(scope, anchor, limit, max, (b) => {
    out.push(b);
    return false;
  });
  return out;
}

/** The first of `textBlocksAfter(scope, null, limit, max)` that `accept` takes, reading no run after it. */
function firstTextBlock(scope: Element, limit: number, max: number, accept: (text: string) => boolean): string {
  let found = '';
  eachTextBlock(scope, null, limit, max, (b) => {
    if (!accept(b.text)) return false;
    found = b.text;
    return true;
  });
  return found;
}

/** Each variant of `S.textBlock` on its own, made once (a single-variant query takes the engine's fast path). */
const TEXT_BLOCK_VARIANTS: readonly Fallbacks[] = S.textBlock.map((v) => [v]);
/** `Node.DOCUMENT_POSITION_CONTAINED_BY`. */
const CONTAINED_BY = 16;

/**
 * The runs of `textBlocksAfter`, in order, to `visit` (true stops): those of the first variant that has any. Stops
 * reading at the visitor's word, so a caller after the first run of a kind pays for no later ones.
 */
function eachTextBlock(
  scope: Element,
  anchor: Element | null,
  limit: number,
  max: number,
  visit: (b: Block) => boolean,
): void {
  for (const variant of TEXT_BLOCK_VARIANTS) {
    let count = 0;
    const leavesOnly = variant !== TEXT_BLOCK_VARIANTS[0];
    // Matches come in document order: once one lies after the anchor (and outside it), so do all the rest.
    let after = anchor === null;
    for (const el of queryAll(scope, variant, 300)) {
      if (!after) {
        // One call answers both "inside the anchor" and "after it" (the anchor itself gives 0).
        const pos = (anchor as Element).compareDocumentPosition(el);
        if (!(pos & FOLLOWING) || pos & CONTAINED_BY) continue;
        after = true;
      }
      if (leavesOnly && el.childElementCount > 0) continue;
      if (closestHidden(el, scope)) continue;
      const text = readText(el, max);
      if (!text) continue;
      count++;
      if (visit({ el, text }) || count >= limit) return;
    }
    if (count) return;
  }
}

/** Whether `el` or an ancestor up to `scope` is a screen-reader-only copy. */
function closestHidden(el: Element, scope: Element): boolean {
  if (!mayHide(scope)) return false;
  try {
    const hidden = el.closest(VISUALLY_HIDDEN);
    return hidden !== null && scope.contains(hidden);
  } catch {
    return false;
  }
}

/** Whether `el` sits inside a button or link of `scope`. */
function inControl(el: Element, scope: Element): boolean {
  if (!scope.contains(el)) return false;
  // Up to `scope` only: a `closest` with the selector list tests every ancestor up to the document (the slow path,
  // ~1 µs a run on the hashed top card), where the few between the run and its card are all that can answer.
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (matchesAny(a, S.control)) return true;
    if (a === scope) break;
  }
  return false;
}

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

/** A place beyond doubt: a comma or a place word, short, and none of a headline's "at", "|", "@", "&". */
function clearlyPlace(text: string): boolean {
  return PLACE.test(text) && text.length <= 80 && !/[|@&]|\sat\s/i.test(text);
}

/** A letter of any script. A constant: bundlers rewrite a `\p{…}` literal into `new RegExp(…)` where it stands. */
const LETTER = /\p{L}/u;

function locationLike(text: string): boolean {
  return text.length <= 150 && !/[|@·•]/.test(text) && !/\d{3,}/.test(text) && LETTER.test(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Company and experience

const EMPLOYMENT =
  /^(?:(?:permanent|contract|temporary|seasonal)\s+)?(?:full[- ]time|part[- ]time|self[- ]employed|freelance|contract|internship|apprenticeship|seasonal|temporary|volunteer)$/i;
const DURATION = /^(?:less than a year|\d+\s+(?:yrs?|years?|mos?|months?)(?:\s+\d+\s+(?:mos?|months?))?)$/i;
const DATE_RANGE = /^(?:\p{L}{3,9}\.?\s+)?\d{4}\s*(?:[-–]|to)\s*(?:present|(?:\p{L}{3,9}\.?\s+)?\d{4})/iu;
const DATE_ANYWHERE = /\b\d{4}\s*(?:[-–]|to)\s*(?:present\b|(?:\p{L}{3,9}\.?\s+)?\d{4}\b)/iu;

/** "Brightwave Talent · Full-time" → "Brightwave Talent"; null for a line that is only type, dates or duration. */
function companyFromSubtitle(line: string): string | null {
  const first = cleanText(line.split(/\s+[·•]\s+/)[0], MAX_COMPANY);
  if (!first || EMPLOYMENT.test(first) || DURATION.test(first) || DATE_RANGE.test(first)) return null;
  return first;
}

/** A grouped company's second line: "Full-time · 5 yrs 3 mos", or just "14 yrs 2 mos". */
function isGroupHeaderLine(line: string): boolean {
  const parts = line.split(/\s+[·•]\s+/);
  const last = parts[parts.length - 1] ?? '';
  return DURATION.test(last) && parts.slice(0, -1).every((p) => EMPLOYMENT.test(p));
}

/** "Current company: Kustbanken. Click to skip to experience card" → "Kustbanken". */
export function companyFromAriaLabel(label: string | null | undefined): string {
  const text = cleanText(label, MAX_COMPANY * 2)
    .replace(/^current company\s*[:\-–—]?\s*/i, '')
    .replace(/\.?\s*click to skip to (?:the )?experience(?: card| section)?\.?$/i, '')
    .replace(/\.\s*click (?:to|for) .*$/i, '');
  return cleanText(text, MAX_COMPANY);
}

interface Experience {
  title: string | null;
  company: string | null;
  titleVia: string;
  companyVia: string;
  sectionVia: string;
}

/** A line that only says when or how someone worked ("Jan 2020 - Present · 6 yrs", "Full-time"): never a title. */
function isEntryMetadata(line: string): boolean {
  const first = line.split(/\s+[·•]\s+/)[0] ?? '';
  return DATE_RANGE.test(line) || DURATION.test(first) || EMPLOYMENT.test(first) || isGroupHeaderLine(line);
}

/**
 * The title of an entry (a role, or the company header of a grouped entry): its bold line, else its first run that
 * is not dates or employment type (an entry whose title is missing or still loading must not be titled
 * "Jan 2020 - Present").
 */
function entryHeadText(entry: Element, layout: Layout): { text: string; via: string } {
  const bold = queryFirst(entry, forLayout(S.entryTitle, layout), hasText);
  if (bold) return { text: readText(bold.el, MAX_TITLE), via: bold.name };
  const text = firstTextBlock(entry, 4, MAX_TITLE, (line) => !isEntryMetadata(line));
  return { text, via: 'structure:first-line' };
}

/** A nested list item that is a role has a date range ("Feb 2022 - Present · 3 yrs"); a skills row has none. */
function isRoleItem(el: Element): boolean {
  return DATE_ANYWHERE.test(readText(el, 600));
}

function findExperienceSection(
  root: ParentNode,
  sections: (() => readonly Element[]) | null,
  everySection: () => readonly Element[] | null,
  layout: Layout,
): QueryMatch | null {
  const m = queryFirstAmong(root, forLayout(S.experience, layout), everySection);
  if (m) {
    // The artdeco anchor is an empty div at the top of its card: the card is the section around it.
    if (m.el.childElementCount === 0) {
      const card = closestFirst(m.el, S.section);
      if (card) return { el: card.el, name: m.name };
      if (m.el.parentElement) return { el: m.el.parentElement, name: m.name };
    }
    return m;
  }
  return sections ? sectionByHeading(sections(), 'experience') : null;
}

function sectionByHeading(sections: readonly Element[], key: string): QueryMatch | null {
  for (const section of sections) {
    if (sectionKey(section) === key) {
      return { el: section, name: `structure:section-heading-${key}` };
    }
  }
  return null;
}

/**
 * The heading key of a section ('' without a heading), once per read: About and Experience are looked up by heading
 * in the same sections, and each look costs a query, a text read and a Unicode regex per section.
 */
function sectionKey(section: Element): string {
  let key = sectionKeys?.get(section);
  if (key === undefined) {
    const heading = queryFirst(section, S.sectionHeading);
    key = heading ? headingKey(readText(heading.el, 60)) : '';
    sectionKeys?.set(section, key);
  }
  return key;
}

function readExperience(
  root: ParentNode,
  sections: (() => readonly Element[]) | null,
  everySection: () => readonly Element[] | null,
  layout: Layout,
): Experience | null {
  const section = findExperienceSection(root, sections, everySection, layout);
  if (!section) return null;
  // Asked once for the section: every entry read below is inside it.
  mayHide(section.el);
  const entry = queryFirst(section.el, forLayout(S.experienceEntry, layout), hasText);
  if (!entry) return null;
  const result: Experience = { title: null, company: null, titleVia: '', companyVia: '', sectionVia: section.name };

  // Grouped company entry: the company is the entry's head line, the title is the first role's.
  // (A nested list item counts as a role only when it has a date range: simple entries nest skill lists too.)
  // The artdeco page marks grouped roles explicitly, so the structural guess is for the other layouts only.
  const artdecoRole = queryFirst(entry.el, forLayout(S.groupedRole, layout), hasText);
  const nestedRole =
    artdecoRole || layout === 'artdeco-2024' ? null : queryFirst(entry.el, S.nestedListItem, isRoleItem);
  const role = artdecoRole ?? nestedRole;
  if (role) {
    const head = entryHeadText(entry.el, layout);
    const roleHead = entryHeadText(role.el, layout);
    result.company = cleanText(head.text, MAX_COMPANY) || null;
    result.companyVia = `${entry.name}>grouped>${head.via}`;
    result.title = cleanText(roleHead.text, MAX_TITLE) || null;
    result.titleVia = `${entry.name}>${role.name}>${roleHead.via}`;
    return result;
  }

  const head = entryHeadText(entry.el, layout);
  const subtitleMatch = queryFirst(entry.el, forLayout(S.entrySubtitle, layout), hasText);
  const subtitle = subtitleMatch
    ? { text: readText(subtitleMatch.el, MAX_COMPANY * 2), via: subtitleMatch.name }
    : {
        text: firstTextBlock(entry.el, 4, MAX_COMPANY * 2, (line) => line !== head.text),
        via: 'structure:second-line',
      };

  if (isGroupHeaderLine(subtitle.text)) {
    // A company header whose roles are not in the DOM (collapsed): the company, but no title.
    result.company = cleanText(head.text, MAX_COMPANY) || null;
    result.companyVia = `${entry.name}>grouped>${head.via}`;
    return result;
  }
  result.title = cleanText(head.text, MAX_TITLE) || null;
  result.titleVia = `${entry.name}>${head.via}`;
  result.company = subtitle.text ? companyFromSubtitle(subtitle.text) : null;
  result.companyVia = `${entry.name}>${subtitle.via}`;
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The reader

/**
 * The person on a LinkedIn profile page, or null when `url` is not an `/in/<slug>` page, no name can be found,
 * or the result does not validate. Never throws.
 */
export function readLinkedInProfile(doc: Document, url: string): LinkedInProfile | null {
  try {
    hiddenIn = new Map();
    sectionKeys = new Map();
    return read(doc, url);
  } catch {
    // Last resort only: every step below is written not to throw.
    return null;
  } finally {
    hiddenIn = null;
    sectionKeys = null;
    nameRead = null;
    hiddenEverywhere = false;
  }
}

function read(doc: Document, url: string): LinkedInProfile | null {
  const slug = profileSlugFromUrl(url);
  if (!slug || !doc) return null;
  const matched: Record<string, string> = {};

  const mainMatch = queryFirst(doc, S.main);
  const root: Element | null = mainMatch?.el ?? doc.body ?? doc.documentElement;
  if (!root) return null;
  matched.root = mainMatch?.name ?? 'any:body';

  // Every section of <main>, listed once when first needed: to find a section by its heading, and to test the few
  // sections for a section variant instead of scanning all of <main> (`queryFirstAmong`; not when the list is cut).
  let sections: Element[] | null = null;
  const allSections = (): Element[] => (sections ??= queryAll(root, S.section, MAX_SECTIONS));
  const everySection = (): Element[] | null => {
    const all = allSections();
    return all.length < MAX_SECTIONS ? all : null;
  };

  // --- Name, top card and layout ---------------------------------------------------------------------------
  let layout: Layout = 'unknown';
  let nameEl: Element | null = null;
  let nameVia = '';
  let topCard: Element | null = null;

  const artdecoName = queryFirst(root, S.name, hasText);
  if (artdecoName) {
    layout = 'artdeco-2024';
    // Artdeco labels are doubled all over the page: one scan (it stops at the first copy) answers for every run.
    hiddenEverywhere = mayHide(root);
    nameEl = artdecoName.el;
    nameVia = artdecoName.name;
    const card = closestFirst(artdecoName.el, S.topCardFromName);
    topCard = card?.el ?? root;
    matched.topCard = card ? 'artdeco:section-around-name' : 'any:root';
  } else {
    const card = queryFirstAmong(root, S.topCard, everySection);
    if (card) {
      topCard = card.el;
      matched.topCard = card.name;
      // Asked once for the card: every run read below is inside it.
      mayHide(card.el);
      layout = card.name.startsWith('artdeco:') ? 'artdeco-2024' : 'hashed';
      const inCard = queryFirst(card.el, S.nameInTopCard, isNameLike);
      if (inCard) {
        nameEl = inCard.el;
        nameVia = inCard.name;
      }
    }
    // The first heading of <main>, only when there is no top card to look in: a top card without a name means the
    // name is missing (or still loading), and the next heading down could be anybody's.
    if (!nameEl && !topCard) {
      const heading = queryFirst(root, S.mainHeading, isProfileHeading);
      if (heading) {
        layout = 'hashed';
        nameEl = heading.el;
        nameVia = heading.name;
        if (!topCard) {
          const around = closestFirst(heading.el, S.topCardFromName);
          topCard = around?.el ?? root;
          matched.topCard = around ? 'structure:section-around-heading' : 'any:root';
        }
      }
    }
  }

  let name = nameEl && nameRead?.el === nameEl ? nameRead.text : readText(nameEl, MAX_NAME);
  if (!name) {
    name = nameFromTitle(doc.title);
    nameVia = 'title:document.title';
    nameEl = null;
  }
  if (!name) return null;
  matched.name = nameVia;

  if (layout === 'unknown') {
    // No name in the DOM, but the page may still be artdeco (a name heading that failed to render).
    const headline = queryFirst(root, S.headline, hasText);
    if (headline) {
      layout = 'artdeco-2024';
      const card = closestFirst(headline.el, S.topCardFromName);
      topCard = card?.el ?? root;
      matched.topCard = card ? 'artdeco:section-around-headline' : 'any:root';
    }
  }

  // After in-app navigation the URL changes before the page does: a top card whose own Contact info link names
  // another profile is the previous person, not this one.
  const contact = topCard ? queryFirst(topCard, S.contactInfo) : null;
  if (contact) {
    const linked = slugFromHref(contact.el.getAttribute('href'));
    if (linked && linked !== slug) return null;
    if (linked) matched.slugCheck = `${contact.name}:same-slug`;
  }

  // --- Headline, location, company ------------------------------------------------------------------------
  let headline: string | null = null;
  let location: string | null = null;
  let company: string | null = null;

  const companyMatch = topCard ? queryFirst(topCard, forLayout(S.currentCompany, layout)) : null;
  if (companyMatch) {
    company = companyFromAriaLabel(companyMatch.el.getAttribute('aria-label')) || null;
    matched.company = companyMatch.name;
    if (!company) {
      company = readText(companyMatch.el, MAX_COMPANY) || null;
      matched.company = `${companyMatch.name}:text`;
    }
  }

  if (topCard && layout === 'artdeco-2024') {
    const h = queryFirst(topCard, S.headline, hasText);
    if (h) {
      headline = readText(h.el, MAX_HEADLINE) || null;
      matched.headline = h.name;
    }
    const l = queryFirst(topCard, S.location, hasText);
    if (l) {
      location = readText(l.el, MAX_LOCATION) || null;
      matched.location = l.name;
    }
  } else if (topCard && layout === 'hashed') {
    // With the name from the title, the runs are read from the top of the card (the name run itself is noise).
    // Text inside a control (the company and school buttons, links) is neither the headline nor the location.
    const card = topCard;
    const blocks = textBlocksAfter(topCard, nameEl, 12, MAX_HEADLINE).filter(
      (b) => !isNoise(b.text, name) && b.text !== company && !inControl(b.el, card),
    );
    // The location is the run right before "Contact info" (its line ends with the link), else the first later
    // run that reads like a place. A lone run before the link is the headline unless it clearly is a place
    // (a profile without a headline).
    const beforeContact = contact
      ? blocks.filter((b) => (b.el.compareDocumentPosition(contact.el) & FOLLOWING) !== 0 && !b.el.contains(contact.el))
      : [];
    const lastBefore = beforeContact[beforeContact.length - 1];
    let loc: Block | undefined;
    if (lastBefore && locationLike(lastBefore.text)) {
      const alone = lastBefore === blocks[0];
      if (alone ? clearlyPlace(lastBefore.text) : PLACE.test(lastBefore.text) || wordCount(lastBefore.text) <= 4) {
        loc = lastBefore;
        matched.location = 'hashed:before-contact-info';
      }
    }
    const first = blocks.find((b) => b !== loc);
    if (first && (!loc || first.el.compareDocumentPosition(loc.el) & FOLLOWING)) {
      headline = first.text;
      matched.headline = nameEl ? 'hashed:first-run-after-name' : 'hashed:first-run-of-card';
    }
    if (!loc) {
      loc = blocks.find((b) => b !== first && locationLike(b.text) && PLACE.test(b.text));
      if (loc) matched.location = 'hashed:place-pattern';
    }
    if (loc) location = cleanText(loc.text, MAX_LOCATION) || null;
  }

  // --- About and experience -------------------------------------------------------------------------------
  // Section-by-heading scans are for layouts without stable anchors; the artdeco page always has them.
  const about = queryFirstAmong(root, forLayout(S.about, layout), everySection);
  let hasAbout = about !== null;
  if (about) matched.hasAbout = about.name;
  else if (layout !== 'artdeco-2024') {
    const byHeading = sectionByHeading(allSections(), 'about');
    hasAbout = byHeading !== null;
    if (byHeading) matched.hasAbout = byHeading.name;
  }

  const experience = readExperience(root, layout === 'artdeco-2024' ? null : allSections, everySection, layout);
  let title: string | null = null;
  if (experience) {
    matched.experience = experience.sectionVia;
    if (experience.title) {
      title = experience.title;
      matched.title = experience.titleVia;
    }
    if (!company && experience.company) {
      company = experience.company;
      matched.company = `experience:${experience.companyVia}`;
    }
  }

  // A hashed location guess that is really the company line (a profile without a location).
  if (location && company && location === company && matched.location?.startsWith('hashed:')) {
    location = null;
    delete matched.location;
  }

  const result: LinkedInProfile = {
    slug,
    url: canonicalProfileUrl(slug),
    name,
    headline: headline || null,
    company: company || null,
    title: title || null,
    location: location || null,
    hasAbout,
    layout,
    matched,
  };
  // LinkedInProfileSchema's verdict and output, by zod's compiled checks of it (profile-parser.gen.ts, definite: what
  // they reject, safeParse rejects). The content script never builds the schema itself: that cost the page a long task.
  const parsed = parseLinkedInProfileCompiled(result);
  return parsed === INVALID ? null : parsed;
}
