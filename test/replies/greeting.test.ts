import { describe, expect, it } from 'vitest';
import { z } from '../../lib/zod';
import corpusJson from '../fixtures/inquiries/inquiries.json';
import offerJson from '../fixtures/inquiries/offer.json';
import resourcesJson from '../fixtures/inquiries/resources.json';
import { greetingName, InquiryCaseSchema, OfferProfileSchema, ResourceSchema, suggestReplies, triageInquiry, type ReplyContext } from '../../lib/replies/index';
import { NAMES_IN_EVERY_SCRIPT, NOT_A_PERSON, nfd } from '../helpers/names';

const corpus = z.array(InquiryCaseSchema).parse(corpusJson);
const offer = OfferProfileSchema.parse(offerJson);
const resources = z.array(ResourceSchema).parse(resourcesJson);
const hub = corpus.find((x) => x.id === 'purchase-hubspot-quote')!;
const triage = triageInquiry(hub, offer);

/** The first line of the first suggestion: the greeting the rep would send. */
const greet = (contact: ReplyContext['contact'], from?: string): string =>
  suggestReplies({ inquiry: { subject: hub.subject, body: hub.body, from }, triage, contact, offer, resources })[0]!.text.split('\n')[0]!;

describe('greeting names in every script', () => {
  it.each<[string, string, string]>([
    ...NAMES_IN_EVERY_SCRIPT,
    ['Devanagari after an honorific', 'Dr. अमित शर्मा', 'Hi अमित,'],
    ['"Last, First" in Thai', 'จันทร์, ประยุทธ์', 'Hi ประยุทธ์,'],
    ['a lower-case Latin name, capitalised as before', 'dana whitfield', 'Hi Dana,'],
  ])('greets %s', (_script, name, greeting) => {
    expect(greet({ name })).toBe(greeting);
    expect(greet(null, `${name} <someone@example.com>`)).toBe(greeting);
  });

  it('greets in NFC whatever form the name came in', () => {
    const name = greetingName({ inquiry: { subject: '', body: '' }, triage, contact: { firstName: nfd('José') } });
    expect(name).toBe('José');
    expect(name).toBe(name.normalize('NFC'));
    expect(name.length).toBe(4);
  });

  it.each<[string, string]>([
    ...NOT_A_PERSON,
    ['a role address', 'info@northwind.com'],
    ['template debris', '{{first_name}}'],
    ['"null"', 'null'],
    ['digits', 'Dana2 Whitfield'],
    ['one letter', 'D Whitfield'],
  ])('greets without a name for %s', (_what, name) => {
    expect(greet({ name })).toBe('Hi there,');
  });
});
