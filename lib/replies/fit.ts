/**
 * Fit: does the rep's offer serve what this inquiry asks for? Judged only against the rep's own offer profile, by
 * topic concepts (multilingual, see `concepts.ts`) with a token/stem overlap fallback for items the lexicon doesn't know.
 */
import { findConcepts, type Concept, type ConceptHit } from './concepts';
import { contentStems, fold } from './text';
import type { Fit, Intent, OfferProfile } from './types';

/** One prepared offer-profile entry. */
interface OfferItem {
  /** The rep's words, shortened for reasons ("CRM implementation"). */
  display: string;
  conceptIds: Set<string>;
  stems: string[];
}

interface PreparedProfile {
  offers: OfferItem[];
  excluded: OfferItem[];
}

// Profiles are small but parsed on every triage; caching by object identity keeps a 1,000-inquiry benchmark cheap.
const prepared = new WeakMap<OfferProfile, PreparedProfile>();

function prepareItem(text: string): OfferItem | null {
  const raw = text.trim();
  if (!raw) return null;
  // "CRM implementation (HubSpot, Pipedrive) for small teams" → "CRM implementation": the head is what the rep does.
  const display = raw.replace(/\([^)]*\)/g, ' ').split(/\s+(?:for|für|para|pour)\s+/i)[0]!.replace(/\s+/g, ' ').trim() || raw;
  const folded = fold(raw);
  return {
    display: /^[A-Z][A-Z0-9]/.test(display) ? display : display.charAt(0).toLowerCase() + display.slice(1),
    conceptIds: new Set(findConcepts(folded).map((h) => h.concept.id)),
    stems: [...new Set(contentStems(fold(display)))],
  };
}

function prepare(profile: OfferProfile): PreparedProfile {
  let p = prepared.get(profile);
  if (!p) {
    p = {
      offers: (profile.offers ?? []).map(prepareItem).filter((x): x is OfferItem => x !== null),
      excluded: (profile.doesNotOffer ?? []).map(prepareItem).filter((x): x is OfferItem => x !== null),
    };
    prepared.set(profile, p);
  }
  return p;
}

/** How strongly one offer item matches the inquiry (0 = not at all). Concepts count double: they carry synonyms. */
function itemScore(item: OfferItem, hits: ConceptHit[], stems: Set<string>): { score: number; concept: Concept | null } {
  let score = 0;
  let concept: Concept | null = null;
  for (const h of hits) {
    if (item.conceptIds.has(h.concept.id)) {
      score += 2 + Math.min(h.count, 5) * 0.2;
      concept ??= h.concept;
    }
  }
  if (item.stems.length > 0) {
    const found = item.stems.filter((s) => stems.has(s)).length;
    // Short items need every word ("web design" must not match "design our sales process"); long ones two thirds.
    const needed = item.stems.length <= 2 ? item.stems.length : Math.ceil((item.stems.length * 2) / 3);
    if (found >= needed) score += 1 + found / item.stems.length;
  }
  return { score, concept };
}

function best(items: OfferItem[], hits: ConceptHit[], stems: Set<string>) {
  let top: { item: OfferItem; score: number; concept: Concept | null } | null = null;
  for (const item of items) {
    const s = itemScore(item, hits, stems);
    if (s.score > 0 && (!top || s.score > top.score)) top = { item, ...s };
  }
  return top;
}

// "Do you edit podcasts?" → "edit podcasts": the thing asked for, when the lexicon has no concept for it.
const ASK_PATTERNS: readonly RegExp[] = [
  /\bdo (?:you|u) (?:guys )?(?:also )?((?:do|offer|provide|handle|run|manage|sell|produce|build|edit|make|create|design|write|translate|organi[sz]e|host|film|print|ship|install|repair|clean|teach)\b[^?.!\n]{2,50}?)\s*\?/,
  /\b(?:can|could) (?:you|u) (?:also )?((?:do|build|make|create|design|write|translate|edit|produce|organi[sz]e|film|print|install|repair)\b[^?.!\n]{2,50}?)\s*[?.]/,
  /\bmachen sie (?:auch )?([^?.!\n]{3,50}?)\s*\?/,
  /\b(?:haceis|hacen|ofreceis|ofrecen|llevan|llevais) ([^?.!\n]{3,50}?)\s*\?/,
  /\b(?:gerez|faites|proposez|realisez)-vous ([^?.!\n]{3,50}?)\s*\?/,
];

function askPhrase(folded: string): { phrase: string; stems: string[] } | null {
  for (const re of ASK_PATTERNS) {
    const m = re.exec(folded);
    if (!m?.[1]) continue;
    const phrase = m[1].replace(/^(do|offer|provide)\s+/, '').trim();
    const stems = contentStems(phrase);
    if (stems.length > 0) return { phrase, stems };
  }
  return null;
}

/** What `judgeFit` returns. */
export interface FitJudgement {
  fit: Fit;
  reason: string;
  /** The main topic the inquiry is about, when one was recognised (drives resource search and reply wording). */
  concept: Concept | null;
  signals: string[];
  /** When fit: the offer that matched, in the rep's words ("sales team training"). */
  offer?: string;
  /** When fit: something it also asks for that the rep does not offer. */
  alsoExcluded?: string;
}

// Intents whose sender is not asking to be served by the rep's offer: fit does not apply.
const FIT_NOT_APPLICABLE: Partial<Record<Intent, string>> = {
  vendor_pitch: 'a vendor pitch: fit with your offer does not apply',
  job: 'a job inquiry: fit with your offer does not apply',
  partnership: 'a partnership proposal: fit with your offer does not apply',
  research: 'a research request: fit with your offer does not apply',
};
// Intents where the sender asks for something, so a clear mismatch means "not a fit".
const ASKS: ReadonlySet<Intent> = new Set<Intent>(['purchase', 'advice', 'intro', 'support']);

/** Judge fit of one inquiry (folded subject + body) against the rep's profile. */
export function judgeFit(folded: string, intent: Intent, profile: OfferProfile | null | undefined): FitJudgement {
  const hits = findConcepts(folded);
  const concept = hits[0]?.concept ?? null;
  const notApplicable = FIT_NOT_APPLICABLE[intent];
  if (notApplicable) return { fit: 'unknown', reason: notApplicable, concept, signals: [] };
  const hasProfile = !!profile && ((profile.offers?.length ?? 0) > 0 || (profile.doesNotOffer?.length ?? 0) > 0);
  if (!hasProfile) return { fit: 'unknown', reason: 'no offer profile yet', concept, signals: concept ? [`about ${concept.label}`] : [] };

  const p = prepare(profile);
  const stems = new Set(contentStems(folded));
  const yes = best(p.offers, hits, stems);
  const no = ASKS.has(intent) ? best(p.excluded, hits, stems) : null;

  if (yes && (!no || yes.score >= no.score)) {
    const also = no ? ` (also mentions ${no.item.display}, which you don't offer)` : '';
    return {
      fit: 'fit',
      reason: `asks about ${yes.item.display}, which you offer${also}`,
      concept: yes.concept ?? concept,
      signals: [`matches your offer "${yes.item.display}"`],
      offer: yes.item.display,
      ...(no ? { alsoExcluded: no.item.display } : {}),
    };
  }
  if (no) {
    return {
      fit: 'not_fit',
      reason: `asks for ${no.item.display}, which you don't offer`,
      concept: no.concept ?? concept,
      signals: [`matches "${no.item.display}" in what you don't offer`],
    };
  }
  // A specific thing to buy that none of the offers covers is a mismatch too (e.g. video production for a CRM consultancy).
  if (intent === 'purchase' && concept && p.offers.length > 0) {
    return {
      fit: 'not_fit',
      reason: `asks for ${concept.label}, which isn't among your offers`,
      concept,
      signals: [`asks for ${concept.label}`],
    };
  }
  // Same for a concrete ask the lexicon doesn't know, when none of its words appear in any offer.
  if (intent === 'purchase' && !concept && p.offers.length > 0) {
    const ask = askPhrase(folded);
    const offered = new Set(p.offers.flatMap((o) => o.stems));
    // Mostly-unknown words: one shared generic word ("design") must not make "design a brochure" a fit.
    if (ask && ask.stems.filter((s) => offered.has(s)).length * 3 < ask.stems.length) {
      return { fit: 'not_fit', reason: `asks about "${ask.phrase}", which isn't among your offers`, concept: null, signals: [`asks for "${ask.phrase}"`] };
    }
  }
  if (concept) {
    return { fit: 'unknown', reason: `mentions ${concept.label}, which your offer profile doesn't cover either way`, concept, signals: [`about ${concept.label}`] };
  }
  return { fit: 'unknown', reason: 'no topic that matches your offer profile', concept: null, signals: [] };
}
