// Row: content script size. Builds the extension into the benchmark's own folder (so a concurrent `npm run build`
// in the repo cannot swap files under us), gzips the two content scripts, and estimates what is in them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { ensureDir, log, ROOT, WORK } from './util.mjs';

export const EXT_OUT = path.join(WORK, 'ext');
export const EXT_DIR = path.join(EXT_OUT, 'chrome-mv3');

const STAMP = path.join(EXT_OUT, 'bench-build.json');

/** Newest modification time of anything that goes into the build. */
function sourcesMtime() {
  let newest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const f of fs.readdirSync(p)) if (f !== 'node_modules' && !f.startsWith('.')) walk(path.join(p, f));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['entrypoints', 'components', 'lib', 'public', 'assets', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) walk(path.join(ROOT, p));
  return newest;
}

/**
 * Builds the extension with WXT into WORK/ext (retried: a concurrent build in the repo can clash on .wxt/). Skipped
 * when the previous benchmark build is newer than every source file, or with `skip`.
 */
export async function buildExtension({ skip = false } = {}) {
  const have = fs.existsSync(path.join(EXT_DIR, 'manifest.json'));
  if (have && skip) {
    log(`using the previous benchmark build in ${EXT_DIR} (--no-build)`);
    return { ms: 0, reused: true };
  }
  const sources = sourcesMtime();
  const stamp = fs.existsSync(STAMP) ? JSON.parse(fs.readFileSync(STAMP, 'utf8')) : null;
  if (have && stamp?.root === ROOT && stamp.sources >= sources) {
    log(`the benchmark build in ${EXT_DIR} is up to date`);
    return { ms: 0, reused: true };
  }
  const { build } = await import('wxt');
  ensureDir(WORK);
  const t0 = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      log(`building the extension into ${EXT_OUT}…`);
      await build({ root: ROOT, outDir: EXT_OUT, logLevel: 'warn' });
      if (!fs.existsSync(path.join(EXT_DIR, 'manifest.json'))) throw new Error('no manifest.json after the build');
      fs.writeFileSync(STAMP, JSON.stringify({ root: ROOT, sources, at: new Date().toISOString() }));
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`build failed (${e.message.split('\n')[0]}); retrying`);
    }
  }
  return { ms: performance.now() - t0, reused: false };
}

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** Minified bytes per source group of a content script's own modules (WXT's runtime left out), for the report. */
async function composition(site) {
  const entry =
    site === 'gmail'
      ? `export { readGmailThread } from './lib/gmail'; export { insertReply } from './lib/gmail/compose'; export { compactThread } from './lib/messaging'; export * from './lib/browser/content-port'; export * from './lib/content/sites'; export * from './lib/content/watch';`
      : `export { readLinkedInProfile } from './lib/linkedin'; export * from './lib/browser/content-port'; export * from './lib/content/sites'; export * from './lib/content/watch';`;
  const r = await esbuild({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: `${site}-composition.ts` },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    external: ['wxt/*', 'wxt'],
    logLevel: 'silent',
  });
  const groups = {};
  for (const [file, info] of Object.entries(Object.values(r.metafile.outputs)[0].inputs)) {
    const g = file.includes('node_modules/zod') ? 'zod' : file.startsWith('lib/') ? file.split('/').slice(0, 2).join('/').replace(/\.ts$/, '') : file.includes('node_modules') ? 'other packages' : 'other';
    groups[g] = (groups[g] ?? 0) + info.bytesInOutput;
  }
  return Object.fromEntries(Object.entries(groups).sort((a, b) => b[1] - a[1]));
}

/** Gzipped sizes of the built content scripts, plus a breakdown of their sources. */
export async function measureSizes() {
  const dir = path.join(EXT_DIR, 'content-scripts');
  const out = {};
  for (const site of ['gmail', 'linkedin']) {
    const file = path.join(dir, `${site}.js`);
    const buf = fs.readFileSync(file);
    out[site] = { file: path.relative(WORK, file), raw: buf.length, gzip: gz(buf), sources: await composition(site).catch((e) => ({ error: String(e) })) };
  }
  return out;
}
