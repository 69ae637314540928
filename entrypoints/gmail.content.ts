import { onPanelMessage, sendSnapshot } from '@/lib/browser/content-port';
import { isGmailThreadUrl } from '@/lib/content/sites';
import { watchPage } from '@/lib/content/watch';
import { readGmailThread } from '@/lib/gmail';
import { compactThread } from '@/lib/messaging';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const watcher = watchPage(ctx, {
      read: () => {
        const thread = readGmailThread(document);
        return { url: location.href, thread: thread && compactThread(thread), threadUrl: isGmailThreadUrl(location.href) };
      },
      send: (r) => sendSnapshot({ site: 'gmail', readAt: Date.now(), ...r }),
    });
    onPanelMessage(ctx, (m) => {
      if (m.type === 'content:reread') watcher.refresh();
    });
  },
});
