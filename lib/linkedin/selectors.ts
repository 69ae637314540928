/**
 * Every CSS selector the LinkedIn profile reader uses, and nothing else. LinkedIn's markup changes often; when a
 * field stops reading, this is the one file to look at. Each field is an ordered list of fallbacks: the reader
 * takes the first variant that matches (and yields usable text), and reports the variant's `name` in
 * `LinkedInProfile.matched` so a diagnostic shows which one it was.
 *
 * Variant names start with the layout they are for (`artdeco:`, `hashed:`, `any:`, see below); the reader skips
 * the other layout's variants once it knows the layout, which keeps a miss from costing a full-page scan.
 *
 * Layouts:
 * - `artdeco`: the logged-in Ember profile page as of 2024 (`h1.text-heading-xlarge`, `pv-*`, `pvs-*` classes).
 * - `hashed`: the 2025+ server-driven page whose class names are per-deploy hashes (`_1a2b3c`). Nothing here
 *   matches a class for it: only tags, `data-view-name`, `componentkey`, `aria-label`s and link targets.
 * - `any`: structure that both share.
 */

/** One way to find an element. `name` is a short stable label for diagnostics (`layout:what`). */
export interface SelectorVariant {
  readonly name: string;
  readonly selector: string;
  /**
   * Every element the selector matches is a `<section>` (its subject is `section`, no combinator): the reader can
   * test the page's few sections instead of scanning all of <main> (see `queryFirstAmong`).
   */
  readonly section?: true;
}

/** Alternatives in priority order: the first that matches wins. */
export type Fallbacks = readonly SelectorVariant[];

/** A match and the name of the variant that produced it. */
export interface QueryMatch {
  readonly el: Element;
  readonly name: string;
}

/** Every LinkedIn selector, by field: an ordered list of fallbacks each (see the top of this file). */
export const SELECTORS = {
  /** Where the profile itself lives; queries are scoped to it so the nav bar and "Me" menu never leak in. */
  main: [
    { name: 'any:main', selector: 'main' }, // both layouts render the profile inside the one <main>
    { name: 'any:role-main', selector: '[role="main"]' }, // a11y landmark, if <main> is ever swapped for a div
  ],

  /** The top card: name, headline, location, current company, Contact info. */
  topCard: [
    { name: 'hashed:componentkey', selector: 'section[componentkey*="Topcard" i]', section: true }, // 2025+ SDUI component key
    { name: 'hashed:data-view-name', selector: '[data-view-name="profile-top-card"]' }, // 2025+ tracking attribute (on a <div> inside the card's section)
    { name: 'artdeco:member-card', selector: 'section.artdeco-card[data-member-id]', section: true }, // 2024: first card carries the member id
    { name: 'artdeco:pv-top-card', selector: 'section.pv-top-card', section: true }, // pre-2024 artdeco class
  ],

  /** The top card, found upwards from the name heading when none of `topCard` matched. */
  topCardFromName: [
    { name: 'any:section', selector: 'section' }, // both layouts wrap the top card in a <section>
  ],

  /** The person's full name. */
  name: [
    { name: 'artdeco:h1.text-heading-xlarge', selector: 'h1.text-heading-xlarge' }, // 2024 artdeco
    { name: 'artdeco:pv-text-details-h1', selector: '.pv-text-details__left-panel h1' }, // 2023 artdeco
  ],

  /** The name inside an already-found top card (hashed layout). */
  nameInTopCard: [
    { name: 'hashed:top-card-h1', selector: 'h1' }, // 2026 server-driven page: the name moved back to <h1>
    { name: 'hashed:top-card-h2', selector: 'h2' }, // 2025 server-driven page: the name is the card's <h2>
    { name: 'hashed:verified-badge-p', selector: '[data-view-name="profile-top-card-verified-badge"] p' }, // 2025 verified-name button
  ],

  /** Last structural resort: the first heading in <main> (never a class). */
  mainHeading: [
    { name: 'any:main-heading', selector: 'h1, h2' }, // whichever comes first in document order
  ],

  /** Containers of other people and page chrome: a heading inside one is never the profile's name. */
  notProfileHeading: [
    { name: 'any:rail', selector: 'aside, nav, header, footer, li, [role="complementary"], [role="navigation"]' }, // both layouts: rails, menus, lists of people
  ],

  /** Controls of the top card (company and school buttons, links): their text is never the headline or location. */
  control: [
    { name: 'any:control', selector: 'button, a, [role="button"], [role="link"]' }, // both layouts
  ],

  /** The headline under the name. */
  headline: [
    { name: 'artdeco:headline-suggestion-target', selector: '.text-body-medium.break-words[data-generated-suggestion-target]' }, // 2024 artdeco
    { name: 'artdeco:headline-text-body-medium', selector: '.text-body-medium.break-words' }, // 2024 artdeco, attribute dropped
    { name: 'artdeco:headline-div', selector: 'div.text-body-medium' }, // 2023 artdeco
  ],

  /** The location line in the top card. */
  location: [
    { name: 'artdeco:location-inline-light', selector: '.text-body-small.inline.t-black--light.break-words' }, // 2024 artdeco
    { name: 'artdeco:location-left-panel', selector: '.pv-text-details__left-panel .text-body-small' }, // 2023 artdeco
  ],

  /** The "Current company" button of the top card; the name is read from its aria-label. */
  currentCompany: [
    { name: 'any:current-company-button', selector: 'button[aria-label^="Current company: "]' }, // 2024 artdeco (and a11y label elsewhere)
    { name: 'any:current-company-label', selector: '[aria-label^="Current company" i]' }, // any element, any case, any separator
  ],

  /** The Contact info link: in the hashed layout the location sits right before it. */
  contactInfo: [
    { name: 'any:contact-info-link', selector: 'a[href*="/overlay/contact-info"]' }, // both layouts link the overlay
  ],

  /** Text blocks of the hashed top card and of an experience entry, in document order. */
  textBlock: [
    { name: 'hashed:p', selector: 'p' }, // 2025 server-driven page: every text run is a <p>
    { name: 'hashed:span-div', selector: 'span, div' }, // 2026 variant: some runs moved to <span>/<div> (leaves only)
  ],

  /** The About section (presence only: its text is never read). */
  about: [
    { name: 'artdeco:#about', selector: '#about' }, // 2024 artdeco anchor div at the top of the card
    { name: 'hashed:profile-card-about', selector: 'section[data-view-name="profile-card-about"]', section: true }, // 2025+ tracking attribute, on the card's <section> (where the 2024 pages put every card's "profile-card")
  ],

  /** The Experience section. */
  experience: [
    { name: 'artdeco:#experience', selector: '#experience' }, // 2024 artdeco anchor div; the section is its ancestor
    { name: 'hashed:profile-card-experience', selector: 'section[data-view-name="profile-card-experience"]', section: true }, // 2025+ tracking attribute, on the card's <section> (where the 2024 pages put every card's "profile-card")
    { name: 'hashed:componentkey-experience', selector: 'section[componentkey*="Experience" i]', section: true }, // 2025+ SDUI component key
  ],

  /** Every section of <main>, to find one by its heading text. */
  section: [
    { name: 'any:section', selector: 'section' }, // both layouts: one <section> per card
  ],

  /** A section's title heading. */
  sectionHeading: [
    { name: 'any:section-heading', selector: 'h2, h3' }, // artdeco <h2 class="pvs-header__title">, hashed <h2>
  ],

  /** One experience entry (a job, or a company grouping several roles). */
  experienceEntry: [
    { name: 'any:profile-component-entity', selector: '[data-view-name="profile-component-entity"]' }, // 2024 artdeco, kept by some 2025 cards
    { name: 'any:li', selector: 'li' }, // hashed: the first list item of the section's list
  ],

  /** Inside an artdeco entry: nested roles of a grouped company entry. */
  groupedRole: [
    { name: 'artdeco:sub-component-entity', selector: '.pvs-entity__sub-components [data-view-name="profile-component-entity"]' }, // 2024 artdeco grouped entry
  ],

  /** Inside an artdeco entry: the bold first line (the title, or the company of a grouped entry). */
  entryTitle: [
    { name: 'artdeco:t-bold', selector: '.t-bold' }, // 2024 artdeco
    { name: 'artdeco:hoverable-bold', selector: '.hoverable-link-text' }, // 2023 artdeco
  ],

  /** Inside an artdeco entry: the "Company · Full-time" subtitle (dates and place are `.t-black--light`). */
  entrySubtitle: [
    { name: 'artdeco:t-14-normal', selector: 'span.t-14.t-normal:not(.t-black--light)' }, // 2024 artdeco
  ],

  /** Inside a hashed entry: a nested list means a company with several roles. */
  nestedListItem: [
    { name: 'hashed:nested-li', selector: 'ul li, ol li' }, // a list inside the entry's list item
  ],

  /** Screen-reader-only copies of visible text (artdeco renders every label twice). */
  visuallyHidden: [
    { name: 'artdeco:visually-hidden', selector: '.visually-hidden' }, // 2024 artdeco
    { name: 'any:sr-only', selector: '.sr-only' }, // the common screen-reader-only class (Bootstrap, Tailwind)
    { name: 'any:a11y-text', selector: '.a11y-text' }, // LinkedIn's older screen-reader-only class
  ],

  /** The visible copy that sits beside a `.visually-hidden` one. */
  ariaHidden: [
    { name: 'artdeco:aria-hidden-span', selector: 'span[aria-hidden="true"]' }, // 2024 artdeco
  ],
} as const satisfies Record<string, Fallbacks>;

/** The name of one field of `SELECTORS`. */
export type SelectorKey = keyof typeof SELECTORS;

/** Combined selector of all variants, for `matches`/`closest` tests that do not need the variant name. */
export function anyOf(fallbacks: Fallbacks): string {
  let combined = COMBINED.get(fallbacks);
  if (combined === undefined) {
    combined = fallbacks.map((v) => v.selector).join(', ');
    COMBINED.set(fallbacks, combined);
  }
  return combined;
}
/** `anyOf` of the constant lists, joined once rather than on every query. */
const COMBINED = new WeakMap<Fallbacks, string>();

/** How many matches of one variant `queryFirst` looks at when an `accept` test rejects the first. */
const MAX_CANDIDATES = 25;

/**
 * The first element matching the first variant that matches (in priority order), or null. With `accept`, a
 * match is skipped when `accept(el)` is false (e.g. an empty duplicate heading), looking at no more than
 * `MAX_CANDIDATES` matches per variant. Never throws: a selector the engine rejects is skipped.
 */
export function queryFirst(
  root: ParentNode | null | undefined,
  fallbacks: Fallbacks,
  accept?: (el: Element) => boolean,
): QueryMatch | null {
  if (!root) return null;
  for (const variant of fallbacks) {
    try {
      // querySelector stops at the first match; the full list is only built when that one is rejected.
      const first = root.querySelector(variant.selector);
      if (!first) continue;
      if (!accept || accept(first)) return { el: first, name: variant.name };
      const all = root.querySelectorAll(variant.selector);
      const n = Math.min(all.length, MAX_CANDIDATES);
      for (let i = 1; i < n; i++) {
        const el = all[i];
        if (el && accept(el)) return { el, name: variant.name };
      }
    } catch {
      // An unsupported selector in some engine: try the next variant.
    }
  }
  return null;
}

/**
 * `queryFirst(root, fallbacks)`, except that a variant marked `section` is tested on `sections()` instead of
 * scanning `root`: `sections()` must give every `<section>` inside `root` in document order (what
 * `root.querySelectorAll('section')` gives), or null when it cannot (the variant then scans). The first of those
 * sections that matches is the first element of `root` that does, since nothing else can; a page has a handful of
 * sections among a thousand elements. `sections` is only called when such a variant is reached. Never throws.
 */
export function queryFirstAmong(
  root: ParentNode | null | undefined,
  fallbacks: Fallbacks,
  sections: () => readonly Element[] | null,
): QueryMatch | null {
  if (!root) return null;
  for (const variant of fallbacks) {
    try {
      const among = variant.section ? sections() : null;
      if (among) {
        for (const el of among) if (el.matches(variant.selector)) return { el, name: variant.name };
        continue;
      }
      const first = root.querySelector(variant.selector);
      if (first) return { el: first, name: variant.name };
    } catch {
      // An unsupported selector in some engine: try the next variant.
    }
  }
  return null;
}

/** All elements matching any variant, in document order, capped at `limit`. Never throws. */
export function queryAll(root: ParentNode | null | undefined, fallbacks: Fallbacks, limit = 200): Element[] {
  if (!root) return [];
  try {
    const all = root.querySelectorAll(anyOf(fallbacks));
    const out: Element[] = [];
    const n = Math.min(all.length, limit);
    for (let i = 0; i < n; i++) {
      const el = all[i];
      if (el) out.push(el);
    }
    return out;
  } catch {
    return [];
  }
}

/** The nearest ancestor-or-self matching any variant, as a match with the variant's name. Never throws. */
export function closestFirst(el: Element | null | undefined, fallbacks: Fallbacks): QueryMatch | null {
  if (!el) return null;
  for (const variant of fallbacks) {
    try {
      const found = el.closest(variant.selector);
      if (found) return { el: found, name: variant.name };
    } catch {
      // skip
    }
  }
  return null;
}

/** Whether `el` matches any variant. Never throws. */
export function matchesAny(el: Element, fallbacks: Fallbacks): boolean {
  for (const variant of fallbacks) {
    try {
      if (el.matches(variant.selector)) return true;
    } catch {
      // skip
    }
  }
  return false;
}

/**
 * Whether an element inside `root` (not `root` itself) matches any variant, one variant at a time: a single-selector
 * query takes the engine's fast path, a selector list the slow one (about 20× slower on a real page). Never throws.
 */
export function hasInside(root: Element, fallbacks: Fallbacks): boolean {
  for (const variant of fallbacks) {
    try {
      if (root.querySelector(variant.selector) !== null) return true;
    } catch {
      // an engine that rejects the selector: that variant matches nothing here
    }
  }
  return false;
}
