import { useLiveQuery } from 'dexie-react-hooks';
import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import type { Interaction } from '@/lib/db/models';
import { onWarmChange, warmPending, warmSome, type WarmGroup } from '@/lib/warm';
import { historyOf } from '@/lib/db/history';
import { getDb } from '@/lib/db/schema';

/**
 * Performance helpers for the panel: what is not needed for the first screen (the person, their notes, the top of
 * their history) waits until that screen is painted. Everything still renders; only the order changes.
 */

// ---------------------------------------------------------------- "the contact is on screen"

/** The parts of a contact's first screen; heavier work waits until all of them have rendered their data. */
export type ContentPart = 'notes' | 'history';
const PARTS: readonly ContentPart[] = ['notes', 'history'];

// Which parts have shown their data, per contact id. Module-level (one panel per page): sections mark themselves,
// gated work subscribes. A few ids at most are ever kept (one per contact opened in this panel session).
const shown = new Map<string, Set<ContentPart>>();
const listeners = new Set<() => void>();

/** Records that `part` of `contactId`'s screen has rendered its data (idempotent). */
export function markShown(contactId: string, part: ContentPart): void {
  let parts = shown.get(contactId);
  if (!parts) shown.set(contactId, (parts = new Set()));
  if (parts.has(part)) return;
  parts.add(part);
  for (const l of [...listeners]) l();
}

function contentShown(contactId: string): boolean {
  const parts = shown.get(contactId);
  return !!parts && PARTS.every((p) => parts.has(p));
}

/** Marks `part` of the contact's screen as shown once `ready` (its data has been rendered). */
export function useMarkShown(contactId: string, part: ContentPart, ready: boolean): void {
  useEffect(() => {
    if (ready) markShown(contactId, part);
  }, [contactId, part, ready]);
}

/**
 * Runs `run` once the page is idle (at most `timeout` ms later), or after `fallbackMs` where there is no
 * `requestIdleCallback`; returns a cancel function.
 */
function whenIdle(run: (deadline?: IdleDeadline) => void, timeout: number, fallbackMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout });
    return () => cancelIdleCallback(id);
  }
  const t = setTimeout(run, fallbackMs);
  return () => clearTimeout(t);
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * True once the contact's notes and history are on screen and the page has then been idle (or 1 s passed). Work a rep
 * does not need in the first second (reading the thread for stall signs, the whole history for the balance, the
 * reply studio's triage) waits for it: run earlier, it lands between the database's answers and holds up the notes
 * and history themselves. `contactId` null: nothing to wait for (a person not saved yet), only the idle moment.
 * `key` (a thread) starts the wait over when it changes, so a switch paints the new person before the heavy work.
 */
export function useAfterContent(contactId: string | null, key = ''): boolean {
  const onScreen = useSyncExternalStore(subscribe, () => (contactId === null ? true : contentShown(contactId)));
  const [idleFor, setIdleFor] = useState<string | null>(null);
  const want = `${contactId ?? ''}|${key}`;
  useEffect(() => {
    if (!onScreen || idleFor === want) return undefined;
    return whenIdle(() => startTransition(() => setIdleFor(want)), 1000, 50);
  }, [onScreen, idleFor, want]);
  return onScreen && idleFor === want;
}

/**
 * Every history entry of a contact (for the give/ask balance and the follow-up planner), once the notes and history
 * are on screen, live. History is stored in buckets of 250 entries, so even a busy contact's whole history is a few
 * records for Dexie's live query to watch.
 */
export function useContactHistory(contactId: string): Interaction[] | undefined {
  const ready = useAfterContent(contactId);
  const loaded = useLiveQuery(async () => (ready ? { contactId, rows: await historyOf(getDb(), contactId) } : null), [contactId, ready]);
  return loaded?.contactId === contactId ? loaded.rows : undefined;
}

// ---------------------------------------------------------------- text patterns compiled ahead of use

/**
 * Longest stretch of pattern compiling per idle callback, in ms (one pattern can run over it by a few ms): about a
 * frame, so a click waits at most that long. Chromium grants one callback per idle period (up to 50 ms when nothing
 * else happens): with 6 ms slices the stall signs of a fresh panel showed 2 s after it opened.
 */
const WARM_SLICE_MS = 16;
let warming = false;

/**
 * Which patterns are compiled first: the reply studio's (triage, and the trust check its suggestions pass), then the
 * stall check's. A group a lazily loaded module queues later still goes ahead of the ones after it.
 */
const WARM_ORDER: readonly WarmGroup[] = ['triage', 'trust', 'playbook'];

/** Compiles the queued text patterns (see `lib/warm`) in idle slices until none are left; one run at a time. */
function startWarming(): void {
  if (warming) return;
  warming = true;
  const step = (deadline?: IdleDeadline) => {
    const start = performance.now();
    const more = () => performance.now() - start < WARM_SLICE_MS && (!deadline || deadline.didTimeout || deadline.timeRemaining() > 1);
    let done = true;
    try {
      done = warmSome(more, WARM_ORDER);
    } finally {
      // Never left "running" by a step that threw: the next change or hook starts a new run.
      if (done) warming = false;
      else whenIdle(step, 200, 0);
    }
  };
  whenIdle(step, 200, 0);
}

/**
 * True once the text patterns of `groups` are compiled (see `lib/warm`; a lazily loaded module queues more, and they
 * are compiled in turn). `start`: begin now (the first screen is up). Work that runs dozens of patterns at once (the
 * stall check, the triage) waits for this: compiled on first use, they made long tasks of 50–160 ms in a fresh panel.
 */
export function usePatternsReady(start: boolean, groups: readonly WarmGroup[]): boolean {
  const ready = useSyncExternalStore(onWarmChange, () => groups.every((g) => warmPending(g) === 0));
  useEffect(() => {
    if (!start) return undefined;
    // Everything queued is compiled, not only `groups` (the rep may edit a draft or add a note next), including what a
    // chunk loaded later queues.
    const kick = () => {
      if (warmPending() > 0) startWarming();
    };
    kick();
    return onWarmChange(kick);
  }, [start]);
  return ready;
}
