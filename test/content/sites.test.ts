import { describe, expect, it } from 'vitest';
import { isGmailThreadUrl, isLinkedInProfileUrl } from '../../lib/content/sites';

describe('isGmailThreadUrl', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyzKLmnbVcXzBnMpQrStUv', true],
    ['https://mail.google.com/mail/u/1/#label/Clients/FMfcgzQXJWxyzKLmnbVcXzBnMpQrStUv', true],
    ['https://mail.google.com/mail/u/0/#search/pricing/18c2f0a9b7d6e5f4', true],
    ['https://mail.google.com/mail/u/0/#inbox', false],
    ['https://mail.google.com/mail/u/0/#inbox/p2', false],
    ['https://mail.google.com/mail/u/0/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isGmailThreadUrl(url)).toBe(expected));
});

describe('isLinkedInProfileUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/julian-moreno-falk/', true],
    ['https://www.linkedin.com/in/julian-moreno-falk/overlay/contact-info/', true],
    ['https://www.linkedin.com/feed/', false],
    ['https://www.linkedin.com/in/', false],
    ['https://www.linkedin.com/company/acme/', false],
  ])('%s → %s', (url, expected) => expect(isLinkedInProfileUrl(url)).toBe(expected));
});
