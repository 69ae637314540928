import { onPanelMessage, sendSnapshot } from '@/lib/browser/content-port';
import { isLinkedInProfileUrl } from '@/lib/content/sites';
import { watchPage } from '@/lib/content/watch';
// The reader module itself, not lib/linkedin's index: that builds the zod schema.
import { readLinkedInProfile } from '@/lib/linkedin/reader';

// Reads only: nothing is ever injected into LinkedIn's page (it probes for extensions' DOM and resources).
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  // WXT's default also announces the script with a window.postMessage naming the extension's id, which any page
  // script can read: the site would learn the extension is installed (LinkedIn probes for extensions).
  noScriptStartedPostMessage: true,
  main(ctx) {
    const watcher = watchPage(ctx, {
      read: () => ({
        url: location.href,
        profile: readLinkedInProfile(document, location.href),
        profileUrl: isLinkedInProfileUrl(location.href),
      }),
      send: (r) => sendSnapshot({ site: 'linkedin', readAt: Date.now(), ...r }),
      // LinkedIn re-renders constantly (feeds, presence); a slower debounce keeps the cost negligible.
      debounceMs: 150,
      maxWaitMs: 800,
      // Not in the task that evaluates this script: together they made a long task on a freshly loaded page.
      firstRead: 'idle',
    });
    onPanelMessage(ctx, (m) => {
      if (m.type === 'content:reread') watcher.refresh();
      // Writing into LinkedIn is never done: other message types are ignored here.
      return undefined;
    });
  },
});
