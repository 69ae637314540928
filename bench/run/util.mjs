// Shared helpers of the benchmark runner: paths, statistics, bundling, a plain (extension-free) Chromium, the table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromePath, chromiumArgs } from '../../scripts/lib/browser.mjs';
import { ROOT } from '../../scripts/lib/fixture-server.mjs';

export { ROOT };
/** Everything the benchmark writes outside the repo (its own extension build, bundles, cached profiles). */
export const WORK = path.join(os.tmpdir(), 'resourceful-bench');
export const RESULTS = path.join(ROOT, 'bench/results.json');

export function log(msg) {
  const t = ((performance.now() - START) / 1000).toFixed(1).padStart(6);
  console.log(`[bench ${t}s] ${msg}`);
}
const START = performance.now();
export const elapsedMs = () => performance.now() - START;

// ---------------------------------------------------------------- statistics

export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
export const median = (xs) => quantile(xs, 0.5);
export const p95 = (xs) => quantile(xs, 0.95);
export const max = (xs) => Math.max(...xs);
export function summary(xs) {
  return { n: xs.length, median: round(median(xs)), p95: round(p95(xs)), max: round(max(xs)), min: round(Math.min(...xs)) };
}
export function round(x, digits = 3) {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// ---------------------------------------------------------------- bundling

/** Bundles a TypeScript entry with esbuild: an IIFE string for pages, or an ESM file for Node (returns its path). */
export async function bundle(entry, { platform = 'browser', outfile } = {}) {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    format: platform === 'node' ? 'esm' : 'iife',
    platform,
    target: platform === 'node' ? 'node20' : 'chrome120',
    write: !!outfile,
    outfile,
    minify: false,
    sourcemap: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.DEV': 'false' },
  });
  return outfile ?? result.outputFiles[0].text;
}

// ---------------------------------------------------------------- browsers

/** The same host mapping as the extension launcher, with no extension: the baseline for page-side timings. */
export async function launchPlain(port) {
  const browser = await chromium.launch({
    executablePath: chromePath(),
    headless: false,
    args: chromiumArgs(port),
  });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  return { browser, context, close: () => browser.close() };
}

/** Waits until the Gmail stand-in shows `file` (it sets data-fixture on <html> after swapping the thread in). */
export async function waitForFixture(page, file, timeout = 10_000) {
  await page.waitForFunction((f) => document.documentElement.dataset.fixture === f, file, { timeout, polling: 5 });
}

// ---------------------------------------------------------------- table

const STATUS_ORDER = { FAIL: 0, pass: 1, goal: 2, pending: 3, info: 4 };

/** Status of a measured value against "≤ budget" and "≤ goal". */
export function judge(value, budget, goal) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'pending';
  if (budget !== undefined && budget !== null && value > budget) return 'FAIL';
  if (goal !== undefined && goal !== null && value > goal) return 'pass';
  return 'goal';
}

export const STATUS_TEXT = { FAIL: 'FAIL (over budget)', pass: 'pass (budget; goal missed)', goal: 'pass (goal met)', pending: 'pending', info: '—' };

/** A plain-text table; columns sized to their content. */
export function formatTable(rows) {
  const head = ['what', 'measured', 'budget', 'goal', 'result'];
  const cells = rows.map((r) => [r.what, r.measured, r.budgetText ?? '', r.goalText ?? '', STATUS_TEXT[r.status] ?? r.status]);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => String(x).padEnd(width[i])).join(' | ');
  return [line(head), width.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

export function worstStatus(rows) {
  return rows.reduce((w, r) => (STATUS_ORDER[r.status] < STATUS_ORDER[w] ? r.status : w), 'info');
}

export const ms = (x, d = 2) => (Number.isFinite(x) ? `${x.toFixed(d)} ms` : String(x));
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
