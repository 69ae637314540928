import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { it } from 'vitest';
import { readLinkedInProfile } from '/work/main/lib/linkedin';
const slugs = ['julian-moreno-falk','meera-lakshmi-venkatesan-7c41d9b2','levonarakel','naveendasari','steliosvranas'];
it('explore', () => {
  slugs.forEach((slug, i) => {
    const url = `https://www.linkedin.com/in/${slug}/`;
    const html = readFileSync(`/work/shared/fixtures/linkedin/profile-2024-${i+1}.html`, 'utf8');
    const dom = new JSDOM(html, { url });
    const t0 = performance.now();
    const r = readLinkedInProfile(dom.window.document, url);
    const t1 = performance.now();
    console.log(i+1, (t1-t0).toFixed(1)+'ms', JSON.stringify(r, null, 1));
  });
});
