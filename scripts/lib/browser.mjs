// Launches the system Chromium with the built extension, pointed at the fixture server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './fixture-server.mjs';

/** The unpacked extension `npm run build` writes (RESOURCEFUL_EXTENSION_DIR points elsewhere, e.g. a frozen copy). */
export const EXTENSION_DIR = process.env.RESOURCEFUL_EXTENSION_DIR || path.join(ROOT, '.output/chrome-mv3');

/** Debian's Chromium unless CHROME_PATH says otherwise. */
export function chromePath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/** A new, empty profile folder (pass the same one again to "restart the browser" with the same data). */
export function newUserDataDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'resourceful-profile-'));
}

/**
 * The flags every Chromium of the tests, demo and benchmark runs with: headless (new mode) unless asked, nothing
 * that phones home, and only the two fixture hosts resolving (to the local server on `port`); every other host name
 * fails to resolve, so nothing can reach the network even by mistake.
 */
export function chromiumArgs(port, { headless = true } = {}) {
  return [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--ignore-certificate-errors',
    `--host-resolver-rules=MAP mail.google.com 127.0.0.1:${port}, MAP www.linkedin.com 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE localhost`,
  ];
}

/** Starts Chromium (see `chromiumArgs`) with the extension loaded. */
export async function launchWithExtension({ port, userDataDir = newUserDataDir(), headless = true, extensionDir = EXTENSION_DIR, viewport = { width: 1280, height: 800 } }) {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run npm run build first`);
  const args = [...chromiumArgs(port, { headless }), `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    // Playwright's own headless mode is the old one, which cannot run extensions: --headless=new is passed above.
    headless: false,
    args,
    viewport,
    ignoreHTTPSErrors: true,
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir };
}
