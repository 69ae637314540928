import { handleSnapshot, watchQueueBadge } from '@/lib/background/snapshot';
import { setQueueBadge } from '@/lib/browser/badge';
import { onPanelCommand } from '@/lib/browser/panel';
import { forgetTabOffSite, removeTabState, saveTabState } from '@/lib/browser/tab-state';
import { getDb } from '@/lib/db/schema';
import { checkContentMessage } from '@/lib/messaging';

export default defineBackground(() => {
  // The toolbar button opens the side panel (no popup).
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((e: unknown) => console.warn('[resourceful] setPanelBehavior', e));

  browser.commands.onCommand.addListener((command, tab) => onPanelCommand(command, tab, (o) => browser.sidePanel.open(o)));

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const checked = checkContentMessage(raw, sender, browser.runtime.id);
    if (!checked.ok) {
      console.warn('[resourceful] dropped message:', checked.reason);
      return undefined;
    }
    const tabId = sender.tab!.id!;
    handleSnapshot({ db: getDb(), saveTabState, now: Date.now }, tabId, checked.message.snapshot).then(
      () => sendResponse({ ok: true }),
      (e: unknown) => {
        console.warn('[resourceful] snapshot failed', e);
        sendResponse({ ok: false });
      },
    );
    // Keeps the message channel (and the service worker) alive until the write is done.
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void forgetTabOffSite(tabId, change, tab));

  watchQueueBadge(getDb(), setQueueBadge);
});
