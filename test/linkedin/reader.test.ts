import { describe, expect, it } from 'vitest';
import { readLinkedInProfile, LinkedInProfileSchema, type LinkedInProfile } from '../../lib/linkedin';
import { SHARED_FIXTURES, domOf, loadLocal, loadShared, profileUrl, sharedFixturesExist } from './helpers';

type Expected = Omit<LinkedInProfile, 'matched'>;

/** The five real pages and their values, per `../shared/fixtures/linkedin/README.md`. */
const SHARED: ReadonlyArray<{ file: string; expected: Expected }> = [
  {
    file: 'profile-2024-1.html',
    expected: {
      slug: 'julian-moreno-falk',
      url: 'https://www.linkedin.com/in/julian-moreno-falk/',
      name: 'Julian Moreno Falk',
      headline: 'Learning Program Lead, Web Mentor & Frontend Dev at Brightwave Talent',
      company: 'Brightwave Talent',
      title: 'Learning Program Team Lead',
      location: 'Greater Gothenburg Metropolitan Area',
      hasAbout: true,
      layout: 'artdeco-2024',
    },
  },
  {
    file: 'profile-2024-2.html',
    expected: {
      slug: 'meera-lakshmi-venkatesan-7c41d9b2',
      url: 'https://www.linkedin.com/in/meera-lakshmi-venkatesan-7c41d9b2/',
      name: 'Meera Lakshmi Venkatesan',
      headline: 'SAFe certified Scrum Master @ Kustbanken | Pega Lead System Architect',
      company: 'Kustbanken',
      // A grouped entry: the first role, not the "Kustbanken" company header.
      title: 'Scrum Master - Software Engineer',
      location: 'Uppsala, Uppsala County, Sweden',
      hasAbout: true,
      layout: 'artdeco-2024',
    },
  },
  {
    file: 'profile-2024-3.html',
    expected: {
      slug: 'levonarakel',
      url: 'https://www.linkedin.com/in/levonarakel/',
      name: 'Levon Arakel',
      headline: 'Board member of Telvida AB',
      company: 'Hirelane.se',
      title: 'Co-Founder',
      location: 'Greater Malmö Metropolitan Area',
      hasAbout: true,
      layout: 'artdeco-2024',
    },
  },
  {
    file: 'profile-2024-4.html',
    expected: {
      slug: 'naveendasari',
      url: 'https://www.linkedin.com/in/naveendasari/',
      name: 'Naveen Dasari',
      headline: 'Analytics Solutions | Data Platform Architect & Engineer | BI Expert | Cloud Platform enthusiast',
      company: 'Tarsis Consultancy Services',
      title: 'Technical Architect',
      location: 'Västerås, Västmanland County, Sweden',
      hasAbout: true,
      layout: 'artdeco-2024',
    },
  },
  {
    file: 'profile-2024-5.html',
    expected: {
      slug: 'steliosvranas',
      url: 'https://www.linkedin.com/in/steliosvranas/',
      name: 'Stelios Vranas',
      headline: 'Scientist.',
      company: null,
      title: null,
      location: 'Finland',
      hasAbout: false,
      layout: 'artdeco-2024',
    },
  },
];

/** What each real page's first experience entry says the company is (file 5 has no Experience). */
const EXPERIENCE_COMPANY: Record<string, string | null> = {
  'profile-2024-1.html': 'Brightwave Talent',
  'profile-2024-2.html': 'Kustbanken',
  'profile-2024-3.html': 'Hirelane.se',
  'profile-2024-4.html': 'Tarsis Consultancy Services',
  'profile-2024-5.html': null,
};

function withoutMatched(p: LinkedInProfile | null): Expected | null {
  if (!p) return null;
  const { matched: _matched, ...rest } = p;
  return rest;
}

if (!sharedFixturesExist) {
  console.warn(`[linkedin reader] SKIPPED the real-page tests: fixture folder not found: ${SHARED_FIXTURES}`);
}

describe.skipIf(!sharedFixturesExist)(`real 2024 profile pages (${SHARED_FIXTURES})`, () => {
  for (const { file, expected } of SHARED) {
    describe(file, () => {
      const url = profileUrl(expected.slug);
      // One parse for the read-only tests (jsdom takes a few hundred ms per page); the others mutate a fresh copy.
      let shared: Document | null = null;
      const readOnlyDoc = (): Document => (shared ??= loadShared(file, url));

      it('reads every field exactly', () => {
        const doc = readOnlyDoc();
        const profile = readLinkedInProfile(doc, url);
        expect(withoutMatched(profile)).toEqual(expected);
        expect(LinkedInProfileSchema.safeParse(profile).success).toBe(true);
      });

      it('reports the artdeco selectors that matched', () => {
        const doc = readOnlyDoc();
        const matched = readLinkedInProfile(doc, url)?.matched;
        expect(matched?.name).toBe('artdeco:h1.text-heading-xlarge');
        expect(matched?.headline).toBe('artdeco:headline-suggestion-target');
        expect(matched?.location).toBe('artdeco:location-inline-light');
        expect(matched?.company).toBe(expected.company ? 'any:current-company-button' : undefined);
        expect(matched?.hasAbout).toBe(expected.hasAbout ? 'artdeco:#about' : undefined);
        expect(matched?.title).toBe(
          expected.title === null
            ? undefined
            : file === 'profile-2024-2.html' || file === 'profile-2024-4.html'
              ? 'any:profile-component-entity>artdeco:sub-component-entity>artdeco:t-bold'
              : 'any:profile-component-entity>artdeco:t-bold',
        );
      });

      it('falls back to the first experience entry for the company when the top card has no button', () => {
        const doc = loadShared(file, url);
        for (const b of Array.from(doc.querySelectorAll('button[aria-label^="Current company"]'))) b.remove();
        const profile = readLinkedInProfile(doc, url);
        expect(profile?.company).toBe(EXPERIENCE_COMPANY[file]);
        if (EXPERIENCE_COMPANY[file]) expect(profile?.matched.company).toMatch(/^experience:/);
        expect(profile?.name).toBe(expected.name);
      });

      it('falls back to document.title for the name, never to the embedded JSON', () => {
        const doc = loadShared(file, url);
        doc.querySelector('h1.text-heading-xlarge')?.remove();
        const profile = readLinkedInProfile(doc, url);
        expect(profile?.name).toBe(expected.name);
        expect(profile?.matched.name).toBe('title:document.title');
        expect(profile?.layout).toBe('artdeco-2024');
        expect(profile?.headline).toBe(expected.headline);
        expect(profile?.location).toBe(expected.location);
      });

      it('returns null for the same page under a non-profile URL', () => {
        const doc = readOnlyDoc();
        expect(readLinkedInProfile(doc, 'https://www.linkedin.com/feed/')).toBeNull();
        expect(readLinkedInProfile(doc, 'https://www.linkedin.com/company/brightwave-talent/')).toBeNull();
      });

      it('does not modify the page', () => {
        const doc = readOnlyDoc();
        const before = doc.documentElement.outerHTML;
        const title = doc.title;
        readLinkedInProfile(doc, url);
        expect(doc.documentElement.outerHTML).toBe(before);
        expect(doc.title).toBe(title);
      });
    });
  }

  it('takes the slug from the URL, whatever the sub-page, query or case', () => {
    const doc = loadShared('profile-2024-1.html', profileUrl('julian-moreno-falk'));
    for (const url of [
      'https://www.linkedin.com/in/julian-moreno-falk/overlay/contact-info/',
      'https://www.linkedin.com/in/Julian-Moreno-FALK?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A1',
      'https://se.linkedin.com/in/julian%2Dmoreno%2Dfalk/recent-activity/all/#top',
    ]) {
      const profile = readLinkedInProfile(doc, url);
      expect(profile?.slug).toBe('julian-moreno-falk');
      expect(profile?.url).toBe('https://www.linkedin.com/in/julian-moreno-falk/');
      expect(profile?.name).toBe('Julian Moreno Falk');
    }
  });

  it('a page whose top card links another profile than the URL (stale DOM after navigation) → null', () => {
    const doc = loadShared('profile-2024-1.html', profileUrl('julian-moreno-falk'));
    expect(readLinkedInProfile(doc, profileUrl('lin-zhou-31857204'))).toBeNull();
    expect(readLinkedInProfile(doc, profileUrl('julian-moreno-falk'))?.matched.slugCheck).toBe(
      'any:contact-info-link:same-slug',
    );
  });

  it('files 2 and 3 (saved after in-app navigation) name the person shown, not Lin Zhou of the JSON', () => {
    for (const [file, slug] of [
      ['profile-2024-2.html', 'meera-lakshmi-venkatesan-7c41d9b2'],
      ['profile-2024-3.html', 'levonarakel'],
    ] as const) {
      const doc = loadShared(file, profileUrl(slug));
      // The premise: the JSON really does describe somebody else.
      expect(doc.querySelector('code[id^="bpr-guid-"]')?.textContent ?? '').toBeTruthy();
      expect(Array.from(doc.querySelectorAll('code')).some((c) => (c.textContent ?? '').includes('lin-zhou-31857204'))).toBe(
        true,
      );
      expect(readLinkedInProfile(doc, profileUrl(slug))?.name).not.toBe('Lin Zhou');
    }
  });
});

describe('hand-made pages of the 2025+ hashed-class layout', () => {
  it('hashed-1: every field, from stable attributes and structure only', () => {
    const url = profileUrl('amara-okonkwo-lindqvist-4b1a2c');
    const profile = readLinkedInProfile(loadLocal('hashed-1.html', url), url);
    expect(withoutMatched(profile)).toEqual({
      slug: 'amara-okonkwo-lindqvist-4b1a2c',
      url: 'https://www.linkedin.com/in/amara-okonkwo-lindqvist-4b1a2c/',
      name: 'Amara Okonkwo-Lindqvist',
      headline: 'Head of Revenue Operations | B2B SaaS | Building calm, predictable pipelines',
      company: 'Norrsken Analytics',
      title: 'Head of Revenue Operations',
      location: 'Stockholm, Stockholm County, Sweden',
      hasAbout: true,
      layout: 'hashed',
    } satisfies Expected);
    expect(profile?.matched).toEqual({
      root: 'any:main',
      topCard: 'hashed:componentkey',
      name: 'hashed:top-card-h2',
      company: 'any:current-company-button',
      headline: 'hashed:first-run-after-name',
      location: 'hashed:before-contact-info',
      hasAbout: 'hashed:profile-card-about',
      experience: 'hashed:profile-card-experience',
      title: 'any:profile-component-entity>structure:first-line',
      slugCheck: 'any:contact-info-link:same-slug',
    });
  });

  it('hashed-1: without the component key, the tracking name inside the card finds it, with the same fields', () => {
    const url = profileUrl('amara-okonkwo-lindqvist-4b1a2c');
    const whole = readLinkedInProfile(loadLocal('hashed-1.html', url), url);
    const doc = loadLocal('hashed-1.html', url);
    const keyed = doc.querySelectorAll('[componentkey]');
    expect(keyed.length).toBeGreaterThan(0);
    for (const el of keyed) el.removeAttribute('componentkey');
    const profile = readLinkedInProfile(doc, url);
    expect(profile?.matched.topCard).toBe('hashed:data-view-name');
    expect(withoutMatched(profile)).toEqual(withoutMatched(whole));
  });

  it('hashed-1: a top card whose Contact info link names another profile (stale after navigation) → null', () => {
    const url = profileUrl('someone-else');
    expect(readLinkedInProfile(loadLocal('hashed-1.html', url), url)).toBeNull();
  });

  it('hashed-1: a top card without a name heading takes the title, never a heading further down', () => {
    const url = profileUrl('amara-okonkwo-lindqvist-4b1a2c');
    const doc = loadLocal('hashed-1.html', url);
    doc.querySelector('[data-view-name="profile-top-card"] h2')?.remove();
    const profile = readLinkedInProfile(doc, url);
    expect(profile?.name).toBe('Amara Okonkwo-Lindqvist');
    expect(profile?.matched.name).toBe('title:document.title');
    expect(profile?.headline).toBe('Head of Revenue Operations | B2B SaaS | Building calm, predictable pipelines');
    expect(profile?.matched.headline).toBe('hashed:first-run-of-card');
    expect(profile?.location).toBe('Stockholm, Stockholm County, Sweden');
  });

  it('hashed-1: without the current-company button, the company comes from the first experience entry', () => {
    const url = profileUrl('amara-okonkwo-lindqvist-4b1a2c');
    const doc = loadLocal('hashed-1.html', url);
    doc.querySelector('button[aria-label^="Current company"]')?.remove();
    const profile = readLinkedInProfile(doc, url);
    expect(profile?.company).toBe('Norrsken Analytics');
    expect(profile?.matched.company).toBe('experience:any:profile-component-entity>structure:second-line');
    expect(profile?.location).toBe('Stockholm, Stockholm County, Sweden');
  });

  it('hashed-1: without a headline, the company button text is not taken for one', () => {
    const url = profileUrl('amara-okonkwo-lindqvist-4b1a2c');
    const doc = loadLocal('hashed-1.html', url);
    doc.querySelector('[data-view-name="profile-top-card"] > p')?.remove();
    const profile = readLinkedInProfile(doc, url);
    expect(profile?.headline).toBeNull();
    expect(profile?.company).toBe('Norrsken Analytics');
    expect(profile?.location).toBe('Stockholm, Stockholm County, Sweden');
  });

  it('2026 variant: text runs in leaf <span>/<div>s instead of <p>s, the name back in an <h1>', () => {
    const url = profileUrl('tomas-lind');
    const doc = domOf(
      `<!doctype html><title>Tomas Lind | LinkedIn</title><main class="_a1">
        <section class="_b2" data-view-name="profile-top-card">
          <div class="_c3"><h1 class="_d4"><span class="_e5">Tomas Lind</span></h1><span class="_f6">· 2nd</span></div>
          <div class="_g7"><span class="_h8">Field sales, industrial pumps</span></div>
          <div class="_i9"><span class="_j0">Gothenburg Metropolitan Area</span><span class="_k1">·</span><a class="_l2" href="/in/tomas-lind/overlay/contact-info/">Contact info</a></div>
        </section>
        <section class="_b2" data-view-name="profile-card-experience"><h2 class="_m3">Experience</h2>
          <ul><li><div class="_n4"><span class="_o5">Key Account Manager</span></div><span class="_p6">Vattenfors AB · Full-time</span><span class="_q7">Aug 2021 - Present · 4 yrs</span></li></ul>
        </section>
      </main>`,
      url,
    );
    expect(withoutMatched(readLinkedInProfile(doc, url))).toEqual({
      slug: 'tomas-lind',
      url: 'https://www.linkedin.com/in/tomas-lind/',
      name: 'Tomas Lind',
      headline: 'Field sales, industrial pumps',
      company: 'Vattenfors AB',
      title: 'Key Account Manager',
      location: 'Gothenburg Metropolitan Area',
      hasAbout: false,
      layout: 'hashed',
    } satisfies Expected);
  });

  const ENTRY = '<ul><li><p class="_o5">Key Account Manager</p><p class="_p6">Vattenfors AB · Full-time</p></li></ul>';
  it.each([
    {
      where: 'on the card <section>: read there',
      about: '<section class="_b2" data-view-name="profile-card-about"><div class="_x">Pumps, plainly explained.</div></section>',
      experience: `<section class="_b2" data-view-name="profile-card-experience">${ENTRY}</section>`,
      via: { hasAbout: /^hashed:profile-card-about$/, experience: /^hashed:profile-card-experience$/ },
    },
    {
      where: 'on an element inside the card: the card is found by its heading',
      about: '<section class="_b2"><div data-view-name="profile-card-about"><h2 class="_m3">About</h2><div class="_x">Pumps, plainly explained.</div></div></section>',
      experience: `<section class="_b2"><div data-view-name="profile-card-experience"><h2 class="_m3">Experience</h2>${ENTRY}</div></section>`,
      via: { hasAbout: /heading/, experience: /heading/ },
    },
  ])('About and Experience tracking names $where', ({ about, experience, via }) => {
    const url = profileUrl('tomas-lind');
    const doc = domOf(
      `<!doctype html><title>Tomas Lind | LinkedIn</title><main class="_a1">
        <section class="_b2" componentkey="profile.card.Topcard"><h1 class="_d4">Tomas Lind</h1><p class="_h8">Field sales, industrial pumps</p></section>
        ${about}
        ${experience}
      </main>`,
      url,
    );
    const profile = readLinkedInProfile(doc, url);
    expect(profile?.hasAbout).toBe(true);
    expect(profile?.title).toBe('Key Account Manager');
    expect(profile?.matched.hasAbout).toMatch(via.hasAbout);
    expect(profile?.matched.experience).toMatch(via.experience);
  });

  it('hashed-2: a sparse page with no stable attributes at all', () => {
    const url = profileUrl('ines-carvalho-duarte');
    const profile = readLinkedInProfile(loadLocal('hashed-2.html', url), url);
    expect(withoutMatched(profile)).toEqual({
      slug: 'ines-carvalho-duarte',
      url: 'https://www.linkedin.com/in/ines-carvalho-duarte/',
      name: 'Inês Carvalho Duarte',
      headline: 'Researcher.',
      company: null,
      title: null,
      location: 'Portugal',
      hasAbout: false,
      layout: 'hashed',
    } satisfies Expected);
    expect(profile?.matched.name).toBe('any:main-heading');
    expect(profile?.matched.location).toBe('hashed:before-contact-info');
  });

  it('hashed-2: without a location, the lone run before Contact info stays the headline', () => {
    const url = profileUrl('ines-carvalho-duarte');
    const doc = loadLocal('hashed-2.html', url);
    const country = Array.from(doc.querySelectorAll('p')).find((p) => p.textContent === 'Portugal');
    expect(country).toBeDefined();
    country?.remove();
    const profile = readLinkedInProfile(doc, url);
    expect(profile?.headline).toBe('Researcher.');
    expect(profile?.location).toBeNull();
  });

  it('hashed-2: without the Contact info link, a country alone is not guessed (no comma, no place word)', () => {
    const url = profileUrl('ines-carvalho-duarte');
    const doc = loadLocal('hashed-2.html', url);
    doc.querySelector('a[href*="/overlay/contact-info"]')?.remove();
    const profile = readLinkedInProfile(doc, url);
    expect(profile?.location).toBeNull();
    expect(profile?.headline).toBe('Researcher.');
  });

  it('hashed-3: componentkey top card, sections by heading text, grouped entry, RTL name', () => {
    const url = profileUrl('layla-haddad');
    const profile = readLinkedInProfile(loadLocal('hashed-3.html', url), url);
    expect(withoutMatched(profile)).toEqual({
      slug: 'layla-haddad',
      url: 'https://www.linkedin.com/in/layla-haddad/',
      name: 'ليلى حداد',
      headline: 'Director of Partnerships at Qamar Logistics · Supply chain, GCC markets',
      company: 'Qamar Logistics',
      title: 'Director of Partnerships',
      location: 'Dubai, United Arab Emirates',
      hasAbout: true,
      layout: 'hashed',
    } satisfies Expected);
    expect(profile?.matched).toMatchObject({
      topCard: 'hashed:componentkey',
      name: 'hashed:top-card-h1',
      hasAbout: 'structure:section-heading-about',
      experience: 'structure:section-heading-experience',
      title: 'any:li>hashed:nested-li>structure:first-line',
      company: 'experience:any:li>grouped>structure:first-line',
    });
  });
});

describe('hostile-1.html (artdeco-shaped, broken on purpose)', () => {
  const url = profileUrl('mallory-example');

  it('reads the values verbatim as plain strings, without invisible characters or duplicates', () => {
    const doc = loadLocal('hostile-1.html', url);
    const profile = readLinkedInProfile(doc, url);
    expect(withoutMatched(profile)).toEqual({
      slug: 'mallory-example',
      url: 'https://www.linkedin.com/in/mallory-example/',
      // Markup written as text stays text; the <script> inside the heading and its screen-reader copy are not read.
      name: '<img src=x onerror=alert(1)>',
      headline: 'Head of Sales EMEA',
      company: '<b>Acme & Sons</b>, Inc.',
      title: 'Chief <Troublemaker>',
      location: 'Oslo, Norway',
      hasAbout: false,
      layout: 'artdeco-2024',
    } satisfies Expected);
    expect(profile?.matched.name).toBe('artdeco:h1.text-heading-xlarge');
    // Nothing was executed or created.
    expect(doc.title).toBe('(7) Mallory Example | LinkedIn');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });

  it('without the company button, takes the company from the entry runs', () => {
    const doc = loadLocal('hostile-1.html', url);
    doc.querySelector('button')?.remove();
    expect(readLinkedInProfile(doc, url)?.company).toBe('Acme & Sons, Inc.');
  });
});
