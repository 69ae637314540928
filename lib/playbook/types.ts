import { z } from '../zod';

/**
 * Shared vocabulary of the trust-based playbook (issue: outcomes, commitments, stalls, unanswered inquiries,
 * follow-ups, referrals). Pure data shapes: the Dexie rows in lib/db/models.ts use these.
 */

/** Where a contact stands. "Not a fit — helped" is a positive outcome of its own, not a loss. */
export const StageSchema = z.enum(['new_inquiry', 'in_conversation', 'qualified', 'not_fit_helped', 'customer', 'declined', 'nurture']);
export type Stage = z.infer<typeof StageSchema>;

/**
 * The stage two records of one person keep when they become one contact: the target's, unless it is only a starting
 * stage (a new inquiry, or "in conversation", where a profile saved on its own starts) and the other record holds a
 * decision (qualified, helped, customer, declined, nurture).
 */
export function mergedStage(target: Stage, source: Stage): Stage {
  const starting = (s: Stage) => s === 'new_inquiry' || s === 'in_conversation';
  return starting(target) && !starting(source) ? source : target;
}

/** Human labels for stages. */
export const STAGE_LABEL: Record<Stage, string> = {
  new_inquiry: 'New inquiry',
  in_conversation: 'In conversation',
  qualified: 'Qualified',
  not_fit_helped: 'Not a fit — helped',
  customer: 'Customer',
  declined: 'Declined',
  nurture: 'Nurture',
};

/** Who made a promise: the rep ("mine") or the contact ("theirs"). */
export const DirectionSchema = z.enum(['mine', 'theirs']);
export type Direction = z.infer<typeof DirectionSchema>;

/** What kind of promise it is; stall detection looks at the contact's deposits, callbacks and appointments. */
export const CommitmentKindSchema = z.enum(['send', 'call', 'callback', 'deposit', 'payment', 'appointment', 'decision', 'intro', 'other']);
export type CommitmentKind = z.infer<typeof CommitmentKindSchema>;

/** Open until kept ("done") or broken ("missed"). Overdue is derived from `dueAt` and the clock, not stored. */
export const CommitmentStatusSchema = z.enum(['open', 'done', 'missed']);
export type CommitmentStatus = z.infer<typeof CommitmentStatusSchema>;

/** One promise in a contact's commitments ledger. */
export const CommitmentSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  contactId: z.string().check(z.minLength(1), z.maxLength(64)),
  direction: DirectionSchema,
  kind: CommitmentKindSchema,
  /** What was promised, in words ("Send the onboarding checklist"). */
  text: z.string().check(z.minLength(1), z.maxLength(1000)),
  /** When it is due (epoch ms, end of that day when only a day was said); null when no date was given. */
  dueAt: z.nullable(z.number()),
  status: CommitmentStatusSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** When it was marked done or missed. */
  resolvedAt: z.nullable(z.number()),
  /** Where it came from: a note, a reply the rep used, a thread message, or typed by hand. */
  source: z.enum(['manual', 'note', 'reply', 'thread']),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

/** A promise found in free text, before the rep confirms it. */
export interface ExtractedPromise {
  direction: Direction;
  kind: CommitmentKind;
  /** The promise restated briefly ("send the summary"). */
  text: string;
  dueAt: number | null;
  /** The phrase that set the date ("by Friday"), when there was one. */
  dueText: string | null;
  /** UTF-16 offsets of the sentence the promise was found in. */
  start: number;
  end: number;
}

/** The four stall signs from the seeds, plus the contact's own missed promises. */
export const StallSignSchema = z.enum(['missed_commitment', 'sample_after_deposit', 'no_callback', 'missed_appointments']);
export type StallSign = z.infer<typeof StallSignSchema>;

/** A detected stall sign with its evidence and the direct, empathetic questions to ask. */
export interface StallFinding {
  sign: StallSign;
  /** One sentence naming the sign in the rep's terms ("They agreed to a deposit, then asked for a free pilot"). */
  label: string;
  /** What in the thread or ledger shows it. */
  evidence: string[];
  /** Direct, empathetic questions; never pressure, never a seller deadline. */
  questions: string[];
}

/** A value reason for a follow-up: without one, the planner suggests nothing. */
export const ValueReasonKindSchema = z.enum(['resource', 'news', 'success_story', 'introduction', 'answer']);
export type ValueReasonKind = z.infer<typeof ValueReasonKindSchema>;

/** What the rep brings to a follow-up. */
export interface ValueReason {
  kind: ValueReasonKind;
  /** The substance, in the rep's words ("our CRM rollout checklist", "Acme cut onboarding time by a third"). */
  detail: string;
  /** Optional link to include. */
  url?: string | null;
}
