#!/usr/bin/env node
/**
 * Gives the hand-made hashed-layout LinkedIn fixtures (test/fixtures/linkedin/hashed-1..3.html) the page around the
 * profile that every real newer-layout page carries: the global nav (search suggestions, notifications, the "Me"
 * menu naming the viewer), a "People also viewed" / "People you may know" rail inside <main> full of other people's
 * names in headings and their headlines, the messaging overlay with conversations, and the footer. A real page has
 * thousands of elements; the profile itself is a small part of it. The readers must not be fooled by any of it (the
 * tests expect the profile owner's values, unchanged), and the benchmark's reader ÷ querySelectorAll ratio is then
 * measured on a page of real size.
 *
 * Only hashed class names, tags, aria-labels and links: no data-view-name or componentkey (hashed-2 has none on
 * purpose). Deterministic (seeded). Idempotent: the generated parts live between `chrome:*` comments and are
 * replaced on every run. Run `node test/linkedin/gen-chrome.mjs`; the HTML is committed. Everything is fictional.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'linkedin');
const FILES = ['hashed-1.html', 'hashed-2.html', 'hashed-3.html'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}
const FIRST = ['Mikael', 'Sofia', 'Arjun', 'Lena', 'Tomás', 'Hana', 'Felix', 'Nadia', 'Omar', 'Ingrid', 'Kenji', 'Chloé', 'Rafael', 'Aisha', 'Pieter', 'Yara', 'Dmitri', 'Maren', 'Luca', 'Sunita'];
const LAST = ['Lindgren', 'Almeida', 'Raman', 'Vogt', 'Ferreira', 'Sato', 'Brenner', 'Haddad', 'Nyström', 'Okafor', 'Moreau', 'Castillo', 'de Vries', 'Kowalski', 'Haugen', 'Ricci', 'Tanaka', 'Petersen'];
const ROLES = ['Account Executive', 'VP Sales', 'Head of Customer Success', 'Revenue Operations Lead', 'Sales Development Manager', 'Chief Revenue Officer', 'Solutions Consultant', 'Partner Manager'];
const ORGS = ['Brightwave Talent', 'Kustbanken', 'Fjordline Software', 'Helio Freight', 'Orbital Dental', 'Tallgrass Capital', 'Meridian Labs', 'Saltmarsh Studio'];
const PLACES = ['Oslo, Norway', 'Lisbon, Portugal', 'Greater Madrid Metropolitan Area', 'Berlin, Germany', 'Copenhagen Metropolitan Area', 'Dublin, County Dublin, Ireland'];

function makeChrome(seed) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const hash = () => `_${Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0')}`;
  const person = () => {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const slug = `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(/ +/g, '-')}-${Math.floor(r() * 0xfffff).toString(16)}`;
    return { name, slug, headline: `${pick(ROLES)} at ${pick(ORGS)}`, place: pick(PLACES) };
  };
  const icon = () => `<svg class="${hash()}" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2l3 7h7l-5.5 4 2 7-6.5-4.5L5.5 20l2-7L2 9h7z"></path></svg>`;

  // Global nav: logo, search with suggestions (people), the nav items with badges, notifications preview, "Me" menu.
  const nav = [];
  nav.push(`<header class="${hash()} ${hash()}" role="banner"><div class="${hash()}">`);
  nav.push(`<a class="${hash()}" href="/feed/" aria-label="LinkedIn">${icon()}</a>`);
  nav.push(`<div class="${hash()}" role="search"><input class="${hash()}" type="text" aria-label="Search" placeholder="Search">`);
  nav.push(`<ul class="${hash()}" role="listbox" aria-label="Search suggestions">`);
  for (let i = 0; i < 8; i++) {
    const p = person();
    nav.push(`<li class="${hash()}" role="option"><a class="${hash()}" href="/in/${p.slug}/"><div class="${hash()}"><h3 class="${hash()}">${p.name}</h3><p class="${hash()}">${p.headline}</p></div></a></li>`);
  }
  nav.push(`</ul></div><nav class="${hash()}" aria-label="Primary Navigation"><ul class="${hash()}">`);
  for (const [label, href] of [['Home', '/feed/'], ['My Network', '/mynetwork/'], ['Jobs', '/jobs/'], ['Messaging', '/messaging/'], ['Notifications', '/notifications/']]) {
    nav.push(`<li class="${hash()}"><a class="${hash()}" href="${href}">${icon()}<span class="${hash()}" aria-hidden="true">${Math.floor(r() * 9) + 1}</span><span class="${hash()}">${label}</span></a></li>`);
  }
  const viewer = person();
  nav.push(`<li class="${hash()}"><button class="${hash()}" type="button" aria-label="Me" aria-expanded="false"><img class="${hash()}" alt="${viewer.name}" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"></button>`);
  nav.push(`<div class="${hash()}" hidden><h2 class="${hash()}">${viewer.name}</h2><p class="${hash()}">${viewer.headline}</p><a class="${hash()}" href="/in/${viewer.slug}/">View profile</a><ul class="${hash()}">`);
  for (const item of ['Settings & Privacy', 'Help', 'Language', 'Posts & Activity', 'Job Posting Account', 'Sign Out']) nav.push(`<li class="${hash()}"><a class="${hash()}" href="/settings/">${item}</a></li>`);
  nav.push('</ul></div></li></ul></nav>');
  nav.push(`<section class="${hash()}" aria-label="Notifications preview" hidden><h2 class="${hash()}">Notifications</h2><ul class="${hash()}">`);
  for (let i = 0; i < 20; i++) {
    const p = person();
    nav.push(`<li class="${hash()}"><a class="${hash()}" href="/in/${p.slug}/"><p class="${hash()}"><strong>${p.name}</strong> viewed your profile</p><p class="${hash()}">${Math.floor(r() * 23) + 1}h</p></a></li>`);
  }
  nav.push('</ul></section></div></header>');

  // Rail inside <main>, after the profile's own cards: other people, each with a heading, a headline and a button.
  const rail = [];
  for (const [title, n] of [['People also viewed', 20], ['People you may know', 16], ['More profiles for you', 10]]) {
    rail.push(`<aside class="${hash()}" aria-label="${title}"><section class="${hash()} ${hash()}"><div class="${hash()}"><h2 class="${hash()}">${title}</h2></div><ul class="${hash()}">`);
    for (let i = 0; i < n; i++) {
      const p = person();
      rail.push(
        `<li class="${hash()}"><div class="${hash()}"><a class="${hash()}" href="/in/${p.slug}/"><img class="${hash()}" alt="${p.name}" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"></a>` +
          `<div class="${hash()}"><a class="${hash()}" href="/in/${p.slug}/"><h3 class="${hash()}"><span class="${hash()}" aria-hidden="true">${p.name}</span></h3></a><p class="${hash()}">· ${pick(['2nd', '3rd+', '1st'])}</p>` +
          `<p class="${hash()}">${p.headline}</p><p class="${hash()}">${p.place}</p></div>` +
          `<button class="${hash()}" type="button" aria-label="Invite ${p.name} to connect">${icon()}<span class="${hash()}">Connect</span></button></div></li>`,
      );
    }
    rail.push(`</ul><a class="${hash()}" href="/mynetwork/">Show all</a></section></aside>`);
  }
  rail.push(`<aside class="${hash()}" aria-label="Promoted"><section class="${hash()}"><p class="${hash()}">Promoted</p>`);
  for (let i = 0; i < 3; i++) rail.push(`<div class="${hash()}"><a class="${hash()}" href="/company/${pick(ORGS).toLowerCase().replace(/ /g, '-')}/"><p class="${hash()}">${pick(ORGS)}</p><p class="${hash()}">Grow your pipeline with ${pick(ORGS)}</p></a></div>`);
  rail.push('</section></aside>');

  // Messaging overlay and footer, after <main>.
  const after = [];
  after.push(`<aside class="${hash()}" aria-label="Messaging"><header class="${hash()}"><h2 class="${hash()}">Messaging</h2><button class="${hash()}" type="button" aria-label="Compose message">${icon()}</button></header><ul class="${hash()}">`);
  for (let i = 0; i < 30; i++) {
    const p = person();
    after.push(`<li class="${hash()}"><a class="${hash()}" href="/messaging/thread/${Math.floor(r() * 1e9)}/"><img class="${hash()}" alt="${p.name}" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"><div class="${hash()}"><h3 class="${hash()}">${p.name}</h3><p class="${hash()}"><span class="${hash()}">${p.name.split(' ')[0]}:</span> Thanks, talk ${pick(['Monday', 'next week', 'soon', 'tomorrow'])}!</p><time class="${hash()}">${pick(['Jan', 'Feb', 'Mar', 'Apr'])} ${Math.floor(r() * 27) + 1}</time></div></a></li>`);
  }
  after.push('</ul></aside>');
  after.push(`<footer class="${hash()}" role="contentinfo"><ul class="${hash()}">`);
  for (const l of ['About', 'Accessibility', 'Talent Solutions', 'Community Guidelines', 'Careers', 'Marketing Solutions', 'Privacy & Terms', 'Ad Choices', 'Advertising', 'Sales Solutions', 'Mobile', 'Small Business', 'Safety Center', 'Questions?', 'Manage your account and privacy', 'Recommendation transparency', 'Select Language']) {
    after.push(`<li class="${hash()}"><a class="${hash()}" href="/legal/">${l}</a></li>`);
  }
  after.push(`</ul><p class="${hash()}">LinkedIn Corporation © 2026</p></footer>`);
  return { nav: nav.join('\n'), rail: rail.join('\n'), after: after.join('\n') };
}

/** Puts `block` between `<!-- chrome:name -->` markers, inserting the markers `where` the first time. */
function place(html, name, block, where) {
  const start = `<!-- chrome:${name} (generated by test/linkedin/gen-chrome.mjs) -->`;
  const end = `<!-- /chrome:${name} -->`;
  const at = html.indexOf(start);
  if (at >= 0) return html.slice(0, at) + start + '\n' + block + '\n' + html.slice(html.indexOf(end));
  return where(html, `${start}\n${block}\n${end}`);
}

FILES.forEach((file, i) => {
  const path = join(DIR, file);
  let html = readFileSync(path, 'utf8');
  const c = makeChrome(0x11d0 + i * 7919);
  html = place(html, 'nav', c.nav, (h, b) => h.replace(/(<body[^>]*>\n)/, `$1${b}\n`));
  html = place(html, 'rail', c.rail, (h, b) => h.replace(/\n<\/main>/, `\n${b}\n</main>`));
  html = place(html, 'after', c.after, (h, b) => h.replace(/\n<\/body>/, `\n${b}\n</body>`));
  writeFileSync(path, html);
  console.log(`wrote ${file}`);
});
