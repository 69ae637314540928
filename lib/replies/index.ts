/**
 * Triage of inbound inquiries (intent, fit, decline reason, language) and value-first reply suggestions.
 * Local, deterministic and explainable: every call comes with the evidence behind it.
 */
export * from './types';
export { triageInquiry, triageDetailed, signalsForRep, type TriageDetail } from './triage';
export { suggestReplies, greetingName, ANSWER_PLACEHOLDER } from './suggest';
export { measureAccuracy, formatAccuracy, InquiryCaseSchema, type InquiryCase, type AccuracyReport, type Score, type Miss } from './accuracy';
export { rankResources, matchPerson, indexFor, isIndexed, prepareIndex, type RankedResource, type ResourceQuery } from './rank';
export { stripQuoted, detectLanguage } from './text';
export { CONCEPTS, findConcepts, type Concept } from './concepts';
