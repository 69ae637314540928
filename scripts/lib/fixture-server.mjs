// Serves the fixture pages over HTTPS as if they were mail.google.com and www.linkedin.com.
// Chromium is pointed at it with --host-resolver-rules, so the real content scripts run on the real URLs.
// Used by the e2e tests, the demo launcher and the benchmarks. Dev tooling only: never shipped in the extension.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import selfsigned from 'selfsigned';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const GMAIL_DIR = path.join(ROOT, 'test/fixtures/gmail');
export const LINKEDIN_DIR = path.join(ROOT, 'test/fixtures/linkedin');
/** The anonymised real LinkedIn pages, read in place; absent on machines without ../shared. */
export const SHARED_LINKEDIN_DIR = path.resolve(ROOT, '../shared/fixtures/linkedin');
const SHELL = path.join(here, 'gmail-shell');

const URL_COMMENT = /<!--\s*url:\s*(\S+)\s*-->/;

/** Reads the `<!-- url: … -->` comment at the top of a fixture. */
export function fixtureUrl(file) {
  const head = fs.readFileSync(file, 'utf8').slice(0, 4000);
  return URL_COMMENT.exec(head)?.[1] ?? null;
}

function listHtml(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort() : [];
}

/** Gmail fixtures by thread token (the last segment of the URL hash): { token: fileName }. */
export function gmailIndex() {
  const index = {};
  for (const f of listHtml(GMAIL_DIR)) {
    const url = fixtureUrl(path.join(GMAIL_DIR, f));
    if (!url) continue;
    const hash = new URL(url).hash;
    const token = hash.includes('/') ? hash.split('/').pop() : hash.replace('#', '') || 'inbox';
    index[token] = f;
  }
  return index;
}

/** LinkedIn fixtures by slug: hand-made ones from their url comment, shared ones from the README table. */
export function linkedinIndex() {
  const index = {};
  for (const f of listHtml(LINKEDIN_DIR)) {
    const url = fixtureUrl(path.join(LINKEDIN_DIR, f));
    const slug = url && /\/in\/([^/]+)/.exec(new URL(url).pathname)?.[1];
    if (slug) index[decodeURIComponent(slug).toLowerCase()] = path.join(LINKEDIN_DIR, f);
  }
  const readme = path.join(SHARED_LINKEDIN_DIR, 'README.md');
  if (fs.existsSync(readme)) {
    for (const line of fs.readFileSync(readme, 'utf8').split('\n')) {
      const m = /^\|\s*(profile-[\w-]+\.html)\s*\|[^|]*\|\s*([\w-]+)\s*\|/.exec(line);
      if (m) index[m[2].toLowerCase()] = path.join(SHARED_LINKEDIN_DIR, m[1]);
    }
  }
  return index;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css' };

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendFile(res, file) {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'not found');
  return send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
}

/** Only names like "inquiry-simple.html": no path traversal out of the fixture folders. */
function safeName(name) {
  return /^[\w.-]+$/.test(name) && !name.startsWith('.') ? name : null;
}

/**
 * Starts the HTTPS fixture server on 127.0.0.1 (a free port unless given). Returns { port, close, requests }.
 * `requests` records every request (host + path), so tests can prove what was fetched.
 */
export async function startFixtureServer({ port = 0 } = {}) {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'mail.google.com' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'mail.google.com' }, { type: 2, value: 'www.linkedin.com' }] }],
  });
  const requests = [];
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push({ host, path: url.pathname });
    if (url.pathname === '/favicon.ico') return send(res, 204, '');
    if (host === 'mail.google.com') {
      if (url.pathname.startsWith('/mail/')) return sendFile(res, path.join(SHELL, 'index.html'));
      if (url.pathname === '/__shell/gmail.js') return sendFile(res, path.join(SHELL, 'gmail.js'));
      if (url.pathname === '/__fixtures/gmail/index.json') return send(res, 200, JSON.stringify(gmailIndex()), TYPES['.json']);
      const m = /^\/__fixtures\/gmail\/([^/]+)$/.exec(url.pathname);
      const name = m && safeName(m[1]);
      if (name) return sendFile(res, path.join(GMAIL_DIR, name));
      return send(res, 404, 'not found');
    }
    if (host === 'www.linkedin.com') {
      const slug = /^\/in\/([^/]+)/.exec(url.pathname)?.[1];
      const file = slug && linkedinIndex()[decodeURIComponent(slug).toLowerCase()];
      if (file) return sendFile(res, file);
      if (url.pathname === '/feed/' || url.pathname === '/') {
        return send(res, 200, '<!doctype html><meta charset="utf-8"><title>Feed | LinkedIn</title><main><h1>Your feed</h1><p>Nothing to see in a fixture.</p></main>', TYPES['.html']);
      }
      return send(res, 404, 'not found');
    }
    return send(res, 421, 'misdirected');
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
