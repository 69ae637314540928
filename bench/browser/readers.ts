/**
 * Injected into the fixture pages (plain Chromium, no extension) to time the page readers: the same code the content
 * scripts run, bundled into one IIFE by the benchmark.
 */
import './jitless';
import { otherPartyOfThread } from '../../lib/contacts/identity';
import { readGmailThread } from '../../lib/gmail';
import { readLinkedInProfile } from '../../lib/linkedin';
import { ATTR, BODY, DATE, MAIN, MESSAGE_ID, QUOTE_CLASSES, SENDER } from '../../lib/gmail/selectors';

/** How many back-to-back calls of `fn` fill `minSampleMs` (browser timers are 100 µs coarse outside isolation). */
function calibrate(fn: () => unknown, minSampleMs: number): number {
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) fn();
    const took = performance.now() - t0;
    if (took >= minSampleMs || batch >= 1 << 20) return batch;
    batch = took <= 0.05 ? batch * 16 : Math.ceil((batch * minSampleMs * 1.2) / took);
  }
}

/** Per-call time (ms) of one sample: `batch` back-to-back calls. */
function sample(fn: () => unknown, batch: number): number {
  const t0 = performance.now();
  for (let k = 0; k < batch; k++) fn();
  return (performance.now() - t0) / batch;
}

/** Time spent calling the reader before sampling it (on this machine V8 settles within 300 ms of calls). */
const WARM_UP_MS = 600;

const medianOf = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Elements in the page; what a full `querySelectorAll('*')` pass visits. */
function qsaPass(): number {
  return document.querySelectorAll('*').length;
}

/**
 * The reader's and a `querySelectorAll('*')` pass's median per-call times, sampled in turn (reader, pass, reader,
 * …): on a shared machine a busy spell then lands on both sides of the ratio instead of on one.
 */
function measure(read: () => unknown, samples: number, minSampleMs: number) {
  // The very first call: cold code, cold style/selector caches, as on a page load.
  const c0 = performance.now();
  const result = read();
  const cold = performance.now() - c0;
  // Warm up until V8 has finished optimizing the reader: without this the first thousand or so calls (most of a
  // quick run's samples) run in its baseline tiers, at up to twice the settled time, and the row measured the tier-up
  // rather than "the median of many runs". The first call above is the cold figure.
  const warmUntil = performance.now() + WARM_UP_MS;
  while (performance.now() < warmUntil) {
    for (let i = 0; i < 10; i++) read();
    qsaPass();
  }
  const readerBatch = calibrate(read, minSampleMs);
  const qsaBatch = calibrate(qsaPass, minSampleMs);
  const r: number[] = [];
  const q: number[] = [];
  const ratios: number[] = [];
  for (let s = 0; s < samples; s++) {
    r.push(sample(read, readerBatch));
    q.push(sample(qsaPass, qsaBatch));
    ratios.push(r[s]! / q[s]!);
  }
  return {
    cold,
    reader: medianOf(r),
    readerMin: Math.min(...r),
    readerBatch,
    qsa: medianOf(q),
    qsaMin: Math.min(...q),
    qsaBatch,
    /** Median of the per-pair ratios (each pair sampled back to back). */
    pairRatio: medianOf(ratios),
    elements: qsaPass(),
    result,
  };
}

/**
 * The least any reader of the thread has to do on this page: each message's sender address, date tooltip and raw
 * body text, through the first (current Gmail) selector of each list, with no fallbacks, no quote or whitespace
 * handling, no recipients, names or checks. `collapse` adds one whitespace collapse per body, the least cleaning the
 * text needs before it can be stored or matched. `walk` reads the body with the plainest DOM walk that keeps its
 * lines (a line break at each block element, as the reader must: `textContent` runs "Hi Alex," and the next line
 * together), which skips the quoted history Gmail hides (an element whose class is one of Gmail's own quote
 * classes) and nothing else: no whitespace, client-quote or hidden-part handling. A yardstick for the reader ÷ querySelectorAll
 * budget, not a reader.
 */
function gmailFloor(body: 'raw' | 'collapse' | 'walk'): number {
  const main = document.querySelector(MAIN[0]!.selector);
  if (!main) return 0;
  let chars = 0;
  for (const message of main.querySelectorAll(MESSAGE_ID[1]!.selector)) {
    const sender = message.querySelector(SENDER[0]!.selector)?.getAttribute(ATTR.email) ?? '';
    const date = message.querySelector(DATE[0]!.selector)?.getAttribute(ATTR.dateTooltip) ?? '';
    const el = message.querySelector(BODY[0]!.selector);
    let text = '';
    if (el && body === 'walk') text = linesOf(el);
    else if (el) {
      const raw = el.textContent ?? '';
      text = body === 'collapse' ? raw.replace(/\s+/g, ' ') : raw;
    }
    chars += sender.length + date.length + text.length;
  }
  return chars;
}

/** Block elements that start a line (a small fixed set: the yardstick asks the DOM nothing else). */
const FLOOR_BLOCKS = new Set(['div', 'p', 'br', 'li', 'tr', 'blockquote']);
/** Gmail's own quote classes, compared whole (received mail's prefixed ones are the reader's business). */
const FLOOR_QUOTES = new Set(QUOTE_CLASSES);

/** The text of `root` with a line break at each block element, Gmail's hidden quote skipped: firstChild/nextSibling, one stack. */
function linesOf(root: Element): string {
  let out = '';
  const stack: Node[] = [];
  let node: Node | null = root.firstChild;
  while (node) {
    const tag = (node as Element).localName;
    if (typeof tag !== 'string') {
      if (node.nodeType === 3) out += (node as Text).data;
    } else {
      if (FLOOR_BLOCKS.has(tag)) out += '\n';
      const skip = (node as Element).hasAttributes() && FLOOR_QUOTES.has((node as Element).className);
      const child = skip ? null : node.firstChild;
      if (child) {
        stack.push(node);
        node = child;
        continue;
      }
    }
    let next: Node | null = node.nextSibling;
    while (!next) {
      const up = stack.pop();
      if (up === undefined) break;
      next = up.nextSibling;
    }
    node = next;
  }
  return out;
}

const api = {
  gmail(samples: number, minSampleMs: number) {
    const m = measure(() => readGmailThread(document), samples, minSampleMs);
    const thread = readGmailThread(document);
    const party = thread ? otherPartyOfThread(thread, []) : null;
    return { ...m, result: null, ok: !!thread, messages: thread?.messages.length ?? 0, subject: thread?.subject ?? null, party: party ? { name: party.name, email: party.email, company: party.company } : null };
  },
  /** `gmailFloor` timed like the reader: the per-pair ratios to a `querySelectorAll('*')` pass. */
  gmailFloor(samples: number, minSampleMs: number) {
    const raw = measure(() => gmailFloor('raw'), samples, minSampleMs);
    const collapsed = measure(() => gmailFloor('collapse'), samples, minSampleMs);
    const walked = measure(() => gmailFloor('walk'), samples, minSampleMs);
    return { raw: raw.pairRatio, collapsed: collapsed.pairRatio, walked: walked.pairRatio, chars: collapsed.result, qsa: raw.qsa };
  },
  linkedin(samples: number, minSampleMs: number) {
    const m = measure(() => readLinkedInProfile(document, location.href), samples, minSampleMs);
    const profile = readLinkedInProfile(document, location.href);
    return { ...m, result: null, ok: !!profile, name: profile?.name ?? null, layout: profile?.layout ?? null };
  },
  /** The other party of the thread on the page (to plant saved contacts for the fixture threads). */
  party() {
    const thread = readGmailThread(document);
    const party = thread ? otherPartyOfThread(thread, []) : null;
    return party ? { name: party.name, email: party.email, company: party.company, subject: thread!.subject } : null;
  },
};

(globalThis as unknown as { __benchReaders: typeof api }).__benchReaders = api;
