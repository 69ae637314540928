import { describe, expect, it } from 'vitest';
import { handEnteredProfile } from '../../lib/contacts/manual';
import { LinkedInProfileSchema } from '../../lib/linkedin/types';

describe('handEnteredProfile', () => {
  it('keeps the slug of the page, in its canonical URL, with what the rep typed', () => {
    const p = handEnteredProfile('https://www.linkedin.com/in/Nora-Hale-42/details/experience/?x=1', 'Nora Hale', 'Kustbanken');
    expect(p).toMatchObject({ slug: 'nora-hale-42', url: 'https://www.linkedin.com/in/nora-hale-42/', name: 'Nora Hale', company: 'Kustbanken' });
    expect(LinkedInProfileSchema.safeParse(p).success).toBe(true);
  });

  it.each([null, undefined, '', 'https://www.linkedin.com/feed/', 'https://mail.google.com/mail/u/0/#inbox/abc'])('%s → no profile', (url) => {
    expect(handEnteredProfile(url, 'Nora Hale', null)).toBeNull();
  });
});
