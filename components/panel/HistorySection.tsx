import { memo, useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getTimeline, type TimelineItem } from '@/lib/db/contacts';
import type { InteractionKind } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import { openUrl } from '@/lib/browser/tabs';
import { fullDate, relativeTime } from '@/lib/panel/format';
import { HISTORY_PAGE } from '@/lib/panel/queries';
import { useMarkShown } from './lazy';
import { Section } from './ui';

/** Icon and words for each kind of history entry. */
export const HISTORY_KIND_LABEL: Record<InteractionKind, { icon: string; label: string }> = {
  email_in: { icon: '↘', label: 'They wrote' },
  email_out: { icon: '↗', label: 'You wrote' },
  profile_visit: { icon: '◉', label: 'Viewed LinkedIn profile' },
  contact_saved: { icon: '+', label: 'Saved as a contact' },
  profile_linked: { icon: '⇄', label: 'Linked LinkedIn profile' },
  profile_unlinked: { icon: '⇹', label: 'Unlinked LinkedIn profile' },
  value_given: { icon: '♥', label: 'You helped' },
  ask: { icon: '?', label: 'You asked' },
  follow_up: { icon: '↻', label: 'You followed up' },
  stage_changed: { icon: '→', label: 'Stage changed' },
  commitment: { icon: '✓', label: 'Commitment' },
  referral: { icon: '★', label: 'Referral' },
  restore_conflict: { icon: '⟲', label: 'Older version kept from a restore' },
};

/** The contact's history, newest first: mail in and out, profile visits, notes. */
export function HistorySection({ contactId, now, firstPage }: { contactId: string; now: number; firstPage: TimelineItem[] | undefined }) {
  const [limit, setLimit] = useState(HISTORY_PAGE);
  // The first page is the contact view's read (shared with "What you know"); older pages are read here, on demand.
  const more = useLiveQuery(async () => (limit > HISTORY_PAGE ? getTimeline(getDb(), contactId, limit + 1) : undefined), [contactId, limit]);
  const items = limit > HISTORY_PAGE ? (more ?? firstPage) : firstPage;
  useMarkShown(contactId, 'history', items !== undefined);
  // "Show older" goes away with the last page while it has focus: the first entry it showed takes focus instead.
  const list = useRef<HTMLOListElement>(null);
  const revealedFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = revealedFrom.current;
    const row = from === null ? null : list.current?.children[from];
    if (!(row instanceof HTMLElement)) return;
    revealedFrom.current = null;
    if (document.activeElement === document.body) row.focus();
  }, [items, limit]);
  return (
    <Section title="History" testId="history" anchor="history">
      {items === undefined ? null : items.length === 0 ? (
        <p className="muted">Nothing yet. History fills in as you read their mail and visit their profile.</p>
      ) : (
        <>
          <ol ref={list} className="timeline">
            {items.slice(0, limit).map((item) => (
              <TimelineRow key={item.type === 'note' ? `n:${item.note.id}` : item.interaction.id} item={item} now={now} />
            ))}
          </ol>
          {items.length > limit && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                revealedFrom.current = limit;
                setLimit(limit + 50);
              }}
            >
              Show older
            </button>
          )}
        </>
      )}
    </Section>
  );
}

// Memoised: "Show older" and live updates re-render the list, not the rows already shown.
const TimelineRow = memo(function TimelineRow({ item, now }: { item: TimelineItem; now: number }) {
  const when = (
    <time dateTime={new Date(item.at).toISOString()} title={fullDate(item.at)}>
      {relativeTime(item.at, now)}
    </time>
  );
  if (item.type === 'note') {
    return (
      <li className="tl tl-note" data-testid="history-item" data-kind="note" tabIndex={-1}>
        <span className="tl-icon" aria-hidden="true">✎</span>
        <div className="tl-body">
          <div className="tl-head">
            <strong>Note</strong> {when}
          </div>
          <p className="tl-snippet">{item.note.text}</p>
        </div>
      </li>
    );
  }
  const i = item.interaction;
  const k = HISTORY_KIND_LABEL[i.kind];
  const isMail = i.kind === 'email_in' || i.kind === 'email_out';
  return (
    // Focusable by script: where "Show older" leaves focus when it goes away.
    <li className={`tl tl-${i.kind}`} data-testid="history-item" data-kind={i.kind} tabIndex={-1}>
      <span className="tl-icon" aria-hidden="true">{k.icon}</span>
      <div className="tl-body">
        <div className="tl-head">
          <strong>{k.label}</strong> {when}
        </div>
        {i.subject && (isMail && i.url ? (
          <button type="button" className="link tl-subject" onClick={() => void openUrl(i.url!)} title="Open in Gmail">
            {i.subject}
          </button>
        ) : (
          <p className="tl-subject">{i.subject}</p>
        ))}
        {i.snippet && <p className="tl-snippet">{i.snippet}</p>}
      </div>
    </li>
  );
});
