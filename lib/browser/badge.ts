import { browser } from 'wxt/browser';
import { badgeText } from '../queue/threads';

/** Shows the unanswered-inquiry count on the toolbar icon. */
export async function setQueueBadge(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: badgeText(count) });
  await browser.action.setBadgeBackgroundColor({ color: '#1f6f5c' });
  await browser.action.setTitle({ title: count > 0 ? `Resourceful — ${count} unanswered` : 'Open Resourceful' });
}
