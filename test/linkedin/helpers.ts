import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

/** The five real, anonymised 2024 profile pages, read in place (never copied into this repository). */
export const SHARED_FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/linkedin');
/** Hand-made pages of this repository: the newer hashed layout and hostile pages. */
export const LOCAL_FIXTURES = path.resolve(__dirname, '../fixtures/linkedin');

export const sharedFixturesExist = existsSync(SHARED_FIXTURES);

export function profileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${slug}/`;
}

/** A jsdom document of `html`, at `url`. Scripts never run (jsdom's default). */
export function domOf(html: string, url = 'https://www.linkedin.com/'): Document {
  return new JSDOM(html, { url }).window.document;
}

export function loadShared(file: string, url: string): Document {
  return domOf(readFileSync(path.join(SHARED_FIXTURES, file), 'utf8'), url);
}

export function loadLocal(file: string, url: string): Document {
  return domOf(readFileSync(path.join(LOCAL_FIXTURES, file), 'utf8'), url);
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ArtdecoParts {
  /** The slug of the top card's own Contact info link (default `jane-doe`). */
  slug?: string;
  title?: string;
  name?: string | null;
  headline?: string | null;
  location?: string | null;
  company?: string | null;
  about?: string | null;
  /** Raw HTML of the Experience card's list items. */
  experience?: string | null;
}

/** A minimal 2024 artdeco profile page (the class names and attributes of the real pages). Texts are escaped. */
export function artdecoPage(p: ArtdecoParts): string {
  const name = p.name == null ? '' : `<h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">${escapeHtml(p.name)}</h1>`;
  const headline =
    p.headline == null
      ? ''
      : `<div class="text-body-medium break-words" data-generated-suggestion-target="urn:li:fsu_profileActionDelegate:1">${escapeHtml(p.headline)}</div>`;
  const company =
    p.company == null
      ? ''
      : `<ul class="pv-text-details__right-panel"><li><button aria-label="Current company: ${escapeHtml(p.company)}. Click to skip to experience card" type="button"><span>${escapeHtml(p.company)}</span></button></li></ul>`;
  const location =
    p.location == null ? '' : `<span class="text-body-small inline t-black--light break-words">${escapeHtml(p.location)}</span>`;
  const about =
    p.about == null
      ? ''
      : `<section class="artdeco-card pv-profile-card" data-view-name="profile-card"><div id="about" class="pv-profile-card__anchor"></div><h2 class="pvs-header__title">About</h2><div class="inline-show-more-text">${escapeHtml(p.about)}</div></section>`;
  const experience =
    p.experience == null
      ? ''
      : `<section class="artdeco-card pv-profile-card" data-view-name="profile-card"><div id="experience" class="pv-profile-card__anchor"></div><h2 class="pvs-header__title">Experience</h2><ul>${p.experience}</ul></section>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(p.title ?? '')}</title></head><body>
<main class="scaffold-layout__main">
<section class="artdeco-card" data-member-id="1"><div class="ph5 pb5">${name}${headline}${company}<div class="mt2">${location}<a href="/in/${escapeHtml(p.slug ?? 'jane-doe')}/overlay/contact-info/">Contact info</a></div></div></section>
${about}${experience}
</main></body></html>`;
}

/** One simple artdeco experience entry ("Title", "Company · Full-time"). */
export function artdecoEntry(title: string, subtitle: string): string {
  const dup = (t: string) => `<span aria-hidden="true">${escapeHtml(t)}</span><span class="visually-hidden">${escapeHtml(t)}</span>`;
  return `<li><div data-view-name="profile-component-entity"><div class="display-flex align-items-center mr1 t-bold">${dup(title)}</div><span class="t-14 t-normal">${dup(subtitle)}</span><span class="t-14 t-normal t-black--light">${dup('Jan 2020 - Present · 5 yrs')}</span></div></li>`;
}
