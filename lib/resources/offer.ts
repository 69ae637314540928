/**
 * The offer profile as the options form edits it: list fields are typed one item per line, and every field is
 * optional (an empty profile is valid; fit is then "unknown").
 */
import { OfferProfileSchema, type OfferProfile } from '../replies/types';
import { cleanText } from '../text';

/** The profile a fresh install has: everything empty. */
export const EMPTY_OFFER_PROFILE: OfferProfile = OfferProfileSchema.parse({});

/** Splits a "one per line" text box into clean, unique, non-empty items (at most 50, as the schema allows). */
export function linesToList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const item = cleanText(line, 300);
    if (item && !out.some((o) => o.toLowerCase() === item.toLowerCase())) out.push(item);
  }
  return out.slice(0, 50);
}

/** The inverse of `linesToList`, for filling the text box. */
export function listToLines(items: readonly string[]): string {
  return items.join('\n');
}

/** Cleans a profile before it is stored: trims, bounds lengths, drops empty and repeated list items. */
export function normalizeOfferProfile(input: Partial<OfferProfile>): OfferProfile {
  const signOff = (input.signOff ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => cleanText(l, 300))
    .join('\n')
    .trim()
    .slice(0, 300);
  return OfferProfileSchema.parse({
    name: cleanText(input.name, 200),
    signOff,
    company: cleanText(input.company, 200),
    offers: linesToList((input.offers ?? []).join('\n')),
    doesNotOffer: linesToList((input.doesNotOffer ?? []).join('\n')),
    serves: cleanText(input.serves, 1000),
  });
}

/** True when the rep has told us nothing about the offer: triage then judges fit as "unknown". */
export function isOfferProfileEmpty(p: OfferProfile): boolean {
  return !p.name && !p.signOff && !p.company && p.offers.length === 0 && p.doesNotOffer.length === 0 && !p.serves;
}

/** True when the profile lists what is and isn't offered: the only parts triage's fit judgement uses. */
export function canJudgeFit(p: OfferProfile): boolean {
  return p.offers.length > 0 || p.doesNotOffer.length > 0;
}
