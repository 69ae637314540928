import { onPanelMessage, sendSnapshot } from '@/lib/browser/content-port';
import { isGmailThreadUrl } from '@/lib/content/sites';
import { watchPage } from '@/lib/content/watch';
// The reader and protocol modules themselves, not lib/gmail's index or lib/messaging: those build zod schemas.
import { readGmailThread } from '@/lib/gmail/reader';
import { insertReply } from '@/lib/gmail/compose';
import { compactThread } from '@/lib/protocol';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  // WXT's default also announces the script with a window.postMessage naming the extension's id, which any page
  // script can read: the site would learn the extension is installed (LinkedIn probes for extensions).
  noScriptStartedPostMessage: true,
  main(ctx) {
    const watcher = watchPage(ctx, {
      read: () => {
        const thread = readGmailThread(document);
        return { url: location.href, thread: thread && compactThread(thread), threadUrl: isGmailThreadUrl(location.href) };
      },
      send: (r) => sendSnapshot({ site: 'gmail', readAt: Date.now(), ...r }),
      // Not in the task that evaluates this script: together they made a long task on a freshly loaded page.
      firstRead: 'idle',
    });
    onPanelMessage(ctx, (m) => {
      if (m.type === 'content:reread') return watcher.refresh();
      if (m.type === 'content:insert-reply') return insertReply(document, m.text, ctx, m.thread);
      return undefined;
    });
  },
});
