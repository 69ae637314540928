import { defineConfig } from 'wxt';

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
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open the Resourceful side panel',
      },
    },
    // Extension pages run only our own bundled scripts: no remote code, no inline scripts, no eval.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
  },
});
