import type { TimelineItem } from '@/lib/db/contacts';
import type { InteractionKind, Note } from '@/lib/db/models';
import { fullDate, relativeTime } from '@/lib/panel/format';
import { HISTORY_KIND_LABEL } from './HistorySection';
import { Section } from './ui';

/** How many of the newest history entries the summary repeats above the reply studio. */
const RECENT = 3;
/** History kinds that record what the rep did in Resourceful rather than what happened with the person. */
const QUIET_KINDS: ReadonlySet<InteractionKind> = new Set(['contact_saved', 'profile_linked', 'profile_unlinked', 'restore_conflict']);

/**
 * What the rep already knows, above the reply studio ("the panel shows the history before you write"): pinned notes
 * and the newest few history entries, one line each, with links down to the full Notes and History sections. Shows
 * the contact view's reads, which those sections show too.
 */
export function KnownSummary({ notes, items, now }: { notes: Note[] | undefined; items: TimelineItem[] | undefined; now: number }) {
  if (notes === undefined || items === undefined) return null;
  const pinned = notes.filter((n) => n.pinned).slice(0, RECENT);
  const pinnedIds = new Set(pinned.map((n) => n.id));
  // What happened with them, not bookkeeping: saving the contact is no news, and a pinned note is already above.
  const recent = items
    .filter((item) => (item.type === 'note' ? !pinnedIds.has(item.note.id) : !QUIET_KINDS.has(item.interaction.kind)))
    .slice(0, RECENT);
  if (pinned.length === 0 && recent.length === 0) return null;
  return (
    <Section title="What you know" testId="known">
      {pinned.length > 0 && (
        <ul className="known-list">
          {pinned.map((n) => (
            <li key={n.id} className="known-row known-pinned" data-testid="known-pinned">
              <strong>Pinned</strong> <span className="known-text">{n.text}</span>
            </li>
          ))}
        </ul>
      )}
      {recent.length > 0 && (
        <ol className="known-list">
          {recent.map((item) => {
            const key = item.type === 'note' ? `n:${item.note.id}` : item.interaction.id;
            const label = item.type === 'note' ? 'Note' : HISTORY_KIND_LABEL[item.interaction.kind].label;
            const text = item.type === 'note' ? item.note.text : item.interaction.subject || item.interaction.snippet || '';
            return (
              <li key={key} className="known-row" data-testid="known-item">
                <strong>{label}</strong>{' '}
                <time className="muted small" dateTime={new Date(item.at).toISOString()} title={fullDate(item.at)}>
                  {relativeTime(item.at, now)}
                </time>
                {text && <span className="known-text"> · {text}</span>}
              </li>
            );
          })}
        </ol>
      )}
      <p className="small">
        <a href="#notes">All notes</a> · <a href="#history">All history</a>
      </p>
    </Section>
  );
}
