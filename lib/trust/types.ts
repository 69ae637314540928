/** The kinds of seller-centric language the trust check flags. */
export type TrustFindingKind = 'check_in' | 'false_urgency' | 'over_promise' | 'self_focus' | 'no_value' | 'pressure_close';

/** Every finding kind, in a stable order (UI legends, accuracy tables). */
export const TRUST_FINDING_KINDS: readonly TrustFindingKind[] = ['check_in', 'false_urgency', 'over_promise', 'self_focus', 'no_value', 'pressure_close'];

/** One flagged phrase in a draft. */
export interface TrustFinding {
  kind: TrustFindingKind;
  /** UTF-16 offset into the checked text; `text.slice(start, end)` is the flagged phrase. */
  start: number;
  end: number;
  /** Why it hurts trust, one sentence. */
  message: string;
  /** A better direction, one sentence. */
  hint: string;
}

/** The result of `checkDraft`. */
export interface TrustReport {
  /** 0..100, 100 = clean. */
  score: number;
  /** Sorted by `start`. */
  findings: TrustFinding[];
}
