import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { openUrl } from '@/lib/browser/tabs';
import { isPersonalDomain } from '@/lib/contacts/identity';
import { getSettings, saveSettings } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/schema';
import { getUnanswered } from '@/lib/db/threads';
import { ageLabel } from '@/lib/queue/threads';
import { Section } from './ui';

/** Inquiries waiting for an answer, oldest first, with an age clock; one click opens the thread in Gmail. */
export function UnansweredSection({ now }: { now: number }) {
  const data = useLiveQuery(async () => {
    const settings = await getSettings(getDb());
    return { rows: await getUnanswered(getDb(), settings.muted), muted: settings.muted };
  }, []);
  // The last mute, for one click of undo: muting a whole domain by mistake hides a real prospect without a trace.
  const [lastMuted, setLastMuted] = useState<string | null>(null);
  if (!data) return null;
  const mute = (entry: string) => {
    setLastMuted(entry);
    void saveSettings(getDb(), { muted: [...new Set([...data.muted, entry])] });
  };
  const undo = (entry: string) => {
    setLastMuted(null);
    void saveSettings(getDb(), { muted: data.muted.filter((m) => m !== entry) });
  };
  return (
    // Every thread whose newest message is theirs, whatever it is about: "inquiries" undercounted a pilot's question.
    <Section title={`Waiting for your reply (${data.rows.length})`} testId="unanswered">
      {/* Always in the page, so screen readers announce the notice when it fills (a live region that appears with
          its text already in it often goes unannounced). */}
      <div role="status" className="muted-status">
        {lastMuted && data.muted.includes(lastMuted) && (
          <p className="small row" data-testid="muted-notice">
            <span>Muted {lastMuted.startsWith('@') ? `everyone at ${lastMuted.slice(1)}` : lastMuted}.</span>
            <button type="button" className="btn btn-small" onClick={() => undo(lastMuted)} data-testid="undo-mute">
              Undo
            </button>
          </p>
        )}
      </div>
      {data.rows.length === 0 ? (
        <p className="muted" data-testid="unanswered-empty">
          Nobody is waiting for you. Every thread you open in Gmail is checked.
          {data.muted.length > 0 && ` (${data.muted.length} muted: see Settings.)`}
        </p>
      ) : (
        <ul className="queue">
          {data.rows.map((r) => (
            <li key={r.threadId} className="queue-row" data-testid="unanswered-row" data-thread-id={r.threadId}>
              <button type="button" className="queue-main" onClick={() => void openUrl(r.url)} title="Open the thread in Gmail">
                <span className="queue-age" data-testid="age">
                  {ageLabel(r.lastInboundAt, now)}
                </span>
                <span className="queue-text">
                  <strong>{r.fromName || r.fromEmail}</strong>
                  <span className="muted small">{r.subject}</span>
                </span>
              </button>
              <span className="row">
                <button type="button" className="btn btn-small" onClick={() => mute(r.fromEmail)} aria-label={`Mute ${r.fromEmail}`}>
                  Mute sender
                </button>
                {/* Not for free mail: muting gmail.com would hide every present and future inquiry from it. */}
                {r.fromEmail.includes('@') && !isPersonalDomain(r.fromEmail.split('@')[1]!) && (
                  <button type="button" className="btn btn-small" onClick={() => mute(`@${r.fromEmail.split('@')[1]}`)} aria-label={`Mute everyone at ${r.fromEmail.split('@')[1]}`}>
                    Mute domain
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
