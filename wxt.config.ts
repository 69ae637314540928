import { defineConfig } from 'wxt';
import { OPEN_PANEL_COMMAND } from './lib/browser/panel';

// Hosts the content scripts read. Kept in one list so the manifest asks for nothing more.
const HOSTS = ['https://mail.google.com/*', 'https://www.linkedin.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // A stable output path: tests, the demo launcher and "load unpacked" all point at .output/chrome-mv3.
  outDir: '.output',
  manifest: {
    name: 'Resourceful',
    description:
      'A trust-based selling side panel for Gmail and LinkedIn: contacts, notes, history and value-first replies. Everything stays in your browser.',
    // sidePanel: the UI lives there. storage: storage.session keeps "what is on tab N" across service-worker restarts.
    permissions: ['sidePanel', 'storage'],
    host_permissions: HOSTS,
    action: { default_title: 'Open Resourceful' },
    commands: {
      [OPEN_PANEL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open the Resourceful side panel',
      },
    },
    // Extension pages (panel, options, report) and the service worker load only our own bundled files: no remote
    // code, no inline scripts, no eval, no plugins, and no connection anywhere but the extension itself
    // (default-src covers connect-src, img-src, font-src, frame-src…), so "no network requests" is enforced by the
    // browser, not only promised. Nothing here needs a data: or blob: URL (exports are downloads, not loads).
    content_security_policy: {
      extension_pages: "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    // No other extension (and, as without this key, no web page) may message us: runtime.onMessageExternal has no
    // listener today, and this keeps a future one from being reachable by accident.
    externally_connectable: { ids: [] },
    // Deliberately absent: web_accessible_resources (LinkedIn probes extensions through them), optional
    // permissions, and any host beyond HOSTS. test/e2e/manifest.e2e.ts checks the built manifest for all of it.
  },
});
