/**
 * The trust check: a local, explainable, deterministic review of a draft email that flags seller-centric
 * language (content-free check-ins, seller deadlines, over-promises, self-focus, empty asks, pushed closes).
 */
export type { TrustFinding, TrustFindingKind, TrustReport } from './types';
export { TRUST_FINDING_KINDS } from './types';
export { checkDraft } from './check';
export { KIND_WEIGHTS as TRUST_KIND_WEIGHTS } from './rules';
export { MAX_SCAN_CHARS as TRUST_MAX_SCAN_CHARS } from './prepare';
export {
  trustCorpusAccuracy,
  reportKinds,
  TrustCorpusDraftSchema,
  TrustCorpusSchema,
  type TrustAccuracy,
  type TrustCorpusDraft,
  type TrustMismatch,
  type KindCounts,
} from './accuracy';
