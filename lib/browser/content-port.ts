import { browser } from 'wxt/browser';
// ../protocol, not ../messaging: this runs in the content scripts, which must not build zod schemas.
import type { PageSnapshot, PanelToContent } from '../messaging';
import { checkPanelMessage, fitSnapshot } from '../protocol';

/** Content-script side of the protocol: send what the page shows, receive (checked) requests from the panel. */

/**
 * Sends a snapshot to the background, shrunk to fit its size cap (an oversized one would be dropped and leave the
 * previous page on the panel). A failure (service worker restarting) is fine: the next change sends again.
 */
export function sendSnapshot(snapshot: PageSnapshot): void {
  browser.runtime.sendMessage({ type: 'page:snapshot', snapshot: fitSnapshot(snapshot) }).catch(() => undefined);
}

/**
 * Listens for messages from our extension pages until the content script context dies. Messages from anyone else,
 * or that fail validation, are dropped and logged.
 */
export function onPanelMessage(ctx: { onInvalidated(cb: () => void): unknown }, handle: (message: PanelToContent) => unknown): void {
  const listener = (raw: unknown, sender: Parameters<typeof checkPanelMessage>[1], sendResponse: (response?: unknown) => void) => {
    const checked = checkPanelMessage(raw, sender, browser.runtime.id);
    if (!checked.ok) {
      console.warn('[resourceful] dropped message:', checked.reason);
      return undefined;
    }
    let result: unknown;
    try {
      result = handle(checked.message);
    } catch (e) {
      // A handler bug must not escape into the page's console as an uncaught error, and the panel gets an answer.
      console.warn('[resourceful] message handler failed', e);
      sendResponse({ ok: false, reason: String(e) });
      return undefined;
    }
    if (!(result instanceof Promise)) return undefined;
    // sendResponse + `return true` keeps the channel open for the async answer in every Chrome version.
    result.then(sendResponse, (e: unknown) => sendResponse({ ok: false, reason: String(e) }));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
