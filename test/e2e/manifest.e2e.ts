import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/browser.mjs';

/**
 * Review of what `npm run build` really produced (not of wxt.config.ts): the permissions, hosts and CSP the
 * extension asks for, what it exposes, and what its content scripts are able to do. A change here is a change of
 * the extension's security surface: justify it in wxt.config.ts and in the README's "Permissions and privacy".
 * No browser needed; it lives in the e2e project because it reads the build.
 */
const manifestFile = path.join(EXTENSION_DIR, 'manifest.json');
if (!fs.existsSync(manifestFile)) throw new Error(`No built extension in ${EXTENSION_DIR}: run npm run build first`);
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: Record<string, string>;
  content_scripts?: Array<Record<string, unknown> & { matches: string[]; js?: string[]; css?: string[] }>;
  background?: Record<string, unknown>;
};
const HOSTS = ['https://mail.google.com/*', 'https://www.linkedin.com/*'];

/** The built file's text (paths in the manifest are relative to the extension folder). */
const built = (file: string) => fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8');

describe('the built manifest', () => {
  it('asks for the side panel and storage only, and for the two sites only', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['sidePanel', 'storage']);
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual(HOSTS);
    for (const key of ['optional_permissions', 'optional_host_permissions']) expect(manifest, key).not.toHaveProperty(key);
  });

  it('exposes nothing to web pages or other extensions', () => {
    // LinkedIn probes chrome-extension://<id>/<file> for known extensions: with no web_accessible_resources there
    // is nothing to find.
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    // No web page may message us, nor may other extensions.
    expect(manifest.externally_connectable).toEqual({ ids: [] });
  });

  it('has only the top-level keys reviewed here', () => {
    const reviewed = [
      'manifest_version', 'name', 'description', 'version', 'version_name', 'short_name', 'author', 'homepage_url', 'icons',
      'default_locale', 'minimum_chrome_version', 'action', 'commands', 'permissions', 'host_permissions',
      'content_security_policy', 'externally_connectable', 'background', 'options_ui', 'side_panel', 'content_scripts',
    ];
    // Anything else (key, update_url, oauth2, sandbox, chrome_url_overrides, devtools_page, declarative_net_request,
    // storage.managed_schema, …) changes what the extension can do or where it updates from: review it, then add it.
    expect(Object.keys(manifest).filter((k) => !reviewed.includes(k))).toEqual([]);
  });

  it('runs extension pages under a strict CSP: own files only, no eval, no inline code, no connections out', () => {
    const csp = manifest.content_security_policy ?? {};
    expect(Object.keys(csp)).toEqual(['extension_pages']);
    expect(csp.extension_pages).toBe("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
    const directives = new Map(
      csp.extension_pages!.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    // default-src covers connect-src, img-src, font-src, frame-src, media-src, worker-src…: none is loosened.
    for (const loosening of ['connect-src', 'img-src', 'font-src', 'frame-src', 'child-src', 'worker-src', 'style-src', 'media-src', 'manifest-src']) {
      expect(directives.has(loosening), loosening).toBe(false);
    }
    for (const [name, values] of directives) {
      for (const v of values) expect(["'self'", "'none'"], `${name} ${v}`).toContain(v);
    }
  });

  it('injects two content scripts, each into the top frame of its own site only, in the isolated world', () => {
    const scripts = manifest.content_scripts ?? [];
    expect(scripts.map((c) => c.matches)).toEqual([['https://mail.google.com/*'], ['https://www.linkedin.com/*']]);
    for (const c of scripts) {
      expect(Object.keys(c).sort()).toEqual(['js', 'matches', 'run_at']);
      expect(c.js?.every((f) => /^content-scripts\/[\w-]+\.js$/.test(f))).toBe(true);
    }
  });

  it('has a module-free service worker and no persistent background page', () => {
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
  });
});

describe('the built code', () => {
  const contentScripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);

  it.each(contentScripts)('%s cannot write markup, reach the network or evaluate strings', (file) => {
    const code = built(file);
    // Markup sinks: the content scripts only read pages (the reply box gets text nodes, never HTML).
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'srcdoc']) {
      expect(code.includes(sink), sink).toBe(false);
    }
    // Network: nothing to fetch, nowhere to send.
    for (const api of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'RTCPeerConnection', 'importScripts']) {
      expect(code.includes(api), api).toBe(false);
    }
    // No code from strings.
    expect(code).not.toMatch(/\beval\(|new Function\b|\bFunction\(|setTimeout\(\s*["'`]|setInterval\(\s*["'`]/);
    // The only URLs in them are on the two sites (match patterns, profile URLs built from a slug).
    const origins = [...new Set([...code.matchAll(/\b((?:https?|wss?):\/\/[\w.-]+)/g)].map((m) => m[1]!))];
    expect(origins.length).toBeGreaterThan(0);
    for (const o of origins) expect(['https://mail.google.com', 'https://www.linkedin.com'], o).toContain(o);
  });

  it('the service worker has no network API either', () => {
    const code = built('background.js');
    for (const api of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'importScripts(']) {
      expect(code.includes(api), api).toBe(false);
    }
    expect(code).not.toMatch(/\beval\(|new Function\b/);
  });

  it('the extension pages load only files of the extension itself', () => {
    const pages = fs.readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = built(page);
      const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]!);
      for (const ref of refs) expect(ref, `${page}: ${ref}`).toMatch(/^\/(?!\/)/);
      // No inline script: the CSP would block it anyway, and it must not be needed.
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [], page).toEqual([]);
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });
});
