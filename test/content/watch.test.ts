// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPage, type WatchContext } from '../../lib/content/watch';

/** Every context a test made: invalidated after it, as WXT does when a script goes, so no watcher outlives its test. */
const made: { invalidate(): void; isValid: boolean }[] = [];

function fakeCtx() {
  const invalidators: (() => void)[] = [];
  const ctx: WatchContext & { invalidate(): void } = {
    isValid: true,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    addEventListener: (target, type, handler) => target.addEventListener(type, handler),
    onInvalidated: (cb) => {
      invalidators.push(cb);
      return () => undefined;
    },
    invalidate() {
      (this as { isValid: boolean }).isValid = false;
      invalidators.forEach((f) => f());
    },
  };
  made.push(ctx);
  return ctx;
}

const flushObservers = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  // Before the page is emptied: a live watcher would read it on a timer that can fire after jsdom is gone.
  for (const ctx of made.splice(0)) if (ctx.isValid) ctx.invalidate();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('watchPage', () => {
  it('reads on start, debounces DOM changes, and sends only changed readings', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const ctx = fakeCtx();
    const sent: string[] = [];
    const read = vi.fn(() => document.body.textContent ?? '');
    watchPage(ctx, { read, send: (r) => sent.push(r), debounceMs: 50, maxWaitMs: 1000 });
    expect(sent).toEqual(['']);

    document.body.append('a');
    await vi.advanceTimersByTimeAsync(0);
    document.body.append('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['']);
    await vi.advanceTimersByTimeAsync(60);
    // Two mutations, one read.
    expect(sent).toEqual(['', 'ab']);
    expect(read).toHaveBeenCalledTimes(2);

    // A change that does not change the reading is read but not sent.
    document.body.append(document.createComment('x'));
    await vi.advanceTimersByTimeAsync(60);
    expect(read).toHaveBeenCalledTimes(3);
    document.body.setAttribute('title', 't');
    await vi.advanceTimersByTimeAsync(60);
    expect(read).toHaveBeenCalledTimes(4);
    // An attribute nobody reads (class churn) does not even wake the reader.
    document.body.setAttribute('class', 'busy');
    await vi.advanceTimersByTimeAsync(60);
    expect(read).toHaveBeenCalledTimes(4);
    expect(sent).toEqual(['', 'ab']);
  });

  it('still reads during a constant stream of mutations (max wait)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const ctx = fakeCtx();
    const sent: string[] = [];
    watchPage(ctx, { read: () => String(document.body.childNodes.length), send: (r) => sent.push(r), debounceMs: 50, maxWaitMs: 200 });
    for (let i = 0; i < 20; i++) {
      document.body.append('x');
      await vi.advanceTimersByTimeAsync(20);
    }
    // 400 ms of mutations every 20 ms: a debounce alone would never fire; max wait makes it read at least once.
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[0]).toBe('0');
  });

  it('reads on hash change, refresh forces a send, and invalidation stops everything', async () => {
    const ctx = fakeCtx();
    const sent: string[] = [];
    let value = 'one';
    const w = watchPage(ctx, { read: () => value, send: (r) => sent.push(r), debounceMs: 1 });
    value = 'two';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual(['one', 'two']);
    w.refresh();
    expect(sent).toEqual(['one', 'two', 'two']);
    ctx.invalidate();
    value = 'three';
    document.body.append('z');
    await flushObservers();
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual(['one', 'two', 'two']);
  });

  it('reads the DOM changes that follow a navigation sooner, and only within the navigation window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const ctx = fakeCtx();
    const sent: string[] = [];
    const read = vi.fn(() => document.body.textContent ?? '');
    watchPage(ctx, { read, send: (r) => sent.push(r), debounceMs: 60, navDebounceMs: 8, navWindowMs: 500 });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    // The URL change alone is not read at once (the old thread is still on the page).
    await vi.advanceTimersByTimeAsync(20);
    expect(read).toHaveBeenCalledTimes(1);
    // The new thread arrives 40 ms after the URL changed: read 8 ms after it settles, not 60.
    await vi.advanceTimersByTimeAsync(20);
    document.body.append('thread two');
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(['', 'thread two']);
    // Outside the window, DOM changes wait for the normal debounce again.
    await vi.advanceTimersByTimeAsync(600);
    document.body.append('!');
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(['', 'thread two']);
    await vi.advanceTimersByTimeAsync(60);
    expect(sent).toEqual(['', 'thread two', 'thread two!']);
  });

  it('reads soon when the page swapped the new view in just before the URL changed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const ctx = fakeCtx();
    const sent: string[] = [];
    watchPage(ctx, { read: () => document.body.textContent ?? '', send: (r) => sent.push(r), debounceMs: 60, navDebounceMs: 8 });
    await vi.advanceTimersByTimeAsync(200);
    document.body.append('thread three');
    await vi.advanceTimersByTimeAsync(0);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(['', 'thread three']);
  });

  it("firstRead 'idle': nothing is read in the starting task; the first reading comes in an idle callback", async () => {
    const ctx = fakeCtx();
    const idle: Array<{ cb: () => void; timeout?: number }> = [];
    ctx.requestIdleCallback = (cb, options) => idle.push({ cb, timeout: options?.timeout }) && 1;
    const sent: string[] = [];
    const read = vi.fn(() => 'page');
    watchPage(ctx, { read, send: (r) => sent.push(r), firstRead: 'idle', firstReadMaxMs: 300 });
    expect(read).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    expect(idle[0]!.timeout).toBe(300);
    idle[0]!.cb();
    expect(sent).toEqual(['page']);
  });

  it("firstRead 'idle' without requestIdleCallback falls back to a timeout, and a pending change reading wins", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const ctx = fakeCtx();
    const sent: string[] = [];
    const read = vi.fn(() => document.body.textContent ?? '');
    watchPage(ctx, { read, send: (r) => sent.push(r), firstRead: 'idle', debounceMs: 50 });
    expect(read).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['']);
    // Started while the page was still changing: the change's debounced reading is the first one.
    const ctx2 = fakeCtx();
    const read2 = vi.fn(() => document.body.textContent ?? '');
    watchPage(ctx2, { read: read2, send: () => undefined, firstRead: 'idle', debounceMs: 50 });
    document.body.append('x');
    await vi.advanceTimersByTimeAsync(1);
    expect(read2).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    expect(read2).toHaveBeenCalledTimes(1);
  });
});
