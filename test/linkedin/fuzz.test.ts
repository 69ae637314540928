import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readLinkedInProfile, type LinkedInProfile } from '../../lib/linkedin';
import { linkedinIndex } from '../../scripts/lib/fixture-server.mjs';
import { HOSTILE_DIR, HOSTILE_LINKEDIN, LINKEDIN_DIR, readFixture } from '../fixtures/hostile/generate';
import { expectValidProfile } from '../fixtures/hostile/invariants';
import { classNamesOf, mutateDom, seeded, targetsOf } from '../fixtures/hostile/mutate';
import { profileUrl, SHARED_FIXTURES, sharedFixturesExist } from './helpers';

/**
 * Fuzz: the LinkedIn fixtures (hand-made hashed-layout pages, the hostile pages, and the five real 2024 pages when
 * ../shared is present), damaged at random, ~1,000 times per suite run: nodes dropped, duplicated, reordered and moved,
 * classes renamed (also to hashed-looking names), attributes stripped, text emptied or made hostile. Every read
 * must return without throwing, quickly, a profile that passes `expectValidProfile` or null, and leave the page
 * as it was. Same scheme as test/gmail/fuzz.test.ts: parse once, mutate, read, undo; FUZZ_SEED / FUZZ_RUNS.
 */
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 0x11f0);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
/** Where damage lands half the time: what the reader looks at. */
const FOCUS =
  'main, section, h1, h2, h3, p, li, button, a, [data-view-name], [componentkey], [aria-label], .t-bold, .t-14, .visually-hidden, [aria-hidden], .text-body-medium, .text-body-small, #experience, #about, title';
/** Hang guard per read; a normal read takes well under a millisecond in Chromium and a few in jsdom. */
const MAX_READ_MS = 3000;

interface Fixture {
  name: string;
  file: string;
  url: string;
  runs: number;
}

const local: Fixture[] = [
  ...readdirSync(LINKEDIN_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ name: f, file: path.join(LINKEDIN_DIR, f), url: readFixture(LINKEDIN_DIR, f).url, runs: 130 })),
  ...HOSTILE_LINKEDIN.map((f) => ({ name: f, file: path.join(HOSTILE_DIR, f), url: readFixture(HOSTILE_DIR, f).url, runs: 130 })),
];
// The real pages are 0.5 MB each: fewer runs, and only where they exist.
const shared: Fixture[] = sharedFixturesExist
  ? Object.entries(linkedinIndex())
      .filter(([, file]) => file.startsWith(SHARED_FIXTURES))
      .map(([slug, file]) => ({ name: path.basename(file), file, url: profileUrl(slug), runs: 12 }))
  : [];

function parse(f: Fixture): Document {
  return new JSDOM(readFileSync(f.file, 'utf8'), { url: f.url }).window.document;
}

describe('fuzz: mutated LinkedIn profile pages', () => {
  let total = 0;
  let nonNull = 0;

  it.each([...local, ...shared])('$name', { timeout: 120_000 }, (f) => {
    const doc = parse(f);
    const pristine = doc.documentElement.outerHTML;
    const classNames = classNamesOf(doc.documentElement);
    const targets = targetsOf(doc.documentElement, FOCUS);
    const clean = readLinkedInProfile(doc, f.url);
    if (clean) expectValidProfile(clean, f.url);
    const runs = Math.round(f.runs * SCALE);
    const fileSeed = BASE_SEED + [...f.name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0);

    for (let run = 0; run < runs; run++) {
      const seed = (fileSeed + run) >>> 0;
      const rand = seeded(seed);
      const mutation = mutateDom(targets, rand, 1 + Math.floor(rand() * 6), { classNames });
      const sampled = run % 20 === 0;
      const before = sampled ? doc.documentElement.outerHTML : '';
      const context = () => `${f.name} seed ${seed}: ${mutation.log.join('; ')}`;

      let profile: LinkedInProfile | null = null;
      const t0 = performance.now();
      try {
        profile = readLinkedInProfile(doc, f.url);
      } catch (e) {
        throw new Error(`threw on ${context()}: ${String(e)}`);
      }
      const ms = performance.now() - t0;
      try {
        expect(ms).toBeLessThan(MAX_READ_MS);
        if (profile) expectValidProfile(profile, f.url);
        if (sampled) {
          expect(doc.documentElement.outerHTML === before, 'the reader altered the page').toBe(true);
          expect(readLinkedInProfile(doc, f.url)).toEqual(profile);
        }
      } catch (e) {
        throw new Error(`${context()}\n${String(e)}`);
      }
      total++;
      if (profile) nonNull++;
      mutation.undo();
      if (sampled) expect(doc.documentElement.outerHTML === pristine, `undo failed after ${context()}`).toBe(true);
    }
    // The fuzz left nothing behind. (Compared as markup, not by reading again: after a node with a duplicated id is
    // removed and put back, jsdom's id lookup returns the later duplicate, which Chromium never does.)
    expect(doc.documentElement.outerHTML === pristine).toBe(true);
  });

  it('covered enough ground: about a thousand runs, most of them still reading a person', () => {
    expect(total).toBeGreaterThanOrEqual(Math.round(900 * SCALE));
    expect(nonNull / total).toBeGreaterThan(0.5);
  });
});
