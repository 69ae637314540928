import { describe, expect, it, vi } from 'vitest';
import { openUrl } from '../../lib/browser/tabs';

describe('openUrl', () => {
  it.each([
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRhPnTjXwKcLsZvBdMqYkHrN',
    'https://www.linkedin.com/in/dana-whitfield/',
  ])('opens %s', async (url) => {
    const create = vi.fn(async () => undefined);
    expect(await openUrl(url, create)).toBe(true);
    expect(create).toHaveBeenCalledExactlyOnceWith(url);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRhPnTjXwKcLsZvBdMqYkHrN',
    'https://mail.google.com.evil.example/mail/',
    'https://evil.example/phish',
    'https://www.linkedin.com:8443/in/dana/',
    'chrome://settings',
    '',
  ])('refuses %s (links come from the database, which a backup file fills)', async (url) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const create = vi.fn(async () => undefined);
    expect(await openUrl(url, create)).toBe(false);
    expect(create).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
