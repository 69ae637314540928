import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { isOverdue, ledgerSummary, openPromisesFirst } from '@/lib/commitments/ledger';
import { findDueDate } from '@/lib/commitments/dates';
import { nameTokens } from '@/lib/contacts/identity';
import { addCommitment, commitmentsOf, deleteCommitment, setCommitmentStatus } from '@/lib/db/commitments';
import { getSettings } from '@/lib/db/contacts';
import type { Contact, Interaction } from '@/lib/db/models';
import { logFollowUp, referralsOf, setDecline, setReferredBy, setStage } from '@/lib/db/playbook';
import { getOfferProfile } from '@/lib/db/resources';
import { getDb } from '@/lib/db/schema';
import { followUpsWithoutAnswer, isDormant, planFollowUp, validateValueReason } from '@/lib/followups/plan';
import type { GmailThread } from '@/lib/gmail/types';
import { fullDate, relativeTime } from '@/lib/panel/format';
import { giveAskBalance } from '@/lib/playbook/balance';
import { CommitmentKindSchema, STAGE_LABEL, StageSchema, ValueReasonKindSchema, type Commitment, type Direction, type Stage, type ValueReasonKind } from '@/lib/playbook/types';
import { DECLINE_REASON_LABEL, DeclineReasonSchema, type DeclineReason } from '@/lib/replies/types';
import { detectStalls } from '@/lib/stalls/detect';
import { cancelOnEscape, focusSoon, useAnnounce } from '../a11y';
import { useAfterContent, usePatternsReady } from './lazy';
import { ErrorText, focusSectionHeading, Section, sectionHeadingOf } from './ui';

const DAY = 86_400_000;

/** Overdue promises as a badge for the contact header. */
export function OverdueBadge({ contactId, now }: { contactId: string; now: number }) {
  const all = useLiveQuery(() => commitmentsOf(getDb(), contactId), [contactId]);
  if (!all) return null;
  const s = ledgerSummary(all, now);
  const n = s.overdueMine + s.overdueTheirs;
  if (n === 0) return null;
  return (
    <span className="badge badge-overdue" data-testid="overdue-badge" title={`${s.overdueMine} of yours, ${s.overdueTheirs} of theirs`}>
      {n} overdue
    </span>
  );
}

/** Stage and outcome; a declined contact also gets the stated and the real reason. */
export function StageSection({ contact }: { contact: Contact }) {
  return (
    <Section title="Stage" testId="stage">
      <label className="field">
        <span className="sr-only">Stage</span>
        <select value={contact.stage} onChange={(e) => void setStage(getDb(), contact.id, e.target.value as Stage, Date.now())} data-testid="stage-select">
          {StageSchema.options.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      {contact.stage === 'not_fit_helped' && <p className="muted small">A good outcome: you helped someone you couldn't sell to. Referrals they send show here.</p>}
      {contact.stage === 'declined' && <DeclineReasons contact={contact} />}
    </Section>
  );
}

const DISCOVERY: Record<DeclineReason, string> = {
  price: 'Compared with what? What would the result have had to be worth for the price to make sense?',
  budget: 'Is it that there is no budget, or that this isn’t where you would spend it?',
  incumbent: 'What does your current provider do that you would miss?',
  timing: 'What would have to change for the timing to be right?',
  need: 'How are you handling it today, and what does that cost you?',
  authority: 'Who else weighed in, and what mattered to them?',
  other: 'What would have had to be different for this to be a yes?',
};

function DeclineReasons({ contact }: { contact: Contact }) {
  // Nothing is pre-selected: a reason the rep did not pick must not be stored (or counted in the report) as theirs.
  const [stated, setStated] = useState<{ reason: DeclineReason | ''; text: string }>(contact.declineStated ?? { reason: '', text: '' });
  const [real, setReal] = useState<{ reason: DeclineReason | ''; text: string }>(contact.declineReal ?? { reason: '', text: '' });
  const [saved, setSaved] = useState(false);
  // Words typed under "Choose…" would be dropped on save (a note is stored with its reason): ask for the reason first.
  const orphanText = (!stated.reason && stated.text.trim() !== '') || (!real.reason && real.text.trim() !== '');
  const save = useMutation({
    mutationFn: () =>
      setDecline(
        getDb(),
        contact.id,
        { stated: stated.reason ? { reason: stated.reason, text: stated.text } : null, real: real.reason ? { reason: real.reason, text: real.text } : null },
        Date.now(),
      ),
    onSuccess: () => setSaved(true),
  });
  const edit = (apply: () => void) => {
    apply();
    setSaved(false);
  };
  const statedId = useId();
  const realId = useId();
  const pick = (id: string, value: DeclineReason | '', on: (r: DeclineReason | '') => void, testId: string, none: string) => (
    <select id={id} value={value} onChange={(e) => edit(() => on(e.target.value as DeclineReason | ''))} data-testid={testId}>
      <option value="">{none}</option>
      {DeclineReasonSchema.options.map((r) => (
        <option key={r} value={r}>
          {DECLINE_REASON_LABEL[r]}
        </option>
      ))}
    </select>
  );
  return (
    <div className="card form" data-testid="decline-reasons">
      {/* Labelled by id: a label wrapping the select and the text field named the select with the typed words too. */}
      <div className="field">
        <label htmlFor={statedId}>Reason they gave</label>
        {pick(statedId, stated.reason, (reason) => setStated({ ...stated, reason }), 'decline-stated', 'Choose…')}
        <input value={stated.text} placeholder="In their words" aria-label="The reason they gave, in their words" onChange={(e) => edit(() => setStated({ ...stated, text: e.target.value }))} data-testid="decline-stated-text" />
      </div>
      <div className="field">
        <label htmlFor={realId}>The real reason, once you learn it</label>
        {pick(realId, real.reason, (reason) => setReal({ ...real, reason }), 'decline-real', 'Not learned yet')}
        <input value={real.text} placeholder="What you found out" aria-label="The real reason: what you found out" onChange={(e) => edit(() => setReal({ ...real, text: e.target.value }))} data-testid="decline-real-text" />
      </div>
      {stated.reason && (
        <p className="muted small" data-testid="discovery-question">
          To find out, ask: “{DISCOVERY[stated.reason]}”
        </p>
      )}
      {orphanText && (
        <p className="small hint" data-testid="decline-hint">
          Choose a reason for what you wrote, so it is saved with it.
        </p>
      )}
      <div className="row">
        {/* aria-disabled while saving, not disabled: a disabled button drops the focus it has to <body>. */}
        <button
          type="button"
          className="btn btn-small btn-primary"
          onClick={() => !save.isPending && save.mutate()}
          disabled={orphanText}
          aria-disabled={save.isPending || undefined}
          data-testid="decline-save"
        >
          Save reasons
        </button>
        <span className="muted small" role="status" data-testid="decline-status">
          {saved ? 'Saved.' : ''}
        </span>
      </div>
      <ErrorText error={save.error} />
    </div>
  );
}

/** The commitments ledger: both directions, open promises first, overdue ones marked. */
export function CommitmentsSection({ contactId, now }: { contactId: string; now: number }) {
  const all = useLiveQuery(() => commitmentsOf(getDb(), contactId), [contactId]);
  const [adding, setAdding] = useState(false);
  // The promise just added: its row takes focus when the ledger shows it, so the rep can act on it at once.
  const [focusId, setFocusId] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const announce = useAnnounce();
  if (!all) return null;
  const ordered = openPromisesFirst(all, now);
  const s = ledgerSummary(all, now);
  const closeForm = () => {
    setAdding(false);
    focusSoon(() => toggle.current);
  };
  const added = (c: Commitment) => {
    setAdding(false);
    setFocusId(c.id);
    announce('Promise added.');
    // Until the new row shows up (the ledger is read again after the write), focus waits on "Add" rather than <body>;
    // the row may already have taken it.
    focusSoon(() => (!document.activeElement || document.activeElement === document.body ? toggle.current : null));
  };
  return (
    <Section
      title="Commitments"
      testId="commitments"
      actions={
        <button ref={toggle} type="button" className="btn btn-small" onClick={() => setAdding((v) => !v)} aria-expanded={adding} data-testid="add-commitment-toggle">
          {adding ? 'Close' : 'Add'}
        </button>
      }
    >
      {s.keptRate !== null && (
        <p className="muted small" data-testid="kept-rate">
          You kept {s.kept} of {s.kept + s.missed} promises to them.
        </p>
      )}
      {adding && <AddCommitment contactId={contactId} now={now} onAdded={added} onCancel={closeForm} />}
      {ordered.length === 0 ? (
        <p className="muted">No promises yet, either way.</p>
      ) : (
        <ul className="ledger">
          {ordered.map((c) => (
            <CommitmentRow key={c.id} c={c} now={now} focus={c.id === focusId} onFocused={() => setFocusId(null)} />
          ))}
        </ul>
      )}
    </Section>
  );
}

const STATUS_ANNOUNCEMENT: Record<Commitment['status'], string> = { done: 'Marked as kept.', missed: 'Marked as missed.', open: 'Reopened.' };

/** The row's first control that is not the red "Delete" of a confirmation: where focus goes when it lands on a row. */
function firstControl(row: Element | null | undefined): HTMLElement | null {
  return row?.querySelector<HTMLElement>('button:not([data-testid=confirm-delete-commitment])') ?? null;
}

function CommitmentRow({ c, now, focus, onFocused }: { c: Commitment; now: number; focus: boolean; onFocused: () => void }) {
  const overdue = isOverdue(c, now);
  // Two steps, like notes: the ledger is the record "promises kept" is built on, and × sat next to "Missed".
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const row = useRef<HTMLLIElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Set by Done, Missed and Reopen: the button pressed goes away with the status it set (and the row may move in the
  // ledger), so the row's new first control takes focus once the row shows the new status.
  const refocus = useRef(false);
  const announce = useAnnounce();
  useEffect(() => {
    if (!focus) return;
    firstControl(row.current)?.focus();
    onFocused();
  }, [focus, onFocused]);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    firstControl(row.current)?.focus();
  }, [c.status]);
  const setStatus = (status: Commitment['status']) => {
    refocus.current = true;
    setCommitmentStatus(getDb(), c.id, status, Date.now()).then(
      () => announce(STATUS_ANNOUNCEMENT[status]),
      (e: unknown) => {
        refocus.current = false;
        setError(e);
      },
    );
  };
  const cancelDelete = () => {
    setConfirming(false);
    // The row's "Delete" comes back with the render that ends the confirmation.
    focusSoon(() => deleteButton.current);
  };
  const remove = async () => {
    if (deleting) return;
    setDeleting(true);
    setError(null);
    // Read before the row goes: focus moves to the next promise, else the previous one, else the section's heading.
    const li = row.current;
    const neighbours = [li?.nextElementSibling, li?.previousElementSibling];
    const section = li?.closest('section');
    const from = document.activeElement;
    try {
      await deleteCommitment(getDb(), c.id);
    } catch (e) {
      setError(e);
      setDeleting(false);
      return;
    }
    announce('Promise deleted.');
    // Unless the rep went on to something else while it was deleted.
    focusSoon(() => neighbours.map((n) => (n?.isConnected ? firstControl(n) : null)).find(Boolean) ?? (section?.isConnected ? sectionHeadingOf(section) : null), from);
  };
  return (
    <li ref={row} className={`ledger-row ${c.status}${overdue ? ' overdue' : ''}`} data-testid="commitment" data-direction={c.direction} data-status={c.status} data-overdue={overdue}>
      <div>
        <strong>{c.direction === 'mine' ? 'You' : 'They'}:</strong> {c.text}
        <div className="muted small">
          {c.dueAt !== null ? (
            <>
              {overdue ? 'Overdue since ' : 'Due '}
              <time dateTime={new Date(c.dueAt).toISOString()} title={fullDate(c.dueAt)}>
                {new Date(c.dueAt).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })}
              </time>
            </>
          ) : (
            'No date'
          )}
          {c.status !== 'open' && ` · ${c.status === 'done' ? 'kept' : 'missed'}`}
        </div>
      </div>
      {confirming ? (
        // The row's own buttons step aside: "Keep" next to "Done" read as "I kept this promise". Focus starts on
        // Cancel (as for deleting a contact), so Enter pressed twice on "Delete" keeps the promise.
        <span className="row" role="group" aria-label="Delete this promise?" onKeyDown={cancelOnEscape(cancelDelete)}>
          <span className="small">Delete this promise from the ledger?</span>
          <button type="button" className="btn btn-small btn-danger" onClick={() => void remove()} aria-disabled={deleting || undefined} data-testid="confirm-delete-commitment">
            Delete
          </button>
          <button type="button" className="btn btn-small" onClick={cancelDelete} autoFocus data-testid="cancel-delete-commitment">
            Cancel
          </button>
        </span>
      ) : (
        <span className="row">
          {c.status === 'open' ? (
            <>
              <button type="button" className="btn btn-small" onClick={() => setStatus('done')}>
                Done
              </button>
              <button type="button" className="btn btn-small" onClick={() => setStatus('missed')}>
                Missed
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => setStatus('open')}>
              Reopen
            </button>
          )}
          <button ref={deleteButton} type="button" className="btn btn-small" aria-label={`Delete: ${c.text}`} onClick={() => setConfirming(true)} data-testid="delete-commitment">
            Delete
          </button>
        </span>
      )}
      <ErrorText error={error} />
    </li>
  );
}

function AddCommitment({ contactId, now, onAdded, onCancel }: { contactId: string; now: number; onAdded: (c: Commitment) => void; onCancel: () => void }) {
  const [direction, setDirection] = useState<Direction>('mine');
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const add = useMutation({
    mutationFn: () => {
      // A typed date wins; otherwise a date said in the text ("by Friday") is used.
      const typed = due ? new Date(`${due}T23:59:59.999`).getTime() : null;
      const said = typed === null ? findDueDate(text, now)?.dueAt ?? null : null;
      const kind = /deposit/i.test(text) ? 'deposit' : /pay|invoice|PO\b/i.test(text) ? 'payment' : /call|get back/i.test(text) ? 'callback' : /meet|appointment/i.test(text) ? 'appointment' : /send|share/i.test(text) ? 'send' : 'other';
      return addCommitment(getDb(), { contactId, direction, kind: CommitmentKindSchema.parse(kind), text, dueAt: typed ?? said, source: 'manual' }, Date.now());
    },
    onSuccess: onAdded,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() && !add.isPending) add.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} onKeyDown={cancelOnEscape(onCancel)} data-testid="add-commitment">
      <div className="seg" role="group" aria-label="Who promised">
        {(['mine', 'theirs'] as const).map((d) => (
          <button key={d} type="button" className={`seg-btn${direction === d ? ' on' : ''}`} aria-pressed={direction === d} onClick={() => setDirection(d)}>
            {d === 'mine' ? 'I promised' : 'They promised'}
          </button>
        ))}
      </div>
      <label className="field">
        <span>What</span>
        {/* The field to fill: focused when the form opens ("I promised" above is the usual case, one Shift+Tab away). */}
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Send the onboarding checklist by Friday" autoFocus data-testid="add-commitment-text" />
      </label>
      <label className="field">
        <span>Due (optional)</span>
        <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary btn-small" disabled={!text.trim()} aria-disabled={add.isPending || undefined}>
        Add promise
      </button>
      <ErrorText error={add.error} />
    </form>
  );
}

/** "Before you write": the rep's open promises to this person, shown above the reply studio. */
export function OpenPromisesFirst({ contactId, now }: { contactId: string; now: number }) {
  const all = useLiveQuery(() => commitmentsOf(getDb(), contactId), [contactId]);
  const mine = (all ?? []).filter((c) => c.direction === 'mine' && c.status === 'open');
  if (mine.length === 0) return null;
  return (
    <div className="card before-you-write" data-testid="open-promises" role="note">
      <p className="state-title">Before you write: you promised</p>
      <ul className="plain">
        {openPromisesFirst(mine, now).map((c) => (
          <li key={c.id}>
            {c.text}
            {c.dueAt !== null && <span className={isOverdue(c, now) ? 'error small' : 'muted small'}> — {isOverdue(c, now) ? 'overdue' : `due ${relativeTime(c.dueAt, now)}`}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The pattern groups the stall check runs (lib/warm). */
const PLAYBOOK_PATTERNS = ['playbook'] as const;

/** Stall signs (seed 002) from the thread and their side of the ledger, with direct, empathetic questions. */
export function StallSection({ contactId, thread: current, ownEmails, now }: { contactId: string; thread: GmailThread | null; ownEmails: readonly string[]; now: number }) {
  const commitments = useLiveQuery(() => commitmentsOf(getDb(), contactId), [contactId]);
  // Reading a thread for stall signs waits until the contact's notes and history are on screen and the page is idle
  // (on a thread switch too), and, in a fresh panel, until the date and promise patterns are compiled: compiled on
  // first use, a 30-message thread's first check was one long task of 110–160 ms.
  const idle = useAfterContent(contactId, current?.threadId ?? '');
  const compiled = usePatternsReady(idle, PLAYBOOK_PATTERNS);
  const deferred = useDeferredValue(current, null);
  const thread = idle && compiled ? deferred : null;
  const findings = useMemo(() => {
    if (!commitments || thread !== current) return [];
    const own = new Set(ownEmails.map((e) => e.toLowerCase()));
    const messages = (thread?.messages ?? []).map((m) => ({
      fromMe: m.fromMe || own.has((m.from?.email ?? '').toLowerCase()),
      date: m.date,
      text: m.body || m.snippet,
    }));
    return detectStalls({ messages, commitments, now });
  }, [commitments, thread, current, ownEmails, now]);
  if (findings.length === 0) return null;
  return (
    <Section title="Stall signs" testId="stalls">
      {findings.map((f) => (
        <div key={f.sign} className="card stall" data-testid="stall" data-sign={f.sign}>
          <p className="state-title">{f.label}</p>
          {f.evidence.length > 0 && (
            <ul className="plain muted small">
              {f.evidence.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
          <p className="small">Ask directly, with care:</p>
          <ul className="plain" data-testid="stall-questions">
            {f.questions.map((q) => (
              <li key={q}>“{q}”</li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}

/** Give / ask balance: a small two-sided bar. `history`: the contact's entries (see `useContactHistory`). */
export function BalanceSection({ history }: { history: readonly Interaction[] | undefined }) {
  if (!history) return null;
  const b = giveAskBalance(history);
  const total = Math.max(1, b.given + b.asked);
  return (
    <Section title="Give / ask" testId="balance">
      <div className="balance" role="img" aria-label={`Given ${b.given}, asked ${b.asked}`} data-verdict={b.verdict}>
        <span className="balance-give" style={{ width: `${(b.given / total) * 100}%` }} />
        <span className="balance-ask" style={{ width: `${(b.asked / total) * 100}%` }} />
      </div>
      <p className="small" data-testid="balance-text">
        Given {b.given} · Asked {b.asked}
        {b.verdict === 'asker' && <span className="error"> — give something before you ask again.</span>}
      </p>
    </Section>
  );
}

/** Who referred this contact, and whom they referred. */
export function ReferralSection({ contact }: { contact: Contact }) {
  const data = useLiveQuery(async () => {
    const db = getDb();
    return { by: contact.referredBy ? ((await db.contacts.get(contact.referredBy)) ?? null) : null, referred: await referralsOf(db, contact.id) };
  }, [contact.id, contact.referredBy]);
  const [query, setQuery] = useState('');
  const matches = useLiveQuery(async () => {
    const first = nameTokens(query)[0];
    if (!first) return [];
    return (await getDb().contacts.where('nameTokens').startsWith(first).limit(10).toArray()).filter((c) => c.id !== contact.id);
  }, [query, contact.id]);
  const set = useMutation({ mutationFn: (id: string | null) => setReferredBy(getDb(), contact.id, id, Date.now()), onSuccess: () => setQuery('') });
  const announce = useAnnounce();
  // Picking a referrer swaps the search for "Referred by … Remove", and Remove swaps it back: focus follows to the
  // control that replaced the one pressed, once the contact is read again.
  const focusNext = useRef<'remove' | 'search' | null>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = focusNext.current === 'remove' ? removeButton.current : focusNext.current === 'search' ? search.current : null;
    if (!el) return;
    focusNext.current = null;
    el.focus();
  });
  const pick = (c: Contact | null) => {
    if (set.isPending) return;
    focusNext.current = c ? 'remove' : 'search';
    set.mutate(c?.id ?? null, {
      onSuccess: () => announce(c ? `Referred by ${c.name}.` : 'Referrer removed.'),
      onError: () => {
        focusNext.current = null;
      },
    });
  };
  if (!data) return null;
  return (
    <Section title="Referrals" testId="referrals">
      {data.by ? (
        <p data-testid="referred-by">
          Referred by <strong>{data.by.name}</strong>{' '}
          <button ref={removeButton} type="button" className="btn btn-small" onClick={() => pick(null)}>
            Remove
          </button>
        </p>
      ) : (
        <label className="field">
          <span>Referred by</span>
          <input ref={search} type="search" value={query} placeholder="Search your contacts" onChange={(e) => setQuery(e.target.value)} data-testid="referrer-search" />
        </label>
      )}
      {!data.by && matches && matches.length > 0 && (
        <ul className="link-list">
          {matches.map((c) => (
            <li key={c.id} className="link-row">
              <span>
                {c.name} <span className="muted small">{c.company}</span>
              </span>
              <button type="button" className="btn btn-small" onClick={() => pick(c)} data-testid="pick-referrer">
                Referred by them
              </button>
            </li>
          ))}
        </ul>
      )}
      {data.referred.length > 0 && (
        <div data-testid="referred">
          <p className="small">
            {contact.stage === 'not_fit_helped' ? 'You helped them without a sale, and they sent you:' : 'They referred:'}
          </p>
          <ul className="plain">
            {data.referred.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong> <span className="muted small">— {STAGE_LABEL[r.stage]}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorText error={set.error} />
    </Section>
  );
}

const VALUE_LABEL: Record<ValueReasonKind, string> = {
  resource: 'A resource for them',
  news: 'News that matters to them',
  success_story: 'A success story like theirs',
  introduction: 'An introduction',
  answer: 'An answer to their question',
};

/**
 * Follow-up planner (seed 003) for quiet contacts: history and decline reasons first, a value reason before any
 * draft, and after K unanswered follow-ups a graceful "permission to close the file" instead.
 */
export function FollowUpSection({ contact, now, history }: { contact: Contact; now: number; history: readonly Interaction[] | undefined }) {
  const settings = useLiveQuery(async () => {
    const db = getDb();
    const [s, offer] = await Promise.all([getSettings(db), getOfferProfile(db)]);
    return { settings: s, offer };
  }, [contact.id]);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ValueReasonKind>('resource');
  const [detail, setDetail] = useState('');
  const [url, setUrl] = useState('');
  const [logged, setLogged] = useState(false);
  const [logging, setLogging] = useState(false);
  const [logError, setLogError] = useState<unknown>(null);
  const announce = useAnnounce();
  // "Plan a follow-up" goes away as the planner opens: its first field takes focus once it is on screen (the history
  // may still be loading), else its heading.
  const focusOnOpen = useRef(false);
  const kindSelect = useRef<HTMLSelectElement>(null);
  const before = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusOnOpen.current || !before.current) return;
    focusOnOpen.current = false;
    if (kindSelect.current) kindSelect.current.focus();
    else focusSectionHeading(before.current);
  });
  if (!settings) return null;
  const dormant = isDormant(contact.lastInteractionAt, now, settings.settings.dormantDays);
  // Not quiet and not asked for: only the button, which needs none of the history.
  if (!dormant && !open) {
    return (
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          focusOnOpen.current = true;
          setOpen(true);
        }}
        data-testid="plan-follow-up"
      >
        Plan a follow-up
      </button>
    );
  }
  if (!history) return null;
  const data = { ...settings, history };
  const unanswered = followUpsWithoutAnswer(data.history);
  const reason = detail.trim() ? { kind, detail, url: url || null } : null;
  const check = reason ? validateValueReason(reason) : null;
  const plan = planFollowUp({
    contactName: contact.name,
    lastTopic: data.history.filter((h) => h.subject && (h.kind === 'email_in' || h.kind === 'email_out')).sort((a, b) => b.at - a.at)[0]?.subject ?? null,
    declineStated: contact.declineStated?.reason ?? null,
    declineReal: contact.declineReal?.reason ?? null,
    unanswered,
    maxUnanswered: data.settings.maxUnansweredFollowUps,
    reason: check?.ok ? reason : null,
    signOff: data.offer.signOff || undefined,
  });
  const recent = [...data.history].sort((a, b) => b.at - a.at).slice(0, 3);
  const copyAndLog = async (text: string) => {
    if (logged || logging) return;
    setLogging(true);
    setLogError(null);
    // Logging makes the contact not quiet any more: the planner stays open (with the focused button that says
    // "Copied and logged") instead of folding back into "Plan a follow-up".
    setOpen(true);
    try {
      // Logged even when the clipboard refuses (the rep can still select the text), but not said to be copied.
      const copied = await navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      );
      await logFollowUp(getDb(), contact.id, text, Date.now());
      setLogged(true);
      announce(copied ? 'Copied and logged as sent.' : 'Logged as sent. Copying was refused: select the text and copy it.');
    } catch (e) {
      setLogError(e);
    } finally {
      setLogging(false);
    }
  };
  return (
    <Section title="Follow-up planner" testId="follow-up">
      {dormant && (
        <p className="small" data-testid="dormant">
          Quiet for {Math.floor((now - (contact.lastInteractionAt ?? now)) / DAY)} days.
          {unanswered > 0 && ` ${unanswered} follow-up${unanswered > 1 ? 's' : ''} without an answer.`}
        </p>
      )}
      <div className="card small" ref={before}>
        <p className="state-title">Before you write</p>
        <ul className="plain">
          {recent.map((h) => (
            <li key={h.id}>
              {relativeTime(h.at, now)}: {h.subject ?? h.kind}
            </li>
          ))}
          {contact.declineStated && <li>The reason they gave: {DECLINE_REASON_LABEL[contact.declineStated.reason]}{contact.declineStated.text ? ` (“${contact.declineStated.text}”)` : ''}.</li>}
          {contact.declineReal && <li>The real reason: {DECLINE_REASON_LABEL[contact.declineReal.reason]}{contact.declineReal.text ? ` — ${contact.declineReal.text}` : ''}.</li>}
        </ul>
      </div>
      {plan.action !== 'close_file' && (
        <div className="form">
          <label className="field">
            <span>What will you bring them?</span>
            <select ref={kindSelect} value={kind} onChange={(e) => setKind(e.target.value as ValueReasonKind)} data-testid="value-kind">
              {ValueReasonKindSchema.options.map((k) => (
                <option key={k} value={k}>
                  {VALUE_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>In a few words</span>
            <input value={detail} onChange={(e) => setDetail(e.target.value)} placeholder="our checklist for a phased CRM rollout" data-testid="value-detail" />
          </label>
          <label className="field">
            <span>Link (optional)</span>
            <input value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
          {check && !check.ok && (
            <p className="error" data-testid="value-refused">
              {check.message}
            </p>
          )}
        </div>
      )}
      {plan.action === 'needs_reason' ? (
        <p className="muted small" data-testid="needs-reason">
          {plan.why}
        </p>
      ) : (
        <div className="card" data-testid={plan.action === 'close_file' ? 'close-file' : 'follow-up-draft'}>
          <p className="muted small">{plan.why}</p>
          <p className="suggestion-text">{plan.text}</p>
          <div className="row">
            {/* aria-disabled once logged, not disabled: the button keeps the focus it has (and says what happened). */}
            <button type="button" className="btn btn-small btn-primary" aria-disabled={logged || logging || undefined} onClick={() => void copyAndLog(plan.text)} data-testid="copy-follow-up">
              {logged ? 'Copied and logged' : 'Copy and log as sent'}
            </button>
          </div>
          <ErrorText error={logError} />
        </div>
      )}
    </Section>
  );
}
