import { z } from '../zod';

/** What the sender of an inquiry wants. */
export const IntentSchema = z.enum(['purchase', 'advice', 'vendor_pitch', 'job', 'partnership', 'research', 'support', 'intro', 'stall', 'decline', 'other']);
export type Intent = z.infer<typeof IntentSchema>;

/** Whether the rep's offer serves the sender. */
export const FitSchema = z.enum(['fit', 'not_fit', 'unknown']);
export type Fit = z.infer<typeof FitSchema>;

/** The reason a prospect gives for saying no (the stated one; the real one is learned later). */
export const DeclineReasonSchema = z.enum(['price', 'budget', 'incumbent', 'timing', 'need', 'authority', 'other']);
export type DeclineReason = z.infer<typeof DeclineReasonSchema>;
/** Words a rep reads for each decline reason (the codes are storage, never shown). */
export const DECLINE_REASON_LABEL = {
  price: 'Price',
  budget: 'Budget',
  incumbent: 'Current vendor',
  timing: 'Timing',
  need: 'No need',
  authority: 'Not their call',
  other: 'Other',
} as const satisfies Record<DeclineReason, string>;

/** The rep's offer profile: who they are, what they do and don't do, whom they serve. All optional. */
export const OfferProfileSchema = z.object({
  /** The rep's own name, e.g. "Alex Rivera". */
  name: z._default(z.string().check(z.maxLength(200)), ''),
  /** How the rep signs off, e.g. "Best,\nAlex". Empty: a sign-off is derived from the name. */
  signOff: z._default(z.string().check(z.maxLength(300)), ''),
  company: z._default(z.string().check(z.maxLength(200)), ''),
  /** What we offer, one item per entry ("CRM implementation for small teams", "sales training"). */
  offers: z._default(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(50)), []),
  /** What we don't offer ("web design", "paid ads management"). */
  doesNotOffer: z._default(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(50)), []),
  /** Who we serve, free text ("B2B teams of 5–50 people in Europe, SaaS and professional services"). */
  serves: z._default(z.string().check(z.maxLength(1000)), ''),
});
export type OfferProfile = z.infer<typeof OfferProfileSchema>;

/** Kinds of things a rep can give away. */
export const ResourceKindSchema = z.enum(['article', 'checklist', 'tool', 'template', 'person']);
export type ResourceKind = z.infer<typeof ResourceKindSchema>;

/** Something helpful in the rep's library. A `person` resource is someone the rep can introduce. */
export const ResourceSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  url: z.nullable(z.string().check(z.maxLength(2000))),
  /** One paragraph: what it is and whom it helps. */
  summary: z.string().check(z.maxLength(2000)),
  tags: z.array(z.string().check(z.maxLength(60))).check(z.maxLength(30)),
  kind: ResourceKindSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Resource = z.infer<typeof ResourceSchema>;

/** The inbound message to triage. */
export interface InquiryMessage {
  subject: string;
  body: string;
  /** Sender display name and/or address, e.g. "Dana Whitfield <dana@northwind.com>". */
  from?: string;
}

/** What `triageInquiry` returns. */
export interface TriageResult {
  intent: Intent;
  fit: Fit;
  /** The reason for the fit in words, e.g. "asks for web design, which you don't offer". */
  fitReason: string;
  declineReason?: DeclineReason;
  /** Short, human-readable evidence for the call (e.g. 'asks "do you offer"', 'mentions budget'). */
  signals: string[];
  /** Detected language of the inquiry. */
  language: 'en' | 'de' | 'es' | 'fr' | 'other';
}

/** Everything `suggestReplies` may use. Missing pieces degrade gracefully (never a `{{placeholder}}`). */
export interface ReplyContext {
  inquiry: InquiryMessage;
  triage: TriageResult;
  /** The other party, as far as known. */
  contact?: { name?: string | null; firstName?: string | null; company?: string | null; email?: string | null } | null;
  offer?: OfferProfile | null;
  /** The rep's resource library. */
  resources?: readonly Resource[];
  /** Ids of resources already sent to this contact: never suggested again. */
  sentResourceIds?: readonly string[];
  /** The rep's notes on this contact, newest first (plain text). */
  notes?: readonly string[];
  /** Tags of the contact (segments); resources sharing a tag rank higher. */
  contactTags?: readonly string[];
}

/** One suggested reply. */
export interface ReplySuggestion {
  /** Stable within one call, e.g. "resource-reply". */
  id: string;
  /** Short label for the card, e.g. "Not a fit — helpful pointers". */
  title: string;
  /** One line: why this reply. */
  why: string;
  /** The full reply text, plain text, ready to insert. */
  text: string;
  /** Resources the reply gives (for logging "value given"). */
  resourceIds: string[];
}
