/**
 * Regular expressions compiled ahead of their first use, a few at a time, while the page is idle.
 *
 * V8 compiles a pattern the first time it runs, once for Latin-1 subjects and once more for two-byte ones (any text
 * with a curly quote, a dash or an emoji). The playbook's case-insensitive Unicode patterns, with their `\p{L}` word
 * edges, take about a millisecond each: a fresh panel's first stall check compiled ~100 of them in one go, a long task
 * of 110–160 ms. Modules register their patterns with `warmable`, in a named group (what needs them); the panel calls
 * `warmSome` from idle callbacks, the groups it is waiting for first. Compiled code stays with the pattern object, so
 * code that uses a registered pattern runs that object, not a copy (`matchAll` and `new RegExp(re)` copy it).
 */

/** What a set of patterns is for: the panel waits for one group at a time. */
export type WarmGroup = 'playbook' | 'triage' | 'trust';

// Registration order within a group; groups in the order they were first registered.
const pending = new Map<WarmGroup, RegExp[]>();
const listeners = new Set<() => void>();

/** A Latin-1 subject and a two-byte one: V8 compiles a pattern once for each. */
const SUBJECTS = ['a', 'a\u2019'] as const;

/** Queues patterns of `group` to be compiled ahead of use; returns its argument, so a definition can be wrapped in place. */
export function warmable<T extends RegExp | readonly RegExp[]>(group: WarmGroup, patterns: T): T {
  const list: readonly RegExp[] = patterns instanceof RegExp ? [patterns] : (patterns as readonly RegExp[]);
  if (list.length === 0) return patterns;
  const queue = pending.get(group);
  if (queue) queue.push(...list);
  else pending.set(group, [...list]);
  notify();
  return patterns;
}

/** Compiles one pattern for both encodings; its `lastIndex` (state of a /g or /y pattern) is left as it was. */
function compile(re: RegExp): void {
  const last = re.lastIndex;
  try {
    for (const s of SUBJECTS) {
      re.lastIndex = 0;
      re.test(s);
    }
  } catch {
    // Nothing a test on one letter can raise is ours to handle here: the pattern's own use will meet it.
  } finally {
    re.lastIndex = last;
  }
}

/** The next pattern to compile: from the first of `first` that has any left, else from the oldest group. */
function next(first: readonly WarmGroup[]): { group: WarmGroup; queue: RegExp[] } | null {
  for (const group of first) {
    const queue = pending.get(group);
    if (queue) return { group, queue };
  }
  const oldest = pending.entries().next();
  return oldest.done ? null : { group: oldest.value[0], queue: oldest.value[1] };
}

/**
 * Compiles queued patterns while `more()` says there is time (asked before each one, so a caller's deadline is kept
 * to within one pattern, a few milliseconds at most), the groups in `first` before the others. Returns true when none
 * are left.
 */
export function warmSome(more: () => boolean, first: readonly WarmGroup[] = []): boolean {
  let emptied = false;
  for (let n = next(first); n && more(); n = next(first)) {
    compile(n.queue.shift()!);
    if (n.queue.length === 0) {
      pending.delete(n.group);
      emptied = true;
    }
  }
  if (emptied) notify();
  return pending.size === 0;
}

/** Patterns still waiting to be compiled, in `group` or in all. */
export function warmPending(group?: WarmGroup): number {
  if (group) return pending.get(group)?.length ?? 0;
  let n = 0;
  for (const queue of pending.values()) n += queue.length;
  return n;
}

/** Calls `listener` when a group is queued or compiled in full; returns an unsubscribe function. */
export function onWarmChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const l of [...listeners]) l();
}
