import { useState } from 'react';
import { addCommitment } from '@/lib/db/commitments';
import { getDb } from '@/lib/db/schema';
import { fullDate } from '@/lib/panel/format';
import type { Commitment, ExtractedPromise } from '@/lib/playbook/types';

/**
 * "You promised …: add it to the ledger?" — offered after a reply or a note contains a promise. Nothing is added
 * without the rep's click.
 */
export function PromiseOffers({ contactId, promises, source, onDone }: { contactId: string; promises: ExtractedPromise[]; source: Commitment['source']; onDone?: () => void }) {
  const [handled, setHandled] = useState<Set<number>>(new Set());
  const open = promises.map((p, i) => ({ p, i })).filter(({ i }) => !handled.has(i));
  if (open.length === 0) return null;
  const done = (i: number) => {
    const next = new Set(handled).add(i);
    setHandled(next);
    if (next.size === promises.length) onDone?.();
  };
  return (
    <div className="card promise-offers" data-testid="promise-offers" role="region" aria-label="Promises found">
      <p className="state-title">Add to the commitments ledger?</p>
      <ul className="link-list">
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
              <button
                type="button"
                className="btn btn-small btn-primary"
                onClick={() =>
                  void addCommitment(getDb(), { contactId, direction: p.direction, kind: p.kind, text: p.text, dueAt: p.dueAt, source }, Date.now()).then(() => done(i))
                }
              >
                Add
              </button>
              <button type="button" className="btn btn-small" onClick={() => done(i)}>
                Skip
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
