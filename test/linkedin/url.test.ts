import { describe, expect, it } from 'vitest';
import {
  canonicalProfileUrl,
  companyFromAriaLabel,
  nameFromTitle,
  profileSlugFromUrl,
  readLinkedInProfile,
} from '../../lib/linkedin';
import { artdecoPage, domOf } from './helpers';

describe('profileSlugFromUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-doe/', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe', 'jane-doe'],
    ['https://www.linkedin.com/in/Jane-DOE-12ab/', 'jane-doe-12ab'],
    ['https://www.linkedin.com/in/jane-doe/overlay/contact-info/', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe/details/experience/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAA', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe?trk=people-guest#experience', 'jane-doe'],
    ['https://linkedin.com/in/jane-doe/', 'jane-doe'],
    ['https://se.linkedin.com/in/jane-doe/', 'jane-doe'],
    ['http://www.linkedin.com/in/jane-doe/', 'jane-doe'],
    ['HTTPS://WWW.LINKEDIN.COM/in/jane-doe/', 'jane-doe'],
    ['https://www.linkedin.com:443/in/jane-doe/', 'jane-doe'],
    ['https://www.linkedin.com/in/j%C3%B6ran-%C3%85berg/', 'jöran-åberg'],
    ['https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F/', '张伟'],
    ['https://www.linkedin.com/in/jane%E2%80%8B-doe/', 'jane-doe'], // zero-width space dropped
    ['  https://www.linkedin.com/in/jane-doe/  ', 'jane-doe'],
  ])('%s → %s', (url, slug) => {
    expect(profileSlugFromUrl(url)).toBe(slug);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/x/',
    'https://www.linkedin.com/company/x/in/y/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in',
    'https://www.linkedin.com/in//',
    'https://www.linkedin.com/in/?x=1',
    'https://www.linkedin.com/school/in/',
    'https://www.linkedin.com/mynetwork/',
    'https://www.linkedin.com/',
    'https://example.com/in/jane-doe/',
    'https://evillinkedin.com/in/jane-doe/',
    'https://linkedin.com.evil.example/in/jane-doe/',
    'https://evil.example/?u=https://www.linkedin.com/in/jane-doe/',
    'https://www.linkedin.com@evil.example/in/jane-doe/',
    'javascript:alert(1)//www.linkedin.com/in/jane-doe/',
    'file:///www.linkedin.com/in/jane-doe/',
    'https://www.linkedin.com/in/%E0%A4%A/', // malformed escape
    'https://www.linkedin.com/in/a%2Fb/', // an encoded slash
    'https://www.linkedin.com/in/a%20b/', // whitespace
    'https://www.linkedin.com/in/%3Cscript%3E/',
    'https://www.linkedin.com/in/..%2F/',
    'https://www.linkedin.com/in/%2E%2E/',
    `https://www.linkedin.com/in/${'a'.repeat(101)}/`,
    'https://www.linkedin.com/in/%E2%80%8B/', // only a zero-width space
    'not a url',
    '',
  ])('%s → null', (url) => {
    expect(profileSlugFromUrl(url)).toBeNull();
  });

  it('the canonical URL is built from the slug', () => {
    expect(canonicalProfileUrl('jöran-åberg')).toBe('https://www.linkedin.com/in/jöran-åberg/');
  });
});

describe('readLinkedInProfile: non-profile URLs → null, even on a profile page', () => {
  const doc = domOf(artdecoPage({ title: 'Jane Doe | LinkedIn', name: 'Jane Doe', headline: 'CEO' }));
  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/x/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/search/results/people/?keywords=jane',
    'https://example.com/in/jane-doe/',
  ])('%s', (url) => {
    expect(readLinkedInProfile(doc, url)).toBeNull();
  });

  it('and the same page under its profile URL is read', () => {
    expect(readLinkedInProfile(doc, 'https://www.linkedin.com/in/jane-doe/overlay/contact-info/')).toMatchObject({
      slug: 'jane-doe',
      url: 'https://www.linkedin.com/in/jane-doe/',
      name: 'Jane Doe',
      headline: 'CEO',
    });
  });
});

describe('nameFromTitle', () => {
  it.each([
    ['Naveen Dasari | LinkedIn', 'Naveen Dasari'],
    ['(12) Naveen Dasari | LinkedIn', 'Naveen Dasari'],
    ['(1) Julian Moreno Falk | LinkedIn', 'Julian Moreno Falk'],
    ['(99+) Jane Doe | LinkedIn', 'Jane Doe'],
    ['  Jane   Doe\u200B |  LinkedIn ', 'Jane Doe'],
    ['Jane | Doe | LinkedIn', 'Jane | Doe'],
    ['(3) \u202Eeod enaJ\u202C | LinkedIn', 'eod enaJ'],
  ])('%s → %s', (title, name) => {
    expect(nameFromTitle(title)).toBe(name);
  });

  it.each(['LinkedIn', 'Feed | LinkedIn', '(4) Feed | LinkedIn', '(2) Messaging | LinkedIn', 'Jane Doe', '| LinkedIn', '', null, undefined])(
    '%s → ""',
    (title) => {
      expect(nameFromTitle(title)).toBe('');
    },
  );
});

describe('companyFromAriaLabel', () => {
  it.each([
    ['Current company: Kustbanken. Click to skip to experience card', 'Kustbanken'],
    ['Current company: Hirelane.se. Click to skip to experience card', 'Hirelane.se'],
    ['Current company: Tarsis Consultancy Services. Click to skip to experience card', 'Tarsis Consultancy Services'],
    ['Current company: Acme Inc.. Click to skip to the experience section.', 'Acme Inc.'],
    ['Current company: Acme. Click for details', 'Acme'],
    ['current company - Acme', 'Acme'],
    ['Current company: ', ''],
    [null, ''],
  ])('%s → %s', (label, company) => {
    expect(companyFromAriaLabel(label)).toBe(company);
  });
});
