import { createContext, useCallback, useContext, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Writes a message into the page's live region. */
type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/**
 * The page's one polite live region, mounted for the page's whole life. Screen readers announce text written into a
 * region that is already there; a `role="status"` element that mounts together with its text (and one that unmounts
 * with the control it belonged to) is often never read out.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback<Announce>((next) => {
    // Cleared first, so the same message twice in a row ("Saved.") is announced twice.
    setMessage('');
    requestAnimationFrame(() => setMessage(next));
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

/**
 * Focuses an element once React has committed the render an action started: the form that just opened, or a stable
 * place (the trigger, the section heading) when the control that had focus went away, which otherwise drops focus
 * to `<body>` and the keyboard user back to the top of the page.
 */
export function focusSoon(target: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => target()?.focus());
}

/** `onKeyDown` for an inline form or confirm step: Escape cancels it (and goes no further up). */
export function cancelOnEscape(cancel: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    cancel();
  };
}
