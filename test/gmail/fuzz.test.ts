import { readdirSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readGmailThread, type GmailThread } from '../../lib/gmail';
import { GMAIL_DIR, HOSTILE_DIR, HOSTILE_GMAIL, readFixture } from '../fixtures/hostile/generate';
import { expectValidThread } from '../fixtures/hostile/invariants';
import { classNamesOf, mutateDom, seeded, targetsOf } from '../fixtures/hostile/mutate';

/**
 * Fuzz: the real Gmail fixtures, damaged at random (nodes dropped, duplicated, reordered and moved, classes renamed,
 * attributes stripped, text emptied or made hostile): ~700 runs here and ~1,000 in test/linkedin/fuzz.test.ts on
 * every suite run (the readers were also run with their last-resort catch turned into a rethrow over 12,000 runs
 * without a single exception). Every read must return without throwing, quickly, with a thread that passes
 * `expectValidThread` or null, and without touching the page.
 *
 * Each fixture is parsed once; every run mutates it, reads, and undoes the mutation (cloning a jsdom document per
 * run would cost ten times the read). Runs are deterministic: a failure names its fixture, seed and mutations, and
 * happens again on the next run. FUZZ_SEED shifts every seed to explore new cases; FUZZ_RUNS multiplies the runs
 * (e.g. FUZZ_RUNS=20 for a long local session).
 */
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 0x5eed);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
/** Where damage lands half the time: the thread, its rows and the subject, rather than the page chrome. */
const FOCUS = '[role="list"], [role="listitem"], h2, .adn, .adf, .gD, .g2, .g3, .a3s, .iA, [data-message-id], [data-legacy-message-id]';
/** Hang guard per read: a normal read here takes milliseconds; this only catches runaway work (a busy CI machine
 * with a garbage collection in the middle of a read must not fail it). */
const MAX_READ_MS = 3000;

const fixtures = [
  ...readdirSync(GMAIL_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ name: f, dir: GMAIL_DIR })),
  ...HOSTILE_GMAIL.map((f) => ({ name: f, dir: HOSTILE_DIR })),
];

/** The addresses that appear as senders: some runs pass one as the rep's own, to exercise `fromMe`. */
function senderEmails(doc: Document): string[] {
  return [...new Set(Array.from(doc.querySelectorAll('[email]')).map((el) => el.getAttribute('email') ?? ''))].filter(Boolean);
}

describe('fuzz: mutated real Gmail pages', () => {
  let total = 0;
  let nonNull = 0;

  it.each(fixtures)('$name', { timeout: 60_000 }, ({ name, dir }) => {
    const { html, url } = readFixture(dir, name);
    const doc = new JSDOM(html, { url }).window.document;
    const pristine = doc.documentElement.outerHTML;
    const classNames = classNamesOf(doc.documentElement);
    const targets = targetsOf(doc.documentElement, FOCUS);
    const emails = senderEmails(doc);
    // The unmutated page reads, and reads validly (inbox-list.html has no thread: null).
    const clean = readGmailThread(doc);
    if (clean) expectValidThread(clean);
    // thread-30 reads 30 full messages per run: fewer runs keep the file's time in line.
    const runs = Math.round((name === 'thread-30.html' ? 8 : 40) * SCALE);
    const fileSeed = BASE_SEED + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0);

    for (let run = 0; run < runs; run++) {
      const seed = (fileSeed + run) >>> 0;
      const rand = seeded(seed);
      const mutation = mutateDom(targets, rand, 1 + Math.floor(rand() * 6), { classNames });
      const ownEmails = rand() < 0.3 && emails.length > 0 ? [emails[Math.floor(rand() * emails.length)]!.toUpperCase()] : [];
      const sampled = run % 20 === 0;
      const before = sampled ? doc.documentElement.outerHTML : '';
      const context = () => `${name} seed ${seed}: ${mutation.log.join('; ')}`;

      let thread: GmailThread | null = null;
      const t0 = performance.now();
      try {
        thread = readGmailThread(doc, { ownEmails });
      } catch (e) {
        throw new Error(`threw on ${context()}: ${String(e)}`);
      }
      const ms = performance.now() - t0;
      try {
        expect(ms).toBeLessThan(MAX_READ_MS);
        if (thread) expectValidThread(thread, ownEmails);
        if (sampled) {
          expect(doc.documentElement.outerHTML === before, 'the reader altered the page').toBe(true);
          // Deterministic: the same page reads the same.
          expect(readGmailThread(doc, { ownEmails })).toEqual(thread);
        }
      } catch (e) {
        throw new Error(`${context()}\n${String(e)}`);
      }
      total++;
      if (thread) nonNull++;
      mutation.undo();
      if (sampled) expect(doc.documentElement.outerHTML === pristine, `undo failed after ${context()}`).toBe(true);
    }
    // The fuzz left nothing behind. (Compared as markup, not by reading again: after a node with a duplicated id is
    // removed and put back, jsdom's id lookup returns the later duplicate, which Chromium never does.)
    expect(doc.documentElement.outerHTML === pristine).toBe(true);
  });

  it('covered enough ground: hundreds of runs, most of them still reading a thread', () => {
    expect(total).toBeGreaterThanOrEqual(Math.round(700 * SCALE));
    // Mutations that break every read would make the invariants vacuous.
    expect(nonNull / total).toBeGreaterThan(0.5);
  });
});
