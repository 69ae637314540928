import { describe, expect, it, vi } from 'vitest';
import { forgetTabOffSite } from '../../lib/browser/tab-state';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRhPnTjXwKcLsZvBdMqYkHrN';

describe('forgetTabOffSite', () => {
  it.each<[string, { status?: string; url?: string }, { url?: string }, boolean]>([
    ['a navigation to another site (URL hidden: no host permission)', { status: 'loading' }, {}, true],
    ['a navigation to another site (URL seen)', { status: 'loading', url: 'https://example.com/' }, { url: 'https://example.com/' }, true],
    ['a new URL off our sites without a status', { url: 'https://example.com/' }, { url: 'https://example.com/' }, true],
    ['a navigation within Gmail', { status: 'loading', url: GMAIL }, { url: GMAIL }, false],
    ['a navigation to LinkedIn', { status: 'loading' }, { url: 'https://www.linkedin.com/in/dana/' }, false],
    ['a title or favicon change on another site', {}, {}, false],
    ['the load finishing', { status: 'complete' }, {}, false],
  ])('%s → forgets: %s', (_what, change, tab, forgets) => {
    const remove = vi.fn(async () => undefined);
    expect(forgetTabOffSite(7, change, tab, remove)).toBe(forgets);
    if (forgets) expect(remove).toHaveBeenCalledExactlyOnceWith(7);
    else expect(remove).not.toHaveBeenCalled();
  });
});
