// `npm run bench [-- --quick] [--fresh] [--no-build] [--only=sizes,pages,panel,cpu]`
// Measures Resourceful against its performance budgets (see bench/README.md), prints a table and writes
// bench/results.json. Exits 1 when a budget is missed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { chromePath } from '../../scripts/lib/browser.mjs';
import { buildExtension, EXT_DIR, measureSizes } from './sizes.mjs';
import { measureLongTasks, measureReaders } from './pages.mjs';
import { ensureProfile, heroesFor, measurePanel, PANEL_SETTLE_MS } from './panel.mjs';
import { measureBackup } from './backup.mjs';
import { bundle, elapsedMs, ensureDir, formatTable, judge, kb, log, max, median, ms, p95, RESULTS, ROOT, round, summary, WORK, worstStatus } from './util.mjs';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const FRESH = argv.includes('--fresh');
const NO_BUILD = argv.includes('--no-build');
const SEED_ONLY = argv.includes('--seed-only');
const only = (argv.find((a) => a.startsWith('--only=')) ?? '').slice('--only='.length).split(',').filter(Boolean);
const run = (phase) => (argv.includes('--seed-only') ? phase === 'panel' : only.length === 0 || only.includes(phase));

const O = QUICK
  ? { readerSamples: 15, readerSampleMs: 5, longTaskRounds: 1, switches: 20, rawOpens: 1, firstOpens: 1, reopens: 5, lookups: 100, typingSessions: 9, replyRounds: 3, trustDrafts: 60, trustRounds: 3 }
  : { readerSamples: 41, readerSampleMs: 10, longTaskRounds: 2, switches: 20, rawOpens: 2, firstOpens: 3, reopens: 10, lookups: 300, typingSessions: 30, replyRounds: 5, trustDrafts: 200, trustRounds: 5 };
// The dataset sizes live with the generator (bench/generate.ts); bundled for Node to read them.
const generator = await import(`${await bundle('bench/generate.ts', { platform: 'node', outfile: path.join(ensureDir(path.join(WORK, 'node')), 'generate.mjs') })}?t=${Date.now()}`);
// `--set=name=value` overrides one of the repeat counts above (e.g. --set=typingSessions=3).
for (const a of argv.filter((x) => x.startsWith('--set='))) {
  const [k, v] = a.slice('--set='.length).split('=');
  if (!(k in O)) throw new Error(`unknown setting ${k}; one of ${Object.keys(O).join(', ')}`);
  O[k] = v === 'null' ? null : Number(v);
}
const SPEC = QUICK ? generator.QUICK_SPEC : generator.FULL_SPEC;

// Every bundle is made up front: esbuild runs as one long-lived helper process, and a run that takes minutes should
// not depend on it surviving them. The backup bundle may fail (lib/backup is being written): that row is then pending.
const BUNDLES = {
  readers: await bundle('bench/browser/readers.ts'),
  db: await bundle('bench/browser/db.ts'),
  backup: await bundle('bench/browser/backup.ts').catch((e) => ({ error: String(e.message ?? e).split('\n')[0] })),
  cpu: await bundle('bench/node/cpu.ts', { platform: 'node', outfile: path.join(WORK, 'node', 'cpu.mjs') }),
};

const rows = [];
const details = {};
let accuracy = null;

/** Adds a row; `value` in the unit of `budget`/`goal` (≤ comparisons). */
function row(id, what, value, { budget, goal, measured, budgetText, goalText, status, extra } = {}) {
  const r = { id, what, value: typeof value === 'number' ? round(value) : value, budget: budget ?? null, goal: goal ?? null, measured, budgetText, goalText, status: status ?? judge(value, budget, goal), ...(extra ? { extra } : {}) };
  rows.push(r);
  return r;
}

async function main() {
  ensureDir(WORK);
  details.loadBefore = os.loadavg().map((x) => round(x, 2));
  log(`${QUICK ? 'quick' : 'full'} run on ${os.cpus().length} cores (load average ${details.loadBefore.join(', ')}), ${chromeVersion()}`);
  if (details.loadBefore[0] > os.cpus().length) log('WARNING: the machine is busy with other work; timings will be inflated');

  // ---------------------------------------------------------------- build + sizes
  const built = await buildExtension({ skip: NO_BUILD || SEED_ONLY });
  details.build = built;
  if (run('sizes')) {
    const sizes = await measureSizes();
    details.sizes = sizes;
    for (const site of ['gmail', 'linkedin']) {
      const s = sizes[site];
      row(`size-${site}`, `content script size, ${site === 'gmail' ? 'Gmail' : 'LinkedIn'} (gzip)`, s.gzip / 1024, {
        budget: 30,
        goal: 12,
        measured: `${kb(s.gzip)} (${kb(s.raw)} raw)`,
        budgetText: '≤ 30 KB',
        goalText: '≤ 12 KB',
      });
    }
  }

  const server = await startFixtureServer();
  let session = null;
  try {
    // ---------------------------------------------------------------- page-side: readers, long tasks
    let parties = {};
    if (run('pages') || run('panel')) {
      const readersJs = BUNDLES.readers;
      log('timing the readers in the fixture pages…');
      const readers = await measureReaders({ port: server.port, readersJs, samples: O.readerSamples, minSampleMs: O.readerSampleMs });
      parties = readers.parties;
      details.readers = readers;
      if (run('pages')) readerRows(readers);
    }
    if (run('pages')) {
      // At least 3 (quick) / 5 rounds: one or two say little on a shared machine. `--set=longTaskRounds=N` still wins.
      const rounds = argv.some((a) => a.startsWith('--set=longTaskRounds=')) ? O.longTaskRounds : Math.max(O.longTaskRounds, QUICK ? 3 : 5);
      log(`counting long tasks on the Gmail page (load + 20 thread switches), ${rounds} rounds without and with the extension…`);
      const lt = await measureLongTasks({ port: server.port, switches: 20, rounds, extensionDir: EXT_DIR });
      details.longTasks = lt;
      longTaskRows(lt);
    }

    // ---------------------------------------------------------------- panel + database
    if (run('panel')) {
      const dbJs = BUNDLES.db;
      const spec = { ...SPEC, heroes: heroesFor(parties) };
      details.spec = spec;
      const profile = await ensureProfile({ mode: QUICK ? 'quick' : 'full', port: server.port, extensionDir: EXT_DIR, spec, dbJs, fresh: FRESH });
      details.seed = { reused: profile.reused, ...profile.seeded };
      if (SEED_ONLY) return;
      const p = await measurePanel({ port: server.port, extensionDir: EXT_DIR, userDataDir: profile.userDataDir, spec, dbJs, parties, opts: O });
      session = p.session;
      delete p.session;
      details.panel = p;
      panelRows(p, spec, profile);
      if (run('backup')) {
        const b = await measureBackup({ session, js: BUNDLES.backup });
        details.backup = b;
        backupRow(b);
      }
    }
  } finally {
    if (session) await session.context.close().catch(() => undefined);
    await server.close();
  }

  // ---------------------------------------------------------------- CPU rows (Node)
  if (SEED_ONLY) return;
  if (run('cpu')) await cpuRows();

  // ---------------------------------------------------------------- report
  const table = formatTable(rows);
  console.log(`\n${table}\n`);
  if (accuracy) console.log(`${formatAccuracy(accuracy)}\n`);
  const results = {
    mode: QUICK ? 'quick' : 'full',
    startedAt: new Date(Date.now() - elapsedMs()).toISOString(),
    durationMs: Math.round(elapsedMs()),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGB: round(os.totalmem() / 2 ** 30, 1), node: process.version, chromium: chromeVersion(), loadAverage: { before: details.loadBefore, after: os.loadavg().map((x) => round(x, 2)) } },
    rows,
    accuracy,
    details,
    table,
  };
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, RESULTS)} in ${(elapsedMs() / 1000).toFixed(0)} s total`);
  const worst = worstStatus(rows);
  if (worst === 'FAIL') {
    console.log(`over budget: ${rows.filter((r) => r.status === 'FAIL').map((r) => r.id).join(', ')}`);
    process.exitCode = 1;
  }
}

function chromeVersion() {
  try {
    return execFileSync(chromePath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function readerRows(r) {
  const g = r.gmail;
  row('reader-gmail', `reader time, Gmail ${g.messages}-message thread (median)`, g.reader, { budget: 5, goal: 1, measured: `${ms(g.reader, 3)} (first call ${ms(g.cold, 1)})`, budgetText: '≤ 5 ms', goalText: '≤ 1 ms' });
  const li = r.linkedin;
  const worst = li.reduce((a, b) => (b.reader > a.reader ? b : a), li[0]);
  row('reader-linkedin', `reader time, LinkedIn, worst of ${li.length} fixtures (median)`, worst.reader, {
    budget: 5,
    goal: 1,
    measured: `${ms(worst.reader, 3)} (${worst.fixture}; ${li.map((x) => `${x.fixture.replace('.html', '')} ${x.reader.toFixed(3)}`).join(', ')})`,
    budgetText: '≤ 5 ms',
    goalText: '≤ 1 ms',
  });
  // Sampled in turn with the reader (bench/browser/readers.ts): a busy spell of the machine lands on both sides.
  const gr = g.pairRatio;
  row('ratio-gmail', 'reader ÷ one querySelectorAll(*) pass, Gmail thread', gr, { budget: 3, goal: 1.5, measured: `${gr.toFixed(2)}× (qsa ${ms(g.qsa, 3)}, ${g.elements} elements)`, budgetText: '≤ 3×', goalText: '≤ 1.5×' });
  // What the ratio budget leaves room for on this page: the fewest DOM reads any reader of the thread needs
  // (sender, date, raw body text of each message, nothing cleaned or checked), sampled the same way.
  const f = r.gmailFloor;
  if (f) {
    row('ratio-gmail-floor', '  floor: each message\'s sender, date and raw body text only (information)', f.raw, {
      status: 'info',
      measured: `${f.raw.toFixed(2)}× (${f.collapsed.toFixed(2)}× with the body's whitespace collapsed once; ${f.walked.toFixed(2)}× with the body read by a plain DOM walk that keeps its lines; ${f.chars} characters)`,
    });
  }
  const ratios = li.map((x) => ({ ...x, ratio: x.pairRatio }));
  // The anonymised real pages (../shared) and the hand-made newer-layout ones (hashed-*, which carry a real page's
  // nav, rails, messaging overlay and footer around the profile) are held to the budget. The deliberately hostile
  // page is tiny and broken on purpose: on a few dozen elements a querySelectorAll pass takes a microsecond and the
  // reader's fixed cost (URL parsing, validation) is all there is to see, so it is shown as information only.
  const hostile = (x) => /^hostile/.test(x.fixture);
  for (const [id, label, set] of [
    ['ratio-linkedin', 'LinkedIn real pages', ratios.filter((x) => x.shared)],
    ['ratio-linkedin-small', 'LinkedIn hand-made pages (newer layout)', ratios.filter((x) => !x.shared && !hostile(x))],
  ]) {
    if (set.length === 0) {
      row(id, `reader ÷ one querySelectorAll(*) pass, ${label}`, null, { measured: 'no fixtures (../shared/fixtures/linkedin absent)', status: 'pending' });
      continue;
    }
    const wr = set.reduce((a, b) => (b.ratio > a.ratio ? b : a), set[0]);
    row(id, `reader ÷ one querySelectorAll(*) pass, ${label}, worst of ${set.length}`, wr.ratio, {
      budget: 3,
      goal: 1.5,
      measured: `${wr.ratio.toFixed(2)}× (${set.map((x) => `${x.fixture.replace('.html', '')} ${x.ratio.toFixed(2)}× of ${x.qsa.toFixed(3)} ms/${x.elements} el.`).join(', ')})`,
      budgetText: '≤ 3×',
      goalText: '≤ 1.5×',
    });
  }
  for (const x of ratios.filter(hostile)) {
    row(`ratio-linkedin-${x.fixture.replace('.html', '')}`, `  ${x.fixture}: deliberately tiny hostile page (fixed cost only; information)`, x.ratio, {
      measured: `${x.ratio.toFixed(2)}× (reader ${ms(x.reader, 3)}, qsa ${ms(x.qsa, 4)}, ${x.elements} elements)`,
      status: 'info',
    });
  }
  const failed = [g, ...li].filter((x) => !x.ok);
  if (failed.length) log(`WARNING: the reader returned null on ${failed.map((x) => x.fixture).join(', ')}`);
}

/**
 * Long tasks: what the extension adds, compared like with like: the median count over interleaved rounds with it
 * minus the median without it (a busy spell of the machine lands on either side and is not counted as ours).
 * Every round's tasks, and when each happened, are shown in the detail row.
 */
function longTaskRows(lt) {
  const counts = (runs) => runs.map((r) => r.tasks?.length ?? null);
  const withN = counts(lt.withExt);
  const baseN = counts(lt.base);
  const known = (xs) => xs.filter((x) => x !== null);
  const added = known(withN).length && known(baseN).length ? Math.max(0, median(known(withN)) - median(known(baseN))) : null;
  const perRound = (runs) => runs.map((r) => (r.tasks ?? []).map((t) => `${round(t.duration, 0)} ms at ${t.during}`).join(', ') || 'none').join(' / ');
  row('long-tasks', `long tasks added to the Gmail page (load + 20 switches; median of ${withN.length} rounds, with − without)`, added, {
    budget: 0,
    goal: 0,
    measured: `${added ?? 'n/a'} (per round with the extension ${withN.join('/')}, without ${baseN.join('/')})`,
    budgetText: '0',
    goalText: '0',
  });
  row('long-tasks-detail', '  long tasks per round (with the extension; without)', null, { measured: `${perRound(lt.withExt)}; without: ${perRound(lt.base)}`, status: 'info' });
}

function panelRows(p, spec, profile) {
  const s = profile.seeded;
  row('seed', `seeding (generator → IndexedDB)${profile.reused ? ', cached profile' : ''}`, s.ms / 1000, {
    measured: `${(s.ms / 1000).toFixed(1)} s for ${s.contacts} contacts, ${s.notes} notes, ${s.interactions} history rows${s.resources ? `, ${s.resources} resources` : ''}${profile.reused ? ' (earlier run)' : ''}`,
    status: 'info',
  });
  const raw = p.rawOpen.map((r) => r.openMs + r.firstReadMs);
  row('idb-open', 'IndexedDB open + first read in a fresh browser (browser cost, outside our control)', median(raw), { measured: `${ms(median(raw), 1)} (${p.rawOpen.map((r) => `${r.openMs.toFixed(1)} open + ${r.firstReadMs.toFixed(1)} read`).join('; ')})`, status: 'info' });
  const busiest = s.counts ? '' : '';
  row('panel-first', `panel first open → contact, notes, history (busiest contact)${busiest}`, median(p.firstOpen), {
    budget: 1000,
    goal: 400,
    measured: `${ms(median(p.firstOpen), 0)} median of ${p.firstOpen.length} (${p.firstOpen.map((x) => x.toFixed(0)).join(', ')}); reply studio at ${ms(median((p.firstOpenStudio ?? []).filter(Number.isFinite)), 0)}, stall signs at ${ms(median((p.firstOpenStalls ?? []).filter(Number.isFinite)), 0)}`,
    budgetText: '≤ 1 s',
    goalText: '≤ 400 ms',
  });
  row('panel-reopen', 'panel reopen → contact, notes, history (busiest contact)', median(p.reopen), {
    budget: 150,
    goal: 60,
    measured: `${ms(median(p.reopen), 0)} median, p95 ${ms(p95(p.reopen), 0)}; scripts ${ms(median(p.notes.reopenDomContentLoaded ?? []), 0)} (DOMContentLoaded); reply studio at ${ms(median((p.reopenStudio ?? []).filter(Number.isFinite)), 0)}`,
    budgetText: '≤ 150 ms',
    goalText: '≤ 60 ms',
  });
  row('panel-home', 'panel reopen → home with recent contacts', median(p.homeReopen), {
    budget: 150,
    goal: 60,
    measured: `${ms(median(p.homeReopen), 0)} median, p95 ${ms(p95(p.homeReopen), 0)}`,
    budgetText: '≤ 150 ms',
    goalText: '≤ 60 ms',
  });
  // Long tasks of the panel page itself, from its start until the work after the content (stall signs, triage,
  // balance, follow-up plan) has run. The row counts those that start after the content's first frame began, while the
  // rep reads and clicks: the worst open. The rest (loading and evaluating the code, the first renders, the content's
  // own frame) are shown apart. A first open in a fresh browser compiles the code and the text patterns; reopens share
  // V8's caches with it.
  const watched = p.panelLongTasks.filter((o) => Array.isArray(o.tasks));
  if (watched.length > 0) {
    const list = (tasks) => (tasks.length === 0 ? 'none' : tasks.map((t) => `${t.duration.toFixed(0)} ms at ${t.start.toFixed(0)}`).join(' + '));
    const after = watched.map((o) => o.tasks.filter((t) => t.start > o.frameAt));
    const before = watched.map((o) => o.tasks.filter((t) => t.start <= o.frameAt));
    const worst = Math.max(...after.map((t) => t.length));
    row('panel-long-tasks', `long tasks in the panel after its content shows, open on thread-30, until ${PANEL_SETTLE_MS / 1000} s after the reply studio and stall signs (worst of ${watched.length} opens)`, worst, {
      budget: 0,
      goal: 0,
      measured: `${worst} (${watched.map((o, i) => `${o.open} ${list(after[i])}`).join('; ')})`,
      budgetText: '0',
      goalText: '0',
    });
    row('panel-long-tasks-load', '  up to the content: loading the code, first renders, the content frame (information)', Math.max(...before.map((t) => t.length)), {
      measured: watched.map((o, i) => `${o.open} ${list(before[i])} (content frame at ${o.frameAt.toFixed(0)} ms)`).join('; '),
      status: 'info',
    });
  }
  const totals = p.switches.map((x) => x.total);
  const page = p.switches.map((x) => x.page).filter((x) => x !== null);
  const ours = p.switches.map((x) => x.ours).filter((x) => x !== null);
  row('switch', `thread switch → panel shows the new contact (p95 of ${totals.length})`, p95(totals), {
    budget: 150,
    goal: 50,
    measured: `${ms(p95(totals), 0)} (median ${ms(median(totals), 0)})`,
    budgetText: '≤ 150 ms',
    goalText: '≤ 50 ms',
  });
  row('switch-page', '  of which: the Gmail stand-in swaps the thread in (outside our control)', p95(page), { measured: `${ms(p95(page), 0)} p95 (median ${ms(median(page), 0)})`, status: 'info' });
  row('switch-ours', '  of which: page changed → panel shows it (content script, background, panel)', p95(ours), { measured: `${ms(p95(ours), 0)} p95 (median ${ms(median(ours), 0)})`, status: 'info' });
  const l = p.lookups;
  row('lookup', `contact lookup by email + timeline top 50 (p95 of ${l.samples.length}, ${spec.interactions / 1000}k history rows)`, p95(l.samples), {
    budget: 10,
    goal: 3,
    measured: `${ms(p95(l.samples))} (median ${ms(median(l.samples))}; busiest contacts p95 ${ms(p95(l.busiest))})`,
    budgetText: '≤ 10 ms',
    goalText: '≤ 3 ms',
  });
  const q = p.search;
  row('search', `search as you type, per keystroke (p95 of ${q.keystrokes.length}, ${q.docs} docs)`, p95(q.keystrokes), {
    budget: 50,
    goal: 10,
    measured: `${ms(p95(q.keystrokes))} (search ${ms(p95(q.searchOnly))}, sync ${ms(p95(q.syncOnly))} p95)`,
    budgetText: '≤ 50 ms',
    goalText: '≤ 10 ms',
  });
  row('search-build', '  first query: builds the search index (once per panel session)', q.buildMs, {
    measured: `${ms(q.buildMs, 0)} (reading every contact and note out of IndexedDB alone: ${ms(q.readMs, 0)}), index ≈ ${(p.heap.searchIndexBytes / 2 ** 20).toFixed(0)} MB of JS heap`,
    status: 'info',
  });
}

function backupRow(b) {
  if (b.pending) {
    row('backup', 'backup + restore of the seeded database', null, { measured: `pending: ${b.reason}`, budgetText: '≤ 20 s, memory bounded', goalText: '≤ 5 s', status: 'pending' });
    return;
  }
  const wall = (b.backupMs + b.parseMs + b.restoreMs) / 1000;
  const rate = (n, msTaken) => Math.round(n / (msTaken / 1000)).toLocaleString('en-US');
  const restore = `restore ${(b.restoreMs / 1000).toFixed(1)} s at ${rate(b.totalRows, b.restoreMs)} rows/s = ${(b.restoreMs / b.floor.ms).toFixed(2)}× the IndexedDB floor of ${(b.floor.ms / 1000).toFixed(1)} s`;
  row('backup', `backup + restore, ${b.totalRows} rows (${(b.bytes / 2 ** 20).toFixed(0)} MB file)`, wall, {
    budget: 20,
    goal: 5,
    measured: `${wall.toFixed(1)} s (backup ${(b.backupMs / 1000).toFixed(1)} s, checking the file ${(b.parseMs / 1000).toFixed(1)} s, ${restore}); peak JS heap +${(b.peakHeapAdded / 2 ** 20).toFixed(0)} MB${b.ok ? '' : ` — RESTORED COPY DIFFERS: ${b.mismatched.join('; ')}`}`,
    budgetText: '≤ 20 s, memory bounded',
    goalText: '≤ 5 s',
    status: b.ok ? judge(wall, 20, 5) : 'FAIL',
  });
  // What no restore can beat here: the browser's own cost of storing these rows with these indexes.
  row('backup-floor', '  IndexedDB write floor in this browser (outside our control)', b.floor.ms / 1000, {
    measured: `${rate(b.floor.rows, b.floor.ms)} rows/s: raw puts of the ${b.floor.records} stored records (history in buckets) that hold its ${b.floor.rows} rows into the real schema's stores and indexes, one transaction, durability relaxed: ${(b.floor.ms / 1000).toFixed(1)} s`,
    status: 'info',
  });
}

async function cpuRows() {
  const cpu = await import(`${BUNDLES.cpu}?t=${Date.now()}`);
  const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
  const fx = {
    inquiries: read('test/fixtures/inquiries/inquiries.json'),
    holdout: read('test/fixtures/inquiries/holdout.json'),
    offer: read('test/fixtures/inquiries/offer.json'),
    resources: read('test/fixtures/inquiries/resources.json'),
    drafts: read('test/fixtures/trust/drafts.json'),
    trustHoldout: read('test/fixtures/trust/holdout.json'),
  };
  log('triage + suggestions with a 1,000-resource library…');
  const r = cpu.benchReplies(fx, 1000, O.replyRounds);
  details.replies = { ...r, samples: summary(r.samples), raw: summary(r.raw) };
  row('replies', `triage + suggestions, 1,000-resource library (p95 over ${r.samples.length} inquiries, best of ${r.rounds})`, p95(r.samples), {
    budget: 30,
    goal: 5,
    measured: `${ms(p95(r.samples))} (median ${ms(median(r.samples))}, max ${ms(max(r.samples), 1)}; every run: p95 ${ms(p95(r.raw))})`,
    budgetText: '≤ 30 ms',
    goalText: '≤ 5 ms',
  });
  row('replies-first', '  first call: builds the library index in one go (once per library version; the panel builds it in the background instead, 50 resources per task)', r.firstMs, { measured: ms(r.firstMs, 1), status: 'info' });
  log('trust check of 300-word drafts…');
  const t = cpu.benchTrust(fx, O.trustDrafts, O.trustRounds);
  details.trust = { ...t, samples: summary(t.samples), raw: summary(t.raw) };
  row('trust', `trust check, 300-word draft (p95 over ${t.samples.length} drafts, best of ${t.rounds})`, p95(t.samples), {
    budget: 3,
    goal: 0.5,
    measured: `${ms(p95(t.samples), 3)} (median ${ms(median(t.samples), 3)}; every run: p95 ${ms(p95(t.raw), 3)}; first call ${ms(t.firstMs, 1)})`,
    budgetText: '≤ 3 ms',
    goalText: '≤ 0.5 ms',
  });
  accuracy = cpu.accuracy(fx);
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
function formatAccuracy(a) {
  const t = a.triage;
  const d = a.trust;
  const lines = [
    'accuracy                    corpus          holdout',
    `triage intent               ${pct(t.corpus.intent).padEnd(15)} ${pct(t.holdout.intent)}`,
    `triage fit                  ${pct(t.corpus.fit).padEnd(15)} ${pct(t.holdout.fit)}`,
    `triage decline reason       ${pct(t.corpus.declineReason).padEnd(15)} ${pct(t.holdout.declineReason)}`,
    `triage language             ${pct(t.corpus.language).padEnd(15)} ${pct(t.holdout.language)}`,
    `  (cases)                   ${String(t.corpus.cases).padEnd(15)} ${t.holdout.cases}`,
    `trust exact match           ${pct(d.drafts.exactMatchRate).padEnd(15)} ${pct(d.holdout.exactMatchRate)}`,
    `trust precision             ${pct(d.drafts.precision).padEnd(15)} ${pct(d.holdout.precision)}`,
    `trust recall                ${pct(d.drafts.recall).padEnd(15)} ${pct(d.holdout.recall)}`,
    `trust F1                    ${pct(d.drafts.f1).padEnd(15)} ${pct(d.holdout.f1)}`,
    `trust clean drafts passed   ${pct(d.drafts.cleanPassRate).padEnd(15)} ${pct(d.holdout.cleanPassRate)}`,
    `  (drafts)                  ${String(d.drafts.drafts).padEnd(15)} ${d.holdout.drafts}`,
  ];
  return lines.join('\n');
}

await main();
