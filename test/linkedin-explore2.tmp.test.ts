import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { it } from 'vitest';
it('explore', () => {
    const html = readFileSync(`/work/shared/fixtures/linkedin/profile-2024-1.html`, 'utf8');
    const dom = new JSDOM(html);
    const d = dom.window.document;
    const a = d.querySelector('#experience')!;
    console.log(a.childElementCount, a.outerHTML.slice(0,100));
    const sec = a.closest('section')!;
    const ents = sec.querySelectorAll('[data-view-name="profile-component-entity"]');
    console.log('ents', ents.length, (ents[0]!.textContent||'').replace(/\s+/g,' ').slice(0,200));
    const main = d.querySelector('main')!;
    console.log('main ents', main.querySelectorAll('[data-view-name="profile-component-entity"]').length);
    console.log(sec.querySelector('[data-view-name="profile-component-entity"]')?.textContent?.slice(0,100));
});
