/**
 * Injected into the fixture pages (plain Chromium, no extension) to time the page readers: the same code the content
 * scripts run, bundled into one IIFE by the benchmark.
 */
import './jitless';
import { otherPartyOfThread } from '../../lib/contacts/identity';
import { readGmailThread } from '../../lib/gmail';
import { readLinkedInProfile } from '../../lib/linkedin';

/**
 * Median of per-call times (ms). Browser timers are coarse (100 µs steps outside cross-origin isolation), so each
 * sample times as many back-to-back calls as fill `minSampleMs`, calibrated up front.
 */
function timeIt(fn: () => unknown, samples: number, minSampleMs: number): { median: number; min: number; batch: number } {
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) fn();
    const took = performance.now() - t0;
    if (took >= minSampleMs || batch >= 1 << 20) break;
    batch = took <= 0.05 ? batch * 16 : Math.ceil((batch * minSampleMs * 1.2) / took);
  }
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) fn();
    out.push((performance.now() - t0) / batch);
  }
  const sorted = [...out].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, batch };
}

/** Elements in the page; what a full `querySelectorAll('*')` pass visits. */
function qsaPass(): number {
  return document.querySelectorAll('*').length;
}

function measure(read: () => unknown, samples: number, minSampleMs: number) {
  // The very first call: cold code, cold style/selector caches, as on a page load.
  const c0 = performance.now();
  const result = read();
  const cold = performance.now() - c0;
  for (let i = 0; i < 10; i++) read();
  for (let i = 0; i < 10; i++) qsaPass();
  const reader = timeIt(read, samples, minSampleMs);
  const qsa = timeIt(qsaPass, samples, minSampleMs);
  return { cold, reader: reader.median, readerMin: reader.min, readerBatch: reader.batch, qsa: qsa.median, qsaMin: qsa.min, qsaBatch: qsa.batch, elements: qsaPass(), result };
}

const api = {
  gmail(samples: number, minSampleMs: number) {
    const m = measure(() => readGmailThread(document), samples, minSampleMs);
    const thread = readGmailThread(document);
    const party = thread ? otherPartyOfThread(thread, []) : null;
    return { ...m, result: null, ok: !!thread, messages: thread?.messages.length ?? 0, subject: thread?.subject ?? null, party: party ? { name: party.name, email: party.email, company: party.company } : null };
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
