import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { sendToTab } from '@/lib/browser/tabs';
import { polishWithAi } from '@/lib/browser/ai';
import { extractPromises } from '@/lib/commitments/extract';
import { companyForReplies, type ContactCandidate } from '@/lib/contacts/identity';
import { getNotes, getSettings, saveCandidate } from '@/lib/db/contacts';
import type { Contact } from '@/lib/db/models';
import { getTriageOverride, logReplyUsed, saveTriageOverride } from '@/lib/db/replies';
import { getOfferProfile, listResources, sentResourceIds } from '@/lib/db/resources';
import { getDb } from '@/lib/db/schema';
import type { InsertResult } from '@/lib/gmail/compose';
import { replyUseOutcome } from '@/lib/panel/format';
import type { GmailThread } from '@/lib/gmail/types';
import { ANSWER_PLACEHOLDER, DECLINE_REASON_LABEL, DeclineReasonSchema, FitSchema, signalsForRep, IntentSchema, isIndexed, prepareIndex, suggestReplies, triageInquiry, type Fit, type Intent, type ReplySuggestion, type Resource, type TriageResult } from '@/lib/replies';
import type { ExtractedPromise } from '@/lib/playbook/types';
import { focusSoon, useAnnounce } from '../a11y';
import { usePatternsReady } from './lazy';
import { PromiseOffers } from './PromiseOffers';
import { TrustEditor } from './TrustEditor';
import { ErrorText, focusSectionHeading, Section, sectionHeadingOf } from './ui';

const INTENT_LABEL: Record<Intent, string> = {
  purchase: 'Wants to buy',
  advice: 'Asks for advice',
  vendor_pitch: 'Vendor pitch',
  job: 'Job inquiry',
  partnership: 'Partnership',
  research: 'Research / survey',
  support: 'Support request',
  intro: 'Introduction',
  stall: 'Stalling',
  decline: 'Declining',
  other: 'Other',
};
const FIT_LABEL: Record<Fit, string> = { fit: 'Fit', not_fit: 'Not a fit', unknown: 'Unknown' };

/** The outcome of "Use this reply": a message for the rep and any promises the reply made. */
export interface ReplyUseResult {
  message: string;
  contactId: string;
  promises: ExtractedPromise[];
}

/**
 * Until when each result of "Use this reply" may still move focus to the studio's heading, and the results that did
 * so from inside the studio already. Using a reply saves the contact, which may mount the studio afresh under the
 * contact's view (the result is kept by the parent): the new studio picks up focus that the old one took with it,
 * but never takes it from where the rep has moved on to.
 */
const refocusUntil = new WeakMap<ReplyUseResult, number>();
const focusedResults = new WeakSet<ReplyUseResult>();
/** How long after a reply is used a studio (re)mounting picks up focus left on <body>. */
const REFOCUS_MS = 5_000;

/** The latest inbound message of the thread as the triage reads it. */
function inquiryOf(thread: GmailThread, index: number) {
  const m = thread.messages[index]!;
  return { subject: thread.subject, body: m.body || m.snippet, from: m.from ? `${m.from.name} <${m.from.email}>` : undefined };
}

/**
 * True once the library's search index is built: in the background, a chunk of resources per task (see
 * `prepareIndex`), rather than inside the first render that suggests replies. A library whose content is already
 * indexed (the same resources re-read after a save) is ready at once. `undefined` (still loading): false.
 */
function useLibraryIndexed(resources: readonly Resource[] | undefined): boolean {
  const [builtFor, setBuiltFor] = useState<readonly Resource[] | null>(null);
  const ready = !!resources && (builtFor === resources || isIndexed(resources));
  useEffect(() => {
    if (!resources || ready) return undefined;
    let live = true;
    // A failed background build is not fatal: the suggestions then build the index themselves.
    const done = () => {
      if (live) setBuiltFor(resources);
    };
    prepareIndex(resources).then(done, done);
    return () => {
      live = false;
    };
  }, [resources, ready]);
  return ready;
}

/** The pattern groups the triage runs, and the suggestions too (they pass the trust check) (lib/warm). */
const TRIAGE_PATTERNS = ['triage'] as const;
const SUGGESTION_PATTERNS = ['triage', 'trust'] as const;

/**
 * The reply studio for the open thread: triage of the latest inbound message (correctable in one click), two or
 * three value-first replies, an editor with a live trust check, and "Use this reply".
 */
export function ReplyStudio({
  tabId,
  thread,
  inboundIndex,
  url,
  candidate,
  contact,
  ownEmails,
  result,
  onResult,
}: {
  tabId: number;
  thread: GmailThread;
  inboundIndex: number;
  url: string;
  candidate: ContactCandidate;
  contact: Contact | null;
  ownEmails: readonly string[];
  /** What happened to the last reply used; kept by the parent so it survives the contact being saved. */
  result: ReplyUseResult | null;
  onResult: (r: ReplyUseResult) => void;
}) {
  const db = getDb();
  const threadKey = thread.threadId ?? `${thread.subject}`;
  const data = useLiveQuery(
    async () => ({
      offer: await getOfferProfile(db),
      resources: await listResources(db),
      sent: contact ? await sentResourceIds(db, contact.id) : [],
      notes: contact ? (await getNotes(db, contact.id)).map((n) => n.text) : [],
      override: await getTriageOverride(db, threadKey),
      aiPolish: (await getSettings(db)).aiPolish,
    }),
    [contact?.id, threadKey],
  );
  const inquiry = useMemo(() => inquiryOf(thread, inboundIndex), [thread, inboundIndex]);
  // In a fresh panel the triage waits for its patterns to be compiled in idle time, and the suggestions for the trust
  // check's too: a few hundred patterns, compiled on first use, made the studio's first render a long task.
  const triageCompiled = usePatternsReady(true, TRIAGE_PATTERNS);
  const suggestionsCompiled = usePatternsReady(true, SUGGESTION_PATTERNS);
  const auto = useMemo(() => (data && triageCompiled ? triageInquiry(inquiry, data.offer) : null), [inquiry, data?.offer, triageCompiled]);
  const triage: TriageResult | null = useMemo(() => {
    if (!auto) return null;
    const o = data?.override;
    if (!o) return auto;
    return {
      ...auto,
      intent: o.intent ?? auto.intent,
      fit: o.fit ?? auto.fit,
      fitReason: o.fit && o.fit !== auto.fit ? `you marked it “${FIT_LABEL[o.fit].toLowerCase()}”` : auto.fitReason,
      declineReason: o.declineReason ?? auto.declineReason,
    };
  }, [auto, data?.override]);
  // Suggestions search the library: its index is built in the background first (the triage shows meanwhile).
  const indexed = useLibraryIndexed(data?.resources);
  const ready = indexed && suggestionsCompiled;
  const suggestions = useMemo(
    () =>
      triage && data && ready
        ? suggestReplies({
            inquiry,
            triage,
            contact: { name: candidate.name, company: companyForReplies(contact?.company ? contact : candidate), email: candidate.email },
            offer: data.offer,
            resources: data.resources,
            sentResourceIds: data.sent,
            notes: data.notes,
            contactTags: contact?.tags ?? [],
          })
        : [],
    [triage, data, ready, inquiry, candidate, contact],
  );
  const [editing, setEditing] = useState<{ id: string; original: string; text: string; resourceIds: string[] } | null>(null);
  // The rep's edits of each suggestion, kept when the editor closes (Back, Escape): reopening goes on from them, so a
  // stray Escape loses no writing. Keyed by the suggestion's own text too: a suggestion that changed starts afresh.
  const [edits, setEdits] = useState<ReadonlyMap<string, string>>(new Map());
  const editKey = (id: string, original: string) => `${id}\u0000${original}`;
  const announce = useAnnounce();
  // Any element of the section, to find its heading; the suggestion list, to find the card an editor came from.
  const triageCard = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);

  const use = useMutation({
    mutationFn: async (s: { text: string; resourceIds: string[] }) => {
      const target = { threadId: thread.threadId, subject: thread.subject };
      const answer = (await sendToTab(tabId, { type: 'content:insert-reply', text: s.text, thread: target })) as InsertResult | undefined;
      const { message, copy } = replyUseOutcome(answer, thread.subject);
      if (copy) await copyToClipboard(s.text);
      // Using a reply is engaging with this person: the contact is saved so the value given is on record.
      const saved = contact ?? (await saveCandidate(db, candidate, { now: Date.now(), thread, url, ownEmails }));
      await logReplyUsed(db, { contactId: saved.id, text: s.text, resourceIds: s.resourceIds, threadId: thread.threadId, url, subject: thread.subject, now: Date.now() });
      const promises = extractPromises(s.text, { messageDate: Date.now(), author: 'rep' });
      return { message, contactId: saved.id, promises };
    },
    onSuccess: (r) => {
      refocusUntil.set(r, Date.now() + REFOCUS_MS);
      onResult(r);
      setEditing(null);
      // The result line mounts with its text, which is not read out: say it.
      announce(r.message);
    },
  });
  // After "Use this reply" the button that had focus goes (the editor closes, the suggestions move on), or the whole
  // studio is mounted afresh once the contact is saved: focus goes to the studio's heading, above the result and any
  // promise to add to the ledger. Only from inside the studio (once) or from <body>: the rep may have moved on.
  useEffect(() => {
    if (!result || !triageCard.current || Date.now() > (refocusUntil.get(result) ?? 0)) return;
    const active = document.activeElement;
    const lost = !active || active === document.body;
    const inside = !!active && !!triageCard.current.closest('section')?.contains(active);
    if (lost || (inside && !focusedResults.has(result))) {
      focusedResults.add(result);
      focusSectionHeading(triageCard.current);
    }
  });

  if (!triage || !data) return null;
  const correct = (patch: Parameters<typeof saveTriageOverride>[2]) => void saveTriageOverride(db, threadKey, patch, Date.now());
  const takeReply = (s: { text: string; resourceIds: string[] }) => {
    if (!use.isPending) use.mutate(s);
  };
  // Back from the editor: to the button on the card that opened it (the card is still there unless the suggestions
  // changed meanwhile), else to the studio's heading.
  const closeEditor = () => {
    const from = editing?.id;
    if (editing) {
      const key = editKey(editing.id, editing.original);
      setEdits((m) => {
        const next = new Map(m);
        if (editing.text === editing.original) next.delete(key);
        else next.set(key, editing.text);
        return next;
      });
    }
    setEditing(null);
    focusSoon(() => {
      const card = from ? [...(list.current?.querySelectorAll<HTMLElement>('[data-suggestion-id]') ?? [])].find((el) => el.dataset.suggestionId === from) : undefined;
      return card?.querySelector<HTMLElement>('[data-testid=edit-reply], [data-testid=answer-reply]') ?? sectionHeadingOf(triageCard.current);
    });
  };

  return (
    <Section title="Reply studio" testId="reply-studio">
      <div className="card triage" data-testid="triage" ref={triageCard}>
        <div className="triage-row">
          <label className="field inline">
            <span>Intent</span>
            <select value={triage.intent} onChange={(e) => correct({ intent: e.target.value as Intent })} data-testid="triage-intent">
              {IntentSchema.options.map((i) => (
                <option key={i} value={i}>
                  {INTENT_LABEL[i]}
                </option>
              ))}
            </select>
          </label>
          <div className="field inline" role="group" aria-label="Fit">
            <span>Fit</span>
            <span className="seg">
              {FitSchema.options.map((f) => (
                <button key={f} type="button" className={`seg-btn${triage.fit === f ? ' on' : ''}`} aria-pressed={triage.fit === f} onClick={() => correct({ fit: f })} data-testid={`fit-${f}`}>
                  {FIT_LABEL[f]}
                </button>
              ))}
            </span>
          </div>
        </div>
        <p className="small" data-testid="fit-reason">
          {triage.fitReason.charAt(0).toUpperCase() + triage.fitReason.slice(1)}.
        </p>
        {triage.intent === 'decline' && (
          <label className="field inline">
            <span>Stated reason</span>
            <select value={triage.declineReason ?? 'other'} onChange={(e) => correct({ declineReason: e.target.value as TriageResult['declineReason'] })} data-testid="triage-decline">
              {DeclineReasonSchema.options.map((r) => (
                <option key={r} value={r}>
                  {DECLINE_REASON_LABEL[r]}
                </option>
              ))}
            </select>
          </label>
        )}
        {signalsForRep(triage.signals).length > 0 && (
          <p className="muted small" data-testid="triage-why">
            Why: {signalsForRep(triage.signals).slice(0, 4).join(' · ')}
          </p>
        )}
        {!data.offer.offers.length && !data.offer.doesNotOffer.length && (
          <p className="muted small">Tell Resourceful what you offer (Settings → Offer profile) to judge fit.</p>
        )}
      </div>

      {result && (
        <>
          {/* Announced when it appears (see onSuccess): a status role on a line that mounts with its text is not read. */}
          <p className="status-line" data-testid="use-result">
            {result.message}
          </p>
          {result.promises.length > 0 && <PromiseOffers key={result.promises.map((p) => p.text).join('|')} contactId={result.contactId} promises={result.promises} source="reply" />}
        </>
      )}

      {editing ? (
        <TrustEditor
          text={editing.text}
          onChange={(text) => setEditing({ ...editing, text })}
          onCancel={closeEditor}
          onUse={() => takeReply({ text: editing.text, resourceIds: editing.resourceIds })}
          busy={use.isPending}
          polish={data.aiPolish ? polishWithAi : undefined}
        />
      ) : (
        <ol className="suggestions" ref={list}>
          {suggestions.map((s) => {
            // A kept edit is what the card shows and what "Use this reply" uses.
            const kept = edits.get(editKey(s.id, s.text));
            const shown = kept === undefined ? s : { ...s, text: kept };
            return (
              <SuggestionCard
                key={s.id}
                s={shown}
                edited={kept !== undefined}
                onEdit={() => setEditing({ id: s.id, original: s.text, text: shown.text, resourceIds: s.resourceIds })}
                onUse={() => takeReply(shown)}
                busy={use.isPending}
              />
            );
          })}
        </ol>
      )}
      <ErrorText error={use.error} />
    </Section>
  );
}

function SuggestionCard({ s, edited, onEdit, onUse, busy }: { s: ReplySuggestion; edited: boolean; onEdit: () => void; onUse: () => void; busy: boolean }) {
  return (
    <li className="card suggestion" data-testid="suggestion" data-suggestion-id={s.id}>
      <p className="state-title">{s.title}</p>
      <p className="muted small" data-testid="suggestion-why">
        {s.why}
      </p>
      <p className="suggestion-text" data-testid="suggestion-text">
        {s.text}
      </p>
      {edited && (
        <p className="muted small" data-testid="kept-edit">
          Your edited version (Edit to go on with it).
        </p>
      )}
      <div className="row">
        {s.text.includes(ANSWER_PLACEHOLDER) ? (
          // Only the rep can answer: the reply opens in the editor, which will not use it until the answer is in.
          <button type="button" className="btn btn-primary btn-small" onClick={onEdit} data-testid="answer-reply">
            Write your answer
          </button>
        ) : (
          <>
            {/* aria-disabled while a reply is being used, not disabled: a disabled button drops its focus to <body>. */}
            <button type="button" className="btn btn-primary btn-small" onClick={onUse} aria-disabled={busy || undefined} data-testid="use-reply">
              Use this reply
            </button>
            <button type="button" className="btn btn-small" onClick={onEdit} data-testid="edit-reply">
              Edit
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** Copies text, with the old textarea trick when the async clipboard is not allowed (no focus, old browser). */
async function copyToClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.append(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}

