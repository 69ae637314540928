/**
 * Keeps a content script's reading of its page fresh without costing the page: reads once on start (or once the
 * page is idle), then after navigation or DOM changes, debounced, and sends only when what it read changed.
 */

/** The parts of WXT's ContentScriptContext the watcher uses (so tests can pass a fake). */
export interface WatchContext {
  setTimeout(handler: () => void, timeout?: number): number;
  /** WXT's `ctx.requestIdleCallback` (cancelled with the context); without it, `firstRead: 'idle'` uses a timeout. */
  requestIdleCallback?(callback: () => void, options?: { timeout?: number }): number;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  onInvalidated(cb: () => void): () => void;
  readonly isValid: boolean;
}

/** What to read and where to send it. */
export interface WatchOptions<T> {
  /** Reads the page; must not throw (the readers never do). */
  read: () => T;
  /** Called with a new reading; never called twice in a row with equal readings. */
  send: (reading: T) => void;
  /** Quiet time after the last DOM change before reading, in ms. */
  debounceMs?: number;
  /** Longest a stream of DOM changes can delay a reading, in ms. */
  maxWaitMs?: number;
  /**
   * Quiet time before reading for DOM changes that follow a navigation (a thread switch), in ms: the rep is waiting
   * for the panel to show the new person, so the page is read as soon as a render settles.
   */
  navDebounceMs?: number;
  /** How long after a navigation its DOM changes count as part of it, in ms. */
  navWindowMs?: number;
  /** The subtree to observe (defaults to document.body). */
  root?: () => Node | null;
  /** Equality key for readings (defaults to JSON). */
  key?: (reading: T) => string;
  /**
   * When the first reading happens: `now` (default) inside `watchPage`, or `idle`, in a task of its own once the
   * page is idle (at most `firstReadMaxMs` later). A content script starts in the same task as its own
   * evaluation; on a page that has just loaded, evaluating the script and reading a long thread cold (no code
   * compiled yet) back to back made one task over 50 ms.
   */
  firstRead?: 'now' | 'idle';
  /** Longest the idle first reading waits, in ms (default 500). */
  firstReadMaxMs?: number;
}

/** Handle returned by `watchPage`. */
export interface PageWatcher {
  /** Reads now and sends even when unchanged (the panel asked for a fresh reading). */
  refresh(): void;
}

/** How recent a DOM change counts as "the page already changed" when a navigation arrives, in ms. */
const JUST_CHANGED_MS = 50;

/** Starts watching; everything stops when the context is invalidated (extension reloaded or updated). */
export function watchPage<T>(ctx: WatchContext, opts: WatchOptions<T>): PageWatcher {
  const debounceMs = opts.debounceMs ?? 60;
  const maxWaitMs = opts.maxWaitMs ?? 400;
  const navDebounceMs = opts.navDebounceMs ?? 8;
  const navWindowMs = opts.navWindowMs ?? 1500;
  let navigatedAt = -Infinity;
  let changedAt = -Infinity;
  const key = opts.key ?? ((r: T) => JSON.stringify(r));
  let lastKey: string | null = null;
  let timer: number | null = null;
  let firstPending = 0;

  const run = (force: boolean) => {
    timer = null;
    firstPending = 0;
    if (!ctx.isValid) return;
    const reading = opts.read();
    const k = key(reading);
    if (!force && k === lastKey) return;
    lastKey = k;
    opts.send(reading);
  };

  const schedule = (quietMs?: number) => {
    const now = performance.now();
    if (firstPending === 0) firstPending = now;
    if (timer !== null) clearTimeout(timer);
    // Under a constant stream of mutations (Gmail animates a lot), still read at least every maxWaitMs.
    const quiet = quietMs ?? (now - navigatedAt < navWindowMs ? navDebounceMs : debounceMs);
    const wait = now - firstPending >= maxWaitMs ? 0 : quiet;
    timer = ctx.setTimeout(() => run(false), wait);
  };

  // A navigation is not read at once when the page has not changed yet: the old thread is usually still there when
  // the URL changes, and the DOM changes that bring the new one in are read after a short quiet time (the normal
  // debounce is the fallback for a navigation that changes nothing). A page that swapped the new thread in first
  // and set the URL after (a view served from memory can) is read after the short quiet time at once.
  const navigated = () => {
    const now = performance.now();
    navigatedAt = now;
    schedule(now - changedAt < JUST_CHANGED_MS ? navDebounceMs : debounceMs);
  };

  const observer = new MutationObserver(() => {
    changedAt = performance.now();
    schedule();
  });
  const observe = () => {
    const root = opts.root?.() ?? document.body;
    if (root) observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['title', 'aria-label', 'data-message-id', 'data-legacy-message-id'] });
  };
  observe();
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  });
  // SPA navigations: WXT's locationchange covers pushState; hashchange is Gmail's own way of switching threads.
  ctx.addEventListener(window, 'wxt:locationchange', navigated);
  ctx.addEventListener(window, 'hashchange', navigated);
  ctx.addEventListener(window, 'popstate', navigated);
  // A tab brought back from the background may have been changed while hidden: read when it becomes visible.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') schedule();
  });
  if (opts.firstRead === 'idle') {
    const first = () => {
      // A change already scheduled a reading: that one comes soon enough.
      if (timer === null) run(false);
    };
    if (ctx.requestIdleCallback) ctx.requestIdleCallback(first, { timeout: opts.firstReadMaxMs ?? 500 });
    else ctx.setTimeout(first, 0);
  } else run(false);
  return { refresh: () => run(true) };
}
