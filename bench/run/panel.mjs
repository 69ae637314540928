// Rows that need the extension's real database: panel open (first and reopen), thread switch → panel, contact
// lookup + timeline, search as you type, backup + restore. The database is filled by the seeded generator inside an
// extension page (same origin, so the extension's own IndexedDB), then cached per generator/schema version.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launchWithExtension } from '../../scripts/lib/browser.mjs';
import { GMAIL_DIR } from '../../scripts/lib/fixture-server.mjs';
import { gmailUrlOf, ROTATION, THREAD_30 } from './pages.mjs';
import { ensureDir, log, ROOT, WORK } from './util.mjs';

const NO_TAB = 999_999;

// ---------------------------------------------------------------- the seeded profile

/**
 * What the cached database depends on: the generator, the sizes, the extension's path (its id, so its origin), the
 * database layout (the stores and indexes of every schema version) and the code that shapes the stored records
 * (buckets, history columns, notebooks: any edit there reseeds, as a changed record shape would not read back).
 * Edits elsewhere in lib/db keep the cache; rows are checked against the current zod schemas before every seeding.
 */
export function cacheKey(spec, extensionDir) {
  const h = crypto.createHash('sha1');
  h.update(fs.readFileSync(path.join(ROOT, 'bench/generate.ts')));
  const schema = fs.readFileSync(path.join(ROOT, 'lib/db/schema.ts'), 'utf8');
  const layout = [...schema.matchAll(/version:\s*(\d+)|(\w+):\s*'([^']*)'/g)].map((m) => m[0].replace(/\s+/g, ''));
  h.update(JSON.stringify(layout));
  for (const f of ['lib/db/buckets.ts', 'lib/db/history.ts', 'lib/db/notebook.ts']) h.update(fs.readFileSync(path.join(ROOT, f)));
  h.update(JSON.stringify(spec));
  h.update(extensionDir);
  return h.digest('hex').slice(0, 10);
}

/** An extension page with no app code of its own: a same-origin place to run the injected database bundle. */
async function dbPage(session, dbJs) {
  const page = await session.context.newPage();
  page.on('console', (m) => {
    if (m.text().startsWith('[bench-seed]')) log(m.text().replace('[bench-seed] ', 'seeding: '));
  });
  await page.goto(`chrome-extension://${session.extensionId}/manifest.json`);
  await page.evaluate(dbJs);
  return page;
}

/**
 * A copy of the seeded profile for one run: the run writes into it (the backup row restores the whole file into
 * scratch databases of the same origin, and so shares the extension's LevelDB), and the cached profile stays as
 * seeded. Without the copy, runs after the first inherited hundreds of MB of deleted scratch data not yet compacted
 * away: IndexedDB opens of 0.8–2.5 s and first panel opens of 1.3–2.3 s, against 3 ms and 0.5 s on a fresh seed.
 */
function runCopy(dir, mode) {
  const copy = path.join(WORK, `run-${mode}`);
  const t0 = performance.now();
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
  log(`copied the seeded profile for this run in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return copy;
}

/**
 * A browser profile whose extension database holds the generated dataset: a fresh copy (`runCopy`) of a cached
 * one, reused across runs while the generator, the schema and the spec are unchanged (`fresh` regenerates).
 */
export async function ensureProfile({ mode, port, extensionDir, spec, dbJs, fresh }) {
  const key = cacheKey(spec, extensionDir);
  const dir = path.join(WORK, `profile-${mode}-${key}`);
  const marker = path.join(dir, 'bench-seeded.json');
  for (const old of fs.existsSync(WORK) ? fs.readdirSync(WORK) : []) {
    if (old.startsWith(`profile-${mode}-`) && old !== path.basename(dir)) fs.rmSync(path.join(WORK, old), { recursive: true, force: true });
  }
  if (!fresh && fs.existsSync(marker)) {
    const seeded = JSON.parse(fs.readFileSync(marker, 'utf8'));
    log(`reusing the seeded profile ${dir} (${seeded.contacts} contacts, ${seeded.notes} notes, ${seeded.interactions} history rows; seeded in ${(seeded.ms / 1000).toFixed(1)} s)`);
    return { userDataDir: runCopy(dir, mode), seeded, reused: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  ensureDir(dir);
  log(`seeding ${spec.contacts} contacts, ${spec.notes} notes, ${spec.interactions} history rows into the extension's IndexedDB…`);
  const session = await launchWithExtension({ port, userDataDir: dir, extensionDir });
  let seeded;
  try {
    const page = await dbPage(session, dbJs);
    const valid = await page.evaluate((s) => globalThis.__benchDb.validate(s), spec);
    if (valid.problems.length) throw new Error(`generated rows fail the app's schemas:\n${valid.problems.join('\n')}`);
    log(`generator: ${valid.checked} sampled rows valid under the zod row schemas`);
    seeded = await page.evaluate((s) => globalThis.__benchDb.seed(s), spec);
    const counts = await page.evaluate(() => globalThis.__benchDb.counts());
    log(`seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    if (counts.interactions < seeded.interactions || counts.notes < seeded.notes || counts.contacts < seeded.contacts) throw new Error(`seeding lost rows: wrote ${JSON.stringify(seeded)}, found ${JSON.stringify(counts)}`);
    await page.close();
    fs.writeFileSync(marker, JSON.stringify({ ...seeded, counts, spec, at: new Date().toISOString() }, null, 2));
  } finally {
    await session.context.close().catch(() => undefined);
  }
  return { userDataDir: runCopy(dir, mode), seeded, reused: false };
}

// ---------------------------------------------------------------- panel instrumentation

// Registered before the panel's own scripts: when each piece of content first appears (DOM, then the next frame),
// and a way to wait for a text change with a timestamp comparable across pages (timeOrigin + now).
/** What the panel probe's console messages start with. */
const PANEL_MARK = '__resourceful_bench_mark:';

const PANEL_PROBE = (MARK) => {
  if (location.protocol !== 'chrome-extension:') return;
  const w = window;
  const SEL = {
    contactName: '[data-testid=contact-name]',
    note: '[data-testid=note]',
    history: '[data-testid=history-item]',
    recent: '[data-testid=recent-contact]',
    home: '[data-testid=home]',
    studio: '[data-testid=triage-intent]',
    stalls: '[data-testid=stalls]',
  };
  w.__seen = {};
  // Every long task (≥ 50 ms) of the panel page, from its start: what a rep feels as a stuck panel.
  w.__lt = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lt.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the row says so
    w.__lt = null;
  }
  const check = () => {
    for (const [k, sel] of Object.entries(SEL)) {
      if (w.__seen[k] || !document.querySelector(sel)) continue;
      const mark = { dom: performance.now(), frame: null };
      w.__seen[k] = mark;
      // Said on the console, which the runner listens to: polling the page instead would have Playwright inject its
      // helper script (~330 KB) into the panel while it is still loading, on the very main thread being timed.
      console.debug(`${MARK}${k}`);
      requestAnimationFrame(() => {
        mark.frame = performance.now();
        console.debug(`${MARK}${k}:frame`);
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  w.__benchArm = (sel, text) => {
    w.__armed = new Promise((resolve) => {
      const test = () => {
        const el = document.querySelector(sel);
        if (!el || el.textContent !== text) return false;
        resolve(performance.timeOrigin + performance.now());
        return true;
      };
      if (test()) return;
      const o = new MutationObserver(() => {
        if (test()) o.disconnect();
      });
      o.observe(document, { childList: true, subtree: true, characterData: true });
      setTimeout(() => {
        o.disconnect();
        resolve(null);
      }, 15_000);
    });
  };
};

// In the Gmail stand-in: when a thread finished swapping in (it sets data-fixture on <html> last).
const GMAIL_PROBE = () => {
  if (location.host !== 'mail.google.com') return;
  const w = window;
  w.__shown = [];
  // <html> may not exist yet when this runs: watch the document for the attribute instead.
  new MutationObserver((records) => {
    for (const r of records) if (r.target === document.documentElement) w.__shown.push({ file: document.documentElement.dataset.fixture, t: performance.timeOrigin + performance.now() });
  }).observe(document, { attributes: true, attributeFilter: ['data-fixture'], subtree: true });
};

async function tabIdFor(session, page) {
  for (let i = 0; i < 200; i++) {
    const id = await session.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, page.url());
    if (id !== null) {
      const has = await session.worker.evaluate(async (k) => !!(await chrome.storage.session.get(k))[k], `tab:${id}`);
      if (has) return id;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the extension did not read ${page.url()}`);
}

/**
 * How long a panel open is watched for long tasks after its reply studio and stall signs show: the rest of the work
 * that waits for the content (the give/ask balance, the follow-up plan) runs in this time.
 */
export const PANEL_SETTLE_MS = 2500;
/** Reopens watched for long tasks (the rest are timed back to back). */
const LONG_TASK_REOPENS = 3;

/** Opens the panel page and waits for `want` content; times from navigation start, in the page's own clock. */
async function openPanelTimed(session, tabId, want, { timeout = 60_000, settleMs = 0 } = {}) {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 400, height: 900 });
  const console_ = [];
  // The probe's marks arrive as console messages (see PANEL_PROBE): nothing is run in the page until they are in.
  const marks = new Set();
  let heard = () => undefined;
  const until = (done, ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      heard = () => done() && (clearTimeout(timer), resolve(true));
      heard();
    });
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith(PANEL_MARK)) {
      marks.add(text.slice(PANEL_MARK.length));
      heard();
    } else console_.push(`${m.type()}: ${text}`);
  });
  page.on('pageerror', (e) => console_.push(`page error: ${e.message}`));
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`, { waitUntil: 'commit' });
  if (!(await until(() => want.every((k) => marks.has(k)), timeout))) {
    // Say what the panel showed instead, so a stuck open is a finding, not a bare timeout.
    const shown = await page.evaluate(() => ({ seen: Object.keys(window.__seen ?? {}), text: document.body.innerText.slice(0, 800) })).catch(() => null);
    throw new Error(`the panel did not show ${want.join(', ')} within ${timeout} ms; it showed ${JSON.stringify(shown)}; console: ${JSON.stringify(console_.slice(-15))}`);
  }
  // The frame after the content appeared (a hidden page may never get one: then the DOM time stands).
  await until(() => want.every((k) => marks.has(`${k}:frame`)), 1_000);
  await page.waitForLoadState('load');
  // The reply studio (triage + suggestions) of a Gmail thread: timed as well, not part of "content".
  if (tabId !== NO_TAB) await page.waitForFunction(() => window.__seen?.studio, null, { timeout: 10_000, polling: 20 }).catch(() => undefined);
  // The stall signs (thread-30 has some) come last: they wait for their patterns to be compiled in idle time.
  if (settleMs > 0 && tabId !== NO_TAB) await page.waitForFunction(() => window.__seen?.stalls, null, { timeout: 10_000, polling: 50 }).catch(() => undefined);
  // The rest of the work that waits for the content (give/ask balance, follow-up plan) runs in the next moments.
  if (settleMs > 0) await page.waitForTimeout(settleMs);
  const r = await page.evaluate((keys) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const seen = window.__seen;
    return {
      dom: Math.max(...keys.map((k) => seen[k].dom)),
      frame: Math.max(...keys.map((k) => seen[k].frame ?? seen[k].dom)),
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      studio: seen.studio ? seen.studio.dom : null,
      stalls: seen.stalls ? seen.stalls.dom : null,
      longTasks: window.__lt,
      visibility: document.visibilityState,
      notes: document.querySelectorAll('[data-testid=note]').length,
      history: document.querySelectorAll('[data-testid=history-item]').length,
    };
  }, want);
  return { page, ...r };
}

// ---------------------------------------------------------------- the measurements

/** Contacts to plant for the fixture threads: thread-30's other party is the busiest contact; some others saved too. */
export function heroesFor(parties) {
  const heroes = [];
  const p30 = parties[THREAD_30];
  if (p30?.email) heroes.push({ name: p30.name, email: p30.email, company: p30.company, rank: 0 });
  ROTATION.forEach((file, k) => {
    const p = parties[file];
    // Every other thread of the rotation is with a saved contact (mid-sized history); the rest are new people.
    if (file !== THREAD_30 && k % 2 === 0 && p?.email) heroes.push({ name: p.name, email: p.email, company: p.company, rank: 40 * k + 7 });
  });
  return heroes;
}

/** The rotation the switch rows use: fixtures that exist, each with a different other party than the one before. */
function switchRotation(parties) {
  const out = [];
  for (const f of ROTATION) {
    const p = parties[f];
    if (!p?.name || !fs.existsSync(path.join(GMAIL_DIR, f))) continue;
    if (out.length && parties[out[out.length - 1]].name === p.name) continue;
    out.push(f);
  }
  if (out.length > 2 && parties[out[0]].name === parties[out[out.length - 1]].name) out.pop();
  return out;
}

export async function measurePanel({ port, extensionDir, userDataDir, spec, dbJs, parties, opts }) {
  const out = { rawOpen: [], firstOpen: [], reopen: [], homeReopen: [], switches: [], lookups: null, search: null, heap: null, notes: {}, panelLongTasks: [] };

  // 1. What the browser costs to open the database, before any of our code (fresh browser each time).
  for (let i = 0; i < opts.rawOpens; i++) {
    const s = await launchWithExtension({ port, userDataDir, extensionDir });
    try {
      const page = await dbPage(s, dbJs);
      out.rawOpen.push(await page.evaluate(() => globalThis.__benchDb.rawOpen()));
    } finally {
      await s.context.close().catch(() => undefined);
    }
  }
  log(`raw IndexedDB open: ${out.rawOpen.map((r) => `${r.openMs.toFixed(1)}+${r.firstReadMs.toFixed(1)} ms`).join(', ')}`);

  // 2. Panel open on thread-30 (its other party is the busiest contact): first open in a fresh browser, then reopens.
  let session = null;
  for (let i = 0; i < opts.firstOpens; i++) {
    if (session) await session.context.close().catch(() => undefined);
    session = await launchWithExtension({ port, userDataDir, extensionDir });
    session.context.setDefaultTimeout(30_000);
    await session.context.addInitScript(PANEL_PROBE, PANEL_MARK);
    await session.context.addInitScript(GMAIL_PROBE);
    const gmail = await session.context.newPage();
    await gmail.goto(gmailUrlOf(THREAD_30));
    const tabId = await tabIdFor(session, gmail);
    session.gmail = gmail;
    session.tabId = tabId;
    const first = await openPanelTimed(session, tabId, ['contactName', 'note', 'history'], { settleMs: PANEL_SETTLE_MS });
    out.panelLongTasks.push({ open: 'first', contentAt: first.dom, frameAt: first.frame, tasks: first.longTasks });
    out.firstOpen.push(first.frame);
    out.firstOpenStudio = [...(out.firstOpenStudio ?? []), first.studio];
    out.firstOpenStalls = [...(out.firstOpenStalls ?? []), first.stalls];
    out.notes.firstOpen = { notesShown: first.notes, historyShown: first.history, visibility: first.visibility, domContentLoaded: first.domContentLoaded };
    await first.page.close();
    log(`panel first open #${i + 1}: ${first.frame.toFixed(0)} ms (${first.notes} notes, ${first.history} history rows shown)`);
  }
  for (let i = 0; i < opts.reopens; i++) {
    const settle = i < LONG_TASK_REOPENS;
    const r = await openPanelTimed(session, session.tabId, ['contactName', 'note', 'history'], { settleMs: settle ? PANEL_SETTLE_MS : 0 });
    if (settle) out.panelLongTasks.push({ open: 'reopen', contentAt: r.dom, frameAt: r.frame, tasks: r.longTasks });
    out.reopen.push(r.frame);
    out.reopenStudio = [...(out.reopenStudio ?? []), r.studio];
    out.notes.reopenDomContentLoaded = [...(out.notes.reopenDomContentLoaded ?? []), r.domContentLoaded];
    await r.page.close();
  }
  for (let i = 0; i < opts.reopens; i++) {
    const r = await openPanelTimed(session, NO_TAB, ['home', 'recent']);
    out.homeReopen.push(r.frame);
    await r.page.close();
  }
  log(`panel reopen: ${out.reopen.map((x) => x.toFixed(0)).join(', ')} ms; home: ${out.homeReopen.map((x) => x.toFixed(0)).join(', ')} ms`);

  // 3. Thread switch → the panel shows the new contact, timed in the pages' shared clock.
  const rotation = switchRotation(parties);
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${session.tabId}`);
  const gmail = session.gmail;
  const switchTo = async (file) => {
    const expected = parties[file].name;
    await panel.evaluate(([sel, text]) => window.__benchArm(sel, text), ['[data-testid=contact-name]', expected]);
    const t0 = await gmail.evaluate((u) => {
      const t = performance.timeOrigin + performance.now();
      location.href = u;
      return t;
    }, gmailUrlOf(file));
    const t1 = await panel.evaluate(() => window.__armed);
    const shown = await gmail.evaluate((f) => [...window.__shown].reverse().find((s) => s.file === f)?.t ?? null, file);
    if (t1 === null) throw new Error(`the panel never showed ${expected} after switching to ${file}`);
    return { file, total: t1 - t0, page: shown === null ? null : shown - t0, ours: shown === null ? null : t1 - shown };
  };
  await panel.locator('[data-testid=contact-name]').first().waitFor();
  // Warm-up: one pass over the rotation (first reads of each thread, first saves of thread rows).
  let at = 0;
  for (let i = 1; i <= rotation.length; i++) await switchTo(rotation[(at = i % rotation.length)]);
  for (let i = 1; i <= opts.switches; i++) out.switches.push(await switchTo(rotation[(at = (at + 1) % rotation.length)]));
  out.notes.switch = {
    rotation,
    visibility: { panel: await panel.evaluate(() => document.visibilityState), gmail: await gmail.evaluate(() => document.visibilityState) },
  };
  log(`thread switches: ${out.switches.map((s) => s.total.toFixed(0)).join(', ')} ms`);
  await panel.close();

  // 4. Database-side work, with the app's own modules in an extension page.
  const page = await dbPage(session, dbJs);
  const cdp = await session.context.newCDPSession(page);
  out.lookups = await page.evaluate(([s, n]) => globalThis.__benchDb.lookups(s, n), [spec, opts.lookups]);
  log(`lookups done (${out.lookups.samples.length})`);
  await cdp.send('HeapProfiler.collectGarbage');
  const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  out.search = await page.evaluate(([s, n]) => globalThis.__benchDb.search(s, n), [spec, opts.typingSessions]);
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  out.heap = { searchIndexBytes: after - before };
  log(`search: index of ${out.search.docs} documents built in ${out.search.buildMs.toFixed(0)} ms; ${out.search.keystrokes.length} keystrokes`);
  await page.close();
  out.session = session;
  return out;
}
