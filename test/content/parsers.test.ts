import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { GmailThreadSchema, readGmailThread } from '../../lib/gmail';
import { INVALID as GMAIL_INVALID, parseGmailThreadCompiled } from '../../lib/gmail/thread-parser.gen';
import { LinkedInProfileSchema, type LinkedInProfile } from '../../lib/linkedin';
import { INVALID as LINKEDIN_INVALID, parseLinkedInProfileCompiled } from '../../lib/linkedin/profile-parser.gen';
import { INVALID as TAB_STATE_INVALID, parseTabStateCompiled } from '../../lib/browser/tab-state-parser.gen';
import { PanelToContentSchema, TabStateSchema } from '../../lib/messaging';
import { INVALID as PANEL_INVALID, parsePanelToContentCompiled } from '../../lib/panel-message-parser.gen';
import { PARSERS, parserModuleSource } from '../../scripts/lib/zod-parsers';

const ROOT = join(__dirname, '..', '..');

describe('ahead-of-time zod parsers (lib/**/*-parser.gen.ts)', () => {
  it.each(PARSERS.map((p) => [p.file, p] as const))('%s is what zod compiles from the schema today (run `npm run gen:parsers`)', (file, spec) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toBe(parserModuleSource(spec));
  });

  const thread = (() => {
    const html = readFileSync(join(ROOT, 'test/fixtures/gmail/thread-30.html'), 'utf8');
    const doc = new JSDOM(html, { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqJtNwVbXzRsLmKpHgFdSwQtZ' }).window.document;
    return readGmailThread(doc)!;
  })();
  const profile: LinkedInProfile = {
    slug: 'ana-lima',
    url: 'https://www.linkedin.com/in/ana-lima/',
    name: 'Ana Lima',
    headline: 'Head of Sales',
    company: 'Acme',
    title: 'Head of Sales',
    location: 'Lisbon, Portugal',
    hasAbout: true,
    layout: 'hashed',
    matched: { name: 'hashed:top-card-h1' },
  };

  /** Damaged copies: each must be rejected by both, or accepted by both with the same data. */
  const gmailCases: unknown[] = [
    thread,
    { ...thread, subject: 'x'.repeat(1001) },
    { ...thread, subject: 7 },
    { ...thread, threadId: undefined },
    { ...thread, latestInboundIndex: -1 },
    { ...thread, latestInboundIndex: 1.5 },
    { ...thread, matched: { a: 1 } },
    { ...thread, messages: [{ ...thread.messages[0]!, date: Number.NaN }] },
    { ...thread, messages: [{ ...thread.messages[0]!, to: [{ name: 'a' }] }] },
    { ...thread, messages: [{ ...thread.messages[0]!, body: 'b'.repeat(20_001) }] },
    { ...thread, participants: [], extra: 'dropped' },
    null,
    [],
  ];
  it('Gmail: the compiled parser agrees with the schema', () => {
    for (const c of gmailCases) {
      const runtime = GmailThreadSchema.safeParse(c);
      const fast = parseGmailThreadCompiled(c);
      if (runtime.success) expect(fast).toEqual(runtime.data);
      else expect(fast).toBe(GMAIL_INVALID);
    }
    expect(parseGmailThreadCompiled(thread)).not.toBe(thread); // a fresh copy, as zod returns
  });

  const linkedinCases: unknown[] = [
    profile,
    { ...profile, slug: '' },
    { ...profile, layout: 'other' },
    { ...profile, headline: null, company: null, title: null, location: null },
    { ...profile, name: 'n'.repeat(301) },
    { ...profile, hasAbout: 'yes' },
    { ...profile, matched: [] },
    'profile',
  ];
  it('LinkedIn: the compiled parser agrees with the schema', () => {
    for (const c of linkedinCases) {
      const runtime = LinkedInProfileSchema.safeParse(c);
      const fast = parseLinkedInProfileCompiled(c);
      if (runtime.success) expect(fast).toEqual(runtime.data);
      else expect(fast).toBe(LINKEDIN_INVALID);
    }
  });

  const panelCases: unknown[] = [
    { type: 'content:reread' },
    { type: 'content:reread', extra: 'dropped' },
    { type: 'content:insert-reply', text: 'Hi' },
    { type: 'content:insert-reply', text: 'Hi', thread: { threadId: 'abc', subject: 'Pricing' } },
    { type: 'content:insert-reply', text: 'Hi', thread: { threadId: null, subject: '' }, extra: 'dropped' },
    { type: 'content:insert-reply', text: 'Hi', thread: { threadId: 'abc', subject: 'Pricing', extra: 'dropped' } },
    { type: 'content:insert-reply', text: 'Hi', thread: { threadId: 'x'.repeat(200), subject: 'y'.repeat(1000) } },
    { type: 'content:insert-reply', text: 'Hi', thread: { threadId: 'x'.repeat(201), subject: 'Pricing' } },
    { type: 'content:insert-reply', text: 'Hi', thread: { threadId: 'abc', subject: 'y'.repeat(1001) } },
    { type: 'content:insert-reply', text: 'Hi', thread: { threadId: undefined, subject: 'Pricing' } },
    { type: 'content:insert-reply', text: 'Hi', thread: null },
    { type: 'content:insert-reply', text: '' },
    { type: 'content:insert-reply', text: 'x'.repeat(50_000), thread: { threadId: null, subject: '' } },
    { type: 'content:insert-reply', text: 'x'.repeat(50_001), thread: { threadId: null, subject: '' } },
    { type: 'content:insert-reply', text: '😀'.repeat(30_000), thread: { threadId: null, subject: '' } },
    { type: 'content:insert-reply' },
    { type: 'content:insert-reply', text: 7 },
    { type: 'content:evil' },
    { type: ['content:reread'] },
    {},
    [],
    'content:reread',
    null,
    undefined,
  ];
  it('panel messages: the compiled parser agrees with the schema', () => {
    for (const c of panelCases) {
      const runtime = PanelToContentSchema.safeParse(c);
      const fast = parsePanelToContentCompiled(c);
      if (runtime.success) expect(fast).toEqual(runtime.data);
      else expect(fast).toBe(PANEL_INVALID);
    }
  });

  const gmailSnapshot = { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc', readAt: 1, thread, threadUrl: true };
  const linkedinSnapshot = { site: 'linkedin', url: profile.url, readAt: 1, profile, profileUrl: true };
  const tabStateCases: unknown[] = [
    { tabId: 7, snapshot: gmailSnapshot },
    { tabId: 7, snapshot: { ...gmailSnapshot, thread: null } },
    { tabId: 7, snapshot: { ...gmailSnapshot, thread: { ...thread, subject: 7 } } },
    { tabId: 7, snapshot: { ...gmailSnapshot, url: 'u'.repeat(4001) } },
    { tabId: 7, snapshot: linkedinSnapshot },
    { tabId: 7, snapshot: { ...linkedinSnapshot, profile: { ...profile, slug: '' } } },
    { tabId: 7, snapshot: { ...linkedinSnapshot, site: 'gmail' } },
    { tabId: 7.5, snapshot: gmailSnapshot },
    { tabId: 7, snapshot: gmailSnapshot, extra: 'dropped' },
    { tabId: 7 },
    null,
    undefined,
  ];
  it('tab snapshots: the compiled parser agrees with the schema', () => {
    for (const c of tabStateCases) {
      const runtime = TabStateSchema.safeParse(c);
      const fast = parseTabStateCompiled(c);
      if (runtime.success) expect(fast).toEqual(runtime.data);
      else expect(fast).toBe(TAB_STATE_INVALID);
    }
    // The valid snapshots really are accepted (not two rejections agreeing).
    expect(parseTabStateCompiled(tabStateCases[0])).not.toBe(TAB_STATE_INVALID);
    expect(parseTabStateCompiled(tabStateCases[4])).not.toBe(TAB_STATE_INVALID);
  });
});
