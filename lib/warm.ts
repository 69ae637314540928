/**
 * Regular expressions compiled ahead of their first use, a few at a time, while the page is idle.
 *
 * V8 compiles a pattern the first time it runs, once for Latin-1 subjects and once more for two-byte ones (any text
 * with a curly quote or a dash). The playbook's case-insensitive Unicode patterns, with their `\p{L}` word edges,
 * take about a millisecond each: a panel's first stall check compiled ~100 of them in one go, a long task of
 * 110–160 ms. Modules register their patterns with `warmable`; the panel calls `warmSome` from idle callbacks.
 * Compiled code is kept per pattern (and shared by same-source patterns through V8's compilation cache).
 */

const pending: RegExp[] = [];
const listeners = new Set<() => void>();

/** A Latin-1 subject and a two-byte one: V8 compiles a pattern once for each. */
const SUBJECTS = ['a', 'a\u2019'] as const;

/** Queues patterns to be compiled ahead of use; returns its argument, so a definition can be wrapped in place. */
export function warmable<T extends RegExp | readonly RegExp[]>(patterns: T): T {
  const list: readonly RegExp[] = patterns instanceof RegExp ? [patterns] : (patterns as readonly RegExp[]);
  const before = pending.length;
  pending.push(...list);
  if (before === 0 && pending.length > 0) notify();
  return patterns;
}

/** Compiles one pattern for both encodings; its `lastIndex` (state of a /g or /y pattern) is left as it was. */
function compile(re: RegExp): void {
  const last = re.lastIndex;
  for (const s of SUBJECTS) {
    re.lastIndex = 0;
    re.test(s);
  }
  re.lastIndex = last;
}

/**
 * Compiles queued patterns while `more()` says there is time (asked before each one, so a caller's deadline is kept
 * to within one pattern, about a millisecond). Returns true when none are left.
 */
export function warmSome(more: () => boolean): boolean {
  const had = pending.length > 0;
  while (pending.length > 0 && more()) compile(pending.shift()!);
  if (had && pending.length === 0) notify();
  return pending.length === 0;
}

/** Patterns still waiting to be compiled. */
export function warmPending(): number {
  return pending.length;
}

/** Calls `listener` when the queue empties or fills again; returns an unsubscribe function. */
export function onWarmChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const l of [...listeners]) l();
}
