import { handleSnapshot, watchQueueBadge } from '@/lib/background/snapshot';
import { setQueueBadge } from '@/lib/browser/badge';
import { removeTabState, saveTabState } from '@/lib/browser/tab-state';
import { getDb } from '@/lib/db/schema';
import { checkContentMessage } from '@/lib/messaging';

export default defineBackground(() => {
  // The toolbar button opens the side panel (no popup).
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((e: unknown) => console.warn('[resourceful] setPanelBehavior', e));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel' && tab?.windowId !== undefined) {
      // Must run synchronously inside the command's user gesture.
      void browser.sidePanel.open({ windowId: tab.windowId }).catch((e: unknown) => console.warn('[resourceful] open panel', e));
    }
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    const checked = checkContentMessage(raw, sender, browser.runtime.id);
    if (!checked.ok) {
      console.warn('[resourceful] dropped message:', checked.reason);
      return undefined;
    }
    const tabId = sender.tab!.id!;
    return handleSnapshot({ db: getDb(), saveTabState, now: Date.now }, tabId, checked.message.snapshot)
      .then(() => ({ ok: true }))
      .catch((e: unknown) => {
        console.warn('[resourceful] snapshot failed', e);
        return { ok: false };
      });
  });

  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));

  watchQueueBadge(getDb(), setQueueBadge);
});
