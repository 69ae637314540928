import { createContext, useCallback, useContext, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Writes a message into the page's live region. */
type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/** Between clearing the live region and writing the next message into it. */
const ANNOUNCE_GAP_MS = 80;

/**
 * The page's one polite live region, mounted for the page's whole life. Screen readers announce text written into a
 * region that is already there; a `role="status"` element that mounts together with its text (and one that unmounts
 * with the control it belonged to) is often never read out.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (pending.current !== null && clearTimeout(pending.current)), []);
  const announce = useCallback<Announce>((next) => {
    // Cleared first and written a moment later, so the same message twice in a row ("Saved.") is announced twice
    // (a screen reader needs the gap to see a change). A timer, not an animation frame: a page that is not shown
    // gets no frames, and the message would wait until it is.
    setMessage('');
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = null;
      setMessage(next);
    }, ANNOUNCE_GAP_MS);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

/** The page's `announce(message)`: for what an action did when its result is not where focus is. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

/** When `focusSoon` looks for its target: at once, then a few times more (the target may mount after a read). */
const FOCUS_TRIES_MS = [0, 16, 50, 100, 250, 500, 1000];

/** The latest `focusSoon` request: a newer action's wish replaces an older one still watching. */
let focusGeneration = 0;

/**
 * Focuses an element once React has committed the render an action started: the form that just opened, or a stable
 * place (the trigger, the section heading) when the control that had focus went away, which otherwise drops focus
 * to `<body>` and the keyboard user back to the top of the page. Timers, not animation frames: a page that is not
 * shown (a panel page in a background tab) gets no frames. It never takes focus from where it went meanwhile (the
 * rep tabbed on, an `autoFocus` field took it): only from the page itself or the control the action started from,
 * `from`, which a caller that awaits a write first must take before it (by then the rep may be in another field).
 */
export function focusSoon(target: () => HTMLElement | null | undefined, from: Element | null = document.activeElement): void {
  let tried = 0;
  let placed: HTMLElement | null = null;
  const generation = ++focusGeneration;
  const attempt = (): void => {
    if (generation !== focusGeneration) return;
    const el = target();
    const now = document.activeElement;
    // Placed and still there: keep watching. A live query can re-render a moment later and replace what was focused
    // (a section that shows its empty state), which drops focus to the page again: then it is placed again.
    if (!(el && now === el)) {
      const free = focusIsFree(from) || (placed !== null && (now === null || now === document.body || now === placed));
      if (!free) return; // the rep put focus somewhere else meanwhile
      if (el?.isConnected) {
        el.focus();
        if (document.activeElement === el) placed = el;
      }
    }
    const wait = FOCUS_TRIES_MS[++tried];
    if (wait !== undefined) setTimeout(attempt, wait - (FOCUS_TRIES_MS[tried - 1] ?? 0));
  };
  setTimeout(attempt, 0);
}

/** Whether focus is free to move for an action that started at `from`: still there, or dropped to the page. */
function focusIsFree(from: Element | null): boolean {
  const now = document.activeElement;
  return now === null || now === document.body || now === from || !now.isConnected;
}

/** `onKeyDown` for an inline form or confirm step: Escape cancels it (and goes no further up). */
export function cancelOnEscape(cancel: () => void) {
  return (e: KeyboardEvent) => {
    // An input method's Escape ends the composition, not the form.
    if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
    e.stopPropagation();
    cancel();
  };
}

/** Elements of a list by key, kept by ref callbacks: `ref(key)` on each, `get(key)` to move focus to one later. */
export function useElementMap<K, E extends HTMLElement = HTMLButtonElement>() {
  const els = useRef(new Map<K, E>());
  return {
    ref: (key: K) => (el: E | null) => {
      if (el) els.current.set(key, el);
      else els.current.delete(key);
    },
    get: (key: K): E | undefined => els.current.get(key),
  };
}

/**
 * The × buttons of a list of values, and where focus goes when one is pressed: the × that took its place (the next
 * one), else the one before, else `fallback`. Without this the removed button takes the focus with it, to the page.
 * `done` says what happened, for the live region.
 */
export function useRemoveButtons(fallback: () => HTMLElement | null | undefined, done: (value: string) => string) {
  const announce = useAnnounce();
  const buttons = useElementMap<string>();
  const remove = async (values: readonly string[], value: string, save: (rest: string[]) => Promise<unknown>) => {
    const i = values.indexOf(value);
    const next = values[i + 1] ?? values[i - 1];
    // Taken before the write: by the time it is done the rep may be typing in another field.
    const from = document.activeElement;
    await save(values.filter((x) => x !== value));
    announce(done(value));
    focusSoon(() => (next === undefined ? undefined : buttons.get(next)) ?? fallback(), from);
  };
  return { ref: buttons.ref, remove };
}
