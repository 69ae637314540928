import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { openUrl } from '@/lib/browser/tabs';
import { isPersonalDomain } from '@/lib/contacts/identity';
import { getSettings, saveSettings } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/schema';
import { getUnanswered } from '@/lib/db/threads';
import { ageLabel } from '@/lib/queue/threads';
import { useAnnounce } from '../a11y';
import { focusSectionHeading, Section } from './ui';

/** A mute: a sender's address or `@domain`, and the queue row whose button muted it. */
interface Mute {
  entry: string;
  threadId: string;
}

/** Where focus goes once the queue shows what a mute or an undo did (the settings are read again after the write). */
type PendingFocus = { to: 'undo' } | ({ to: 'mute' } & Mute);

const mutedText = (entry: string) => (entry.startsWith('@') ? `everyone at ${entry.slice(1)}` : entry);
const muteKind = (entry: string) => (entry.startsWith('@') ? 'domain' : 'sender');

/** Inquiries waiting for an answer, oldest first, with an age clock; one click opens the thread in Gmail. */
export function UnansweredSection({ now }: { now: number }) {
  const data = useLiveQuery(async () => {
    const settings = await getSettings(getDb());
    return { rows: await getUnanswered(getDb(), settings.muted), muted: settings.muted };
  }, []);
  // The last mute, for one click of undo: muting a whole domain by mistake hides a real prospect without a trace.
  const [lastMuted, setLastMuted] = useState<Mute | null>(null);
  const pending = useRef<PendingFocus | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const notice = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const announce = useAnnounce();
  // A mute hides the row whose button had focus, and an undo the notice whose Undo had it: focus moves in the render
  // that shows the change, to Undo after a mute, and back to the row's mute button (else the heading) after an undo.
  useEffect(() => {
    const p = pending.current;
    if (!p || !data) return;
    if (p.to === 'undo') {
      if (!undoButton.current) return;
      pending.current = null;
      undoButton.current.focus();
      return;
    }
    if (data.muted.includes(p.entry)) return;
    pending.current = null;
    const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-thread-id]') ?? [])].find((el) => el.dataset.threadId === p.threadId);
    const button = row?.querySelector<HTMLElement>(`[data-mute=${muteKind(p.entry)}]`);
    if (button) button.focus();
    else focusSectionHeading(notice.current);
  });
  if (!data) return null;
  const mute = (m: Mute) => {
    pending.current = { to: 'undo' };
    setLastMuted(m);
    saveSettings(getDb(), { muted: [...new Set([...data.muted, m.entry])] }).then(
      () => announce(`Muted ${mutedText(m.entry)}.`),
      () => {
        pending.current = null;
      },
    );
  };
  const undo = (m: Mute) => {
    pending.current = { to: 'mute', ...m };
    // The notice (with the Undo that has focus) goes when the queue shows the row again: focus moves then.
    void saveSettings(getDb(), { muted: data.muted.filter((e) => e !== m.entry) }).then(
      () => {
        setLastMuted(null);
        announce(`Unmuted ${mutedText(m.entry)}.`);
      },
      () => {
        // Still muted: the notice and its Undo stay, and focus with them.
        pending.current = null;
        announce(`Could not unmute ${mutedText(m.entry)}. Try again.`);
      },
    );
  };
  return (
    // Every thread whose newest message is theirs, whatever it is about: "inquiries" undercounted a pilot's question.
    <Section title={`Waiting for your reply (${data.rows.length})`} testId="unanswered">
      {/* No live region: the mute is announced when it is saved; a region here also read the Undo button out. */}
      <div className="muted-status" ref={notice}>
        {lastMuted && data.muted.includes(lastMuted.entry) && (
          <p className="small row" data-testid="muted-notice">
            <span>Muted {mutedText(lastMuted.entry)}.</span>
            <button ref={undoButton} type="button" className="btn btn-small" onClick={() => undo(lastMuted)} data-testid="undo-mute">
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
        <ul className="queue" ref={list}>
          {data.rows.map((r) => {
            const domain = r.fromEmail.split('@')[1] || null;
            return (
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
                  {/* Names start with the words on the button, so "Mute sender" said to voice control finds it. */}
                  <button type="button" className="btn btn-small" onClick={() => mute({ entry: r.fromEmail, threadId: r.threadId })} aria-label={`Mute sender ${r.fromEmail}`} data-mute="sender">
                    Mute sender
                  </button>
                  {/* Not for free mail: muting gmail.com would hide every present and future inquiry from it. */}
                  {domain && !isPersonalDomain(domain) && (
                    <button type="button" className="btn btn-small" onClick={() => mute({ entry: `@${domain}`, threadId: r.threadId })} aria-label={`Mute domain ${domain}`} data-mute="domain">
                      Mute domain
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
