import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { it } from 'vitest';
import { readLinkedInProfile } from '/work/main/lib/linkedin';
it('explore', () => {
  for (const [f, slug] of [['hashed-1','amara-okonkwo-lindqvist-4b1a2c'],['hashed-2','ines-carvalho-duarte'],['hashed-3','layla-haddad']]) {
    const url = `https://www.linkedin.com/in/${slug}/`;
    const dom = new JSDOM(readFileSync(`test/fixtures/linkedin/${f}.html`, 'utf8'), { url });
    console.log(f, JSON.stringify(readLinkedInProfile(dom.window.document, url), null, 1));
  }
});
