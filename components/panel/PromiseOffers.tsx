import { useRef, useState } from 'react';
import { addCommitment } from '@/lib/db/commitments';
import { getDb } from '@/lib/db/schema';
import { fullDate } from '@/lib/panel/format';
import type { Commitment, ExtractedPromise } from '@/lib/playbook/types';
import { focusSoon, useAnnounce, useElementMap } from '../a11y';
import { ErrorText, sectionHeadingOf } from './ui';

/**
 * "You promised …: add it to the ledger?" — offered after a reply or a note contains a promise. Nothing is added
 * without the rep's click.
 */
export function PromiseOffers({ contactId, promises, source, onDone }: { contactId: string; promises: ExtractedPromise[]; source: Commitment['source']; onDone?: () => void }) {
  const [handled, setHandled] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = useRef<HTMLUListElement>(null);
  // Each open offer's first button, by offer index, for moving focus along the list when one is handled.
  const firsts = useElementMap<number>();
  const announce = useAnnounce();
  const open = promises.map((p, i) => ({ p, i })).filter(({ i }) => !handled.has(i));
  if (open.length === 0) return null;
  const done = (i: number, from: Element | null = document.activeElement) => {
    // The offer's buttons go with it: focus moves to the next offer, else the previous one, else (the last one
    // handled, and the card gone) to the heading of the section the card was in. Read before the row goes.
    const at = open.findIndex((o) => o.i === i);
    const neighbour = [open[at + 1], open[at - 1]].map((o) => (o ? firsts.get(o.i) : undefined)).find(Boolean);
    const heading = sectionHeadingOf(list.current);
    const next = new Set(handled).add(i);
    setHandled(next);
    if (next.size === promises.length) onDone?.();
    focusSoon(() => (neighbour?.isConnected ? neighbour : heading?.isConnected ? heading : null), from);
  };
  const add = async (p: ExtractedPromise, i: number) => {
    if (busy !== null) return;
    setBusy(i);
    setError(null);
    const from = document.activeElement;
    try {
      await addCommitment(getDb(), { contactId, direction: p.direction, kind: p.kind, text: p.text, dueAt: p.dueAt, source }, Date.now());
      announce('Added to the commitments ledger.');
      done(i, from);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="card promise-offers" data-testid="promise-offers" role="region" aria-label="Promises found">
      <p className="state-title">Add to the commitments ledger?</p>
      <ul className="link-list" ref={list}>
        {open.map(({ p, i }) => (
          <li key={i} className="link-row" data-testid="promise-offer">
            <div>
              <strong>{p.direction === 'mine' ? 'You' : 'They'}:</strong> {p.text}
              {p.dueAt !== null && (
                <div className="muted small" data-testid="promise-due" data-due={new Date(p.dueAt).toISOString()}>
                  due {fullDate(p.dueAt)}
                  {p.dueText ? ` (“${p.dueText}”)` : ''}
                </div>
              )}
            </div>
            <span className="row">
              {/* aria-disabled while adding, not disabled: a disabled button drops its focus to <body>. */}
              <button
                ref={firsts.ref(i)}
                type="button"
                className="btn btn-small btn-primary"
                aria-disabled={busy === i || undefined}
                onClick={() => void add(p, i)}
              >
                Add
              </button>
              <button type="button" className="btn btn-small" onClick={() => busy !== i && done(i)}>
                Skip
              </button>
            </span>
          </li>
        ))}
      </ul>
      <ErrorText error={error} />
    </div>
  );
}
