// Rows: reader time (Gmail 30-message thread, each LinkedIn fixture), reader vs one querySelectorAll('*') pass, and
// long tasks the content script adds to the Gmail page. Page-side, in real Chromium against the fixture server.
import path from 'node:path';
import { launchWithExtension, newUserDataDir } from '../../scripts/lib/browser.mjs';
import { fixtureUrl, GMAIL_DIR, linkedinIndex, SHARED_LINKEDIN_DIR } from '../../scripts/lib/fixture-server.mjs';
import { launchPlain, log, waitForFixture } from './util.mjs';
import fs from 'node:fs';

/** The thread the reader row is about. */
export const THREAD_30 = 'thread-30.html';
/**
 * Threads the switch rows cycle through (consecutive ones have different other parties). Starts and ends away
 * from thread-30 so every switch changes the contact.
 */
export const ROTATION = ['thread-30.html', 'collapsed-thread.html', 'inquiry-simple.html', 'locale-de.html', 'stall.html', 'locale-fr.html', 'decline.html', 'own-reply-last.html', 'odd-names.html', 'quoted-reply.html'];

export const gmailUrlOf = (file) => fixtureUrl(path.join(GMAIL_DIR, file));

/** Time the readers in a browser without the extension (nothing else runs in the page). */
export async function measureReaders({ port, readersJs, samples, minSampleMs }) {
  const { context, close } = await launchPlain(port);
  const out = { gmail: null, linkedin: [], parties: {} };
  try {
    const page = await context.newPage();
    await page.goto(gmailUrlOf(THREAD_30));
    await waitForFixture(page, THREAD_30);
    await page.evaluate(readersJs);
    await page.waitForTimeout(200);
    out.gmail = { fixture: THREAD_30, ...(await page.evaluate(([s, b]) => globalThis.__benchReaders.gmail(s, b), [samples, minSampleMs])) };
    out.gmailFloor = await page.evaluate(([s, b]) => globalThis.__benchReaders.gmailFloor(s, b), [samples, minSampleMs]);
    // The other party of each rotation thread: the switch rows plant some of them as saved contacts.
    for (const file of ROTATION) {
      if (!fs.existsSync(path.join(GMAIL_DIR, file))) continue;
      await page.evaluate((u) => (location.href = u), gmailUrlOf(file));
      await waitForFixture(page, file);
      out.parties[file] = await page.evaluate(() => globalThis.__benchReaders.party());
    }
    await page.close();
    for (const [slug, file] of Object.entries(linkedinIndex())) {
      const p = await context.newPage();
      await p.goto(`https://www.linkedin.com/in/${slug}/`);
      await p.evaluate(readersJs);
      await p.waitForTimeout(100);
      const r = await p.evaluate(([s, b]) => globalThis.__benchReaders.linkedin(s, b), [samples, minSampleMs]);
      out.linkedin.push({ fixture: path.basename(file), shared: file.startsWith(SHARED_LINKEDIN_DIR), slug, ...r });
      await p.close();
    }
  } finally {
    await close();
  }
  return out;
}

// Registered before any page script: every long task (≥ 50 ms on the main thread) of the page. (Long Animation
// Frames name the scripts of a long frame, but not content scripts, which run in an isolated world: of no help to
// tell ours apart.)
const PAGE_PROBE = () => {
  if (location.protocol !== 'https:') return;
  const w = window;
  w.__lt = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lt.push({ start: e.startTime, duration: e.duration, name: e.name });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    w.__lt = null;
  }
};

/**
 * Loads the Gmail stand-in and switches thread `switches` times; the long tasks, each placed in the part of the run
 * it fell in (the load, or the n-th switch).
 */
async function longTaskRun(context, switches, { settleMs }) {
  await context.addInitScript(PAGE_PROBE);
  const page = await context.newPage();
  const files = ROTATION.filter((f) => fs.existsSync(path.join(GMAIL_DIR, f)));
  await page.goto(gmailUrlOf(files[0]));
  await waitForFixture(page, files[0]);
  await page.waitForTimeout(settleMs + 500);
  const marks = [];
  for (let i = 1; i <= switches; i++) {
    const file = files[i % files.length];
    marks.push(
      await page.evaluate((u) => {
        const t = performance.now();
        location.href = u;
        return t;
      }, gmailUrlOf(file)),
    );
    await waitForFixture(page, file);
    // The content script reads after a quiet period (debounced): give it time to read and send.
    await page.waitForTimeout(settleMs);
  }
  const tasks = await page.evaluate(() => globalThis.__lt);
  await page.close();
  const during = (start) => {
    const n = marks.filter((m) => m <= start).length;
    return n === 0 ? 'load' : `switch ${n}`;
  };
  return { tasks: tasks?.map((t) => ({ ...t, during: during(t.start) })) ?? null };
}

/**
 * `rounds` runs without and with the extension, interleaved (plain, extension, plain, …) so a busy spell of the
 * machine lands on both sides. Each run is a fresh browser. Per round: the long tasks of each side.
 */
export async function measureLongTasks({ port, switches, rounds, extensionDir }) {
  const base = [];
  const withExt = [];
  for (let r = 0; r < rounds; r++) {
    const plain = await launchPlain(port);
    try {
      base.push(await longTaskRun(plain.context, switches, { settleMs: 250 }));
    } finally {
      await plain.close();
    }
    const userDataDir = newUserDataDir();
    const ext = await launchWithExtension({ port, userDataDir, extensionDir });
    try {
      withExt.push(await longTaskRun(ext.context, switches, { settleMs: 250 }));
    } finally {
      await ext.context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
    log(`long tasks round ${r + 1}: ${base[r].tasks?.length ?? 'n/a'} without the extension, ${withExt[r].tasks?.length ?? 'n/a'} with it`);
  }
  return { base, withExt };
}
