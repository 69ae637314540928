import { browser } from 'wxt/browser';
import { checkPanelMessage, type PageSnapshot, type PanelToContent } from '../messaging';

/** Content-script side of the protocol: send what the page shows, receive (checked) requests from the panel. */

/** Sends a snapshot to the background; a failure (service worker restarting) is fine: the next change sends again. */
export function sendSnapshot(snapshot: PageSnapshot): void {
  browser.runtime.sendMessage({ type: 'page:snapshot', snapshot }).catch(() => undefined);
}

/**
 * Listens for messages from our extension pages until the content script context dies. Messages from anyone else,
 * or that fail validation, are dropped and logged.
 */
export function onPanelMessage(ctx: { onInvalidated(cb: () => void): unknown }, handle: (message: PanelToContent) => unknown): void {
  const listener = (raw: unknown, sender: Parameters<typeof checkPanelMessage>[1]) => {
    const checked = checkPanelMessage(raw, sender, browser.runtime.id);
    if (!checked.ok) {
      console.warn('[resourceful] dropped message:', checked.reason);
      return undefined;
    }
    const result = handle(checked.message);
    return result instanceof Promise ? result : undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
