/** Give / ask balance (seed 001): value given to a contact against what was asked of them. */

/** Interaction kinds that give the contact value. */
export const GIVE_KINDS: ReadonlySet<string> = new Set(['value_given']);
/** Interaction kinds that ask something of the contact. */
export const ASK_KINDS: ReadonlySet<string> = new Set(['ask', 'follow_up']);

/** Counts and a verdict for the small visual in the panel. */
export interface Balance {
  given: number;
  asked: number;
  /** given − asked: positive means the rep has given more than asked. */
  net: number;
  verdict: 'giver' | 'balanced' | 'asker' | 'none';
}

/** The balance over a contact's history entries. */
export function giveAskBalance(history: readonly { kind: string }[]): Balance {
  let given = 0;
  let asked = 0;
  for (const h of history) {
    if (GIVE_KINDS.has(h.kind)) given++;
    else if (ASK_KINDS.has(h.kind)) asked++;
  }
  const net = given - asked;
  const verdict = given + asked === 0 ? 'none' : net > 0 ? 'giver' : net < 0 ? 'asker' : 'balanced';
  return { given, asked, net, verdict };
}
