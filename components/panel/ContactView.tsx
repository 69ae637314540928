import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { unlinkProfile, updateContact } from '@/lib/db/contacts';
import type { Contact } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import { openUrl } from '@/lib/browser/tabs';
import { firstScreen, HISTORY_PAGE } from '@/lib/panel/queries';
import { useLiveRead } from '../hooks';
import { fullDate, relativeTime } from '@/lib/panel/format';
import { DeleteContact } from './DeleteContact';
import { HistorySection } from './HistorySection';
import { useContactHistory } from './lazy';
import { NotesSection } from './NotesSection';
import { TagsEditor } from './TagsEditor';
import { BalanceSection, CommitmentsSection, FollowUpSection, OpenPromisesFirst, OverdueBadge, ReferralSection, StageSection, StallSection } from './Playbook';
import type { GmailThread } from '@/lib/gmail/types';
import { Avatar, ErrorText, Section } from './ui';
import { cancelOnEscape, focusSoon, useAnnounce } from '../a11y';
import { KnownSummary } from './KnownSummary';

/** What the current page adds to a contact's header (the Gmail thread they are in). */
export interface PageContext {
  subject: string | null;
  lastWroteAt: number | null;
  lastWroteRaw: string | null;
  /** The rep's answer to that last message, if they have answered it (`repliedAfterInbound`). */
  replied?: { at: number | null; raw: string } | null;
}

/** Who a person view shows: a saved contact (`id`), or someone on the page not saved yet (`id` null). */
export interface ShownPerson {
  id: string | null;
  emails: readonly string[];
  slugs: readonly string[];
}

// One request at a time, for the view the action is about to bring up. It lapses: a view that shows up much later
// (the rep went elsewhere meanwhile) is not one the action opened.
let focusRequest: { wants: (shown: ShownPerson) => boolean; until: number } | null = null;
const FOCUS_REQUEST_MS = 5_000;

/**
 * Asks the person view (contact or candidate card) that appears next, for someone `wants` picks, to focus its name
 * heading. For actions that replace the view the focused control was in (open, save, link, unlink, delete): the new
 * view mounts when the database answers, later than any fixed delay, and focus would otherwise be left on `<body>`.
 */
export function focusPersonWhenShown(wants: (shown: ShownPerson) => boolean): void {
  focusRequest = { wants, until: Date.now() + FOCUS_REQUEST_MS };
}

/** Drops a pending `focusPersonWhenShown` (its action failed: no view of that person is coming). */
export function cancelPersonFocus(): void {
  focusRequest = null;
}

/** Focuses a person view's name heading when it mounts, if a pending `focusPersonWhenShown` wants this person. */
export function usePersonFocus(shown: ShownPerson, heading: RefObject<HTMLElement | null>): void {
  const key = shown.id ?? `${shown.emails.join(',')}|${shown.slugs.join(',')}`;
  useEffect(() => {
    const request = focusRequest;
    if (!request) return;
    if (request.until < Date.now()) {
      focusRequest = null;
      return;
    }
    if (!request.wants(shown)) return;
    focusRequest = null;
    heading.current?.focus();
    // Once per person shown (`shown` itself is a new object each render): later renders are not the action's result.
  }, [key]);
}

/** A saved contact: who they are, tags, notes, linked profiles and history. */
export function ContactView({
  contact,
  page,
  now,
  extra,
  thread = null,
  ownEmails = [],
}: {
  contact: Contact;
  page?: PageContext;
  now: number;
  extra?: React.ReactNode;
  /** The open Gmail thread with this contact, for stall signs. */
  thread?: GmailThread | null;
  ownEmails?: readonly string[];
}) {
  const [editing, setEditing] = useState(false);
  // The profile last unlinked: its confirmation stays here, outside the LinkedIn section, which goes away with the
  // contact's last profile.
  const [unlinked, setUnlinked] = useState<string | null>(null);
  const article = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const editToggle = useRef<HTMLButtonElement>(null);
  const announce = useAnnounce();
  usePersonFocus({ id: contact.id, emails: contact.emails, slugs: contact.linkedinSlugs }, heading);
  const closeEditor = () => {
    setEditing(false);
    // The form had focus: back to the button that opened it.
    focusSoon(() => editToggle.current);
  };
  const sectionHeading = (testId: string) => article.current?.querySelector<HTMLElement>(`[data-testid="${testId}"] [data-section-heading]`);
  const onUnlinked = (slug: string, profilesLeft: number, from: Element | null) => {
    setUnlinked(slug);
    announce(UNLINKED);
    // The confirmed row is gone; with it the whole LinkedIn section when it was the last profile. Details is the
    // section just above it. (On the profile's own page the view becomes the new contact's, which takes focus.)
    focusSoon(() => (profilesLeft > 0 ? sectionHeading('linked-profiles') : null) ?? sectionHeading('details'), from);
  };
  // Loaded once for both sections below, after the first paint.
  const history = useContactHistory(contact.id);
  // The first screen's two reads, once: "What you know", Notes and History all show them.
  const notes = useLiveRead(firstScreen.notes(contact.id));
  const firstPage = useLiveRead(firstScreen.timeline(contact.id, HISTORY_PAGE + 1));
  return (
    <article ref={article} className="contact" data-testid="contact" data-contact-id={contact.id}>
      <header className="contact-head">
        <Avatar name={contact.name} />
        <div className="contact-id">
          {/* Focusable by script: where focus goes when an action opens this contact. */}
          <h1 ref={heading} tabIndex={-1} data-testid="contact-name">
            {contact.name}
          </h1>
          {(contact.title || contact.company) && (
            <p className="contact-role" data-testid="contact-role">
              {[contact.title, contact.company].filter(Boolean).join(' · ')}
            </p>
          )}
          {contact.emails.map((e) => (
            <ContactEmail key={e} email={e} />
          ))}
          {contact.location && <p className="muted small">{contact.location}</p>}
        </div>
        <span className="badges">
          <span className="badge badge-saved" title="Saved in Resourceful">
            Saved
          </span>
          <OverdueBadge contactId={contact.id} now={now} />
        </span>
      </header>
      {page && <ThreadLine page={page} now={now} />}
      <OpenPromisesFirst contactId={contact.id} now={now} />
      <StallSection contactId={contact.id} thread={thread} ownEmails={ownEmails} now={now} />
      <KnownSummary notes={notes} items={firstPage} now={now} />
      {extra}
      <StageSection contact={contact} />
      <CommitmentsSection contactId={contact.id} now={now} />
      <FollowUpSection contact={contact} now={now} history={history} />
      <BalanceSection history={history} />
      <ReferralSection contact={contact} />
      {/* Under its own heading: without one, the edit button and the tag field read as part of Referrals above. */}
      <Section
        title="Details and tags"
        testId="details"
        actions={
          <button ref={editToggle} type="button" className="btn btn-small" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            {editing ? 'Close editor' : 'Edit details'}
          </button>
        }
      >
        {editing && (
          <EditContact
            contact={contact}
            onCancel={closeEditor}
            onSaved={() => {
              closeEditor();
              announce('Details saved.');
            }}
          />
        )}
        <TagsEditor contact={contact} />
      </Section>
      {contact.linkedin.length > 0 && <LinkedProfiles contact={contact} onUnlinked={onUnlinked} />}
      {unlinked && !contact.linkedinSlugs.includes(unlinked) && (
        <p className="small" data-testid="unlink-status">
          {UNLINKED}
        </p>
      )}
      <NotesSection contactId={contact.id} now={now} notes={notes} />
      <HistorySection contactId={contact.id} now={now} firstPage={firstPage} />
      <DeleteContact
        contact={contact}
        onDeleted={() =>
          // On a Gmail thread or a profile, the card of the person on the page takes the contact view's place.
          focusPersonWhenShown((p) => p.id === null && (p.emails.some((e) => contact.emails.includes(e)) || p.slugs.some((s) => contact.linkedinSlugs.includes(s))))
        }
      />
    </article>
  );
}

/** "Re: subject · last wrote 3 h ago" for the thread that is open. */
export function ThreadLine({ page, now }: { page: PageContext; now: number }) {
  return (
    <div className="thread-line" data-testid="thread-line">
      {page.subject && (
        <p className="thread-subject" data-testid="thread-subject">
          {page.subject}
        </p>
      )}
      <p className="muted small" data-testid="last-wrote">
        {page.lastWroteAt !== null ? (
          <>
            They last wrote <When at={page.lastWroteAt} now={now} />
          </>
        ) : page.lastWroteRaw ? (
          <>They last wrote {page.lastWroteRaw}</>
        ) : (
          <>You wrote last; no reply from them in this thread yet</>
        )}
        {page.replied && (
          // Who wrote last is the question the line answers: "last wrote" alone read as the rep's own last mail.
          <span data-testid="you-replied">
            {' · '}you replied {page.replied.at !== null ? <When at={page.replied.at} now={now} /> : page.replied.raw}
          </span>
        )}
      </p>
    </div>
  );
}

const UNLINKED = 'Unlinked. The profile is now a separate contact.';

function LinkedProfiles({ contact, onUnlinked }: { contact: Contact; onUnlinked: (slug: string, profilesLeft: number, from: Element | null) => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const unlink = useMutation({
    mutationFn: (slug: string) => unlinkProfile(getDb(), contact.id, slug, Date.now()),
    // On the profile's own page, the view turns into the new contact the profile becomes: that one takes focus.
    onMutate: (slug) => {
      focusPersonWhenShown((p) => p.id !== null && p.id !== contact.id && p.slugs.includes(slug));
      // Where focus was when the rep confirmed (the write takes a moment; they may move on meanwhile).
      return { from: document.activeElement };
    },
    onSuccess: (kept, slug, context) => {
      setConfirming(null);
      onUnlinked(slug, kept.linkedin.length, context?.from ?? null);
    },
    onError: () => cancelPersonFocus(),
  });
  const trigger = (slug: string) => list.current?.querySelector<HTMLElement>(`[data-unlink-slug="${CSS.escape(slug)}"]`);
  const cancel = () => {
    const slug = confirming;
    setConfirming(null);
    if (slug) focusSoon(() => trigger(slug));
  };
  // A contact known only by this one profile would be left with no email and no profile: nothing to unlink it from.
  const canUnlink = contact.emails.length > 0 || contact.linkedin.length > 1;
  return (
    <Section title="LinkedIn" testId="linked-profiles">
      <ul ref={list} className="link-list">
        {contact.linkedin.map((r) => (
          <li key={r.slug} className="link-row">
            <div>
              <button type="button" className="link" onClick={() => void openUrl(r.url)}>
                {r.url.replace(/^https:\/\/www\./, '')}
              </button>
              {r.headline && <div className="muted small">{r.headline}</div>}
              {confirming === r.slug && (
                <p className="small" data-testid="confirm-unlink-text">
                  Unlink this profile? It becomes a separate contact with its profile visits; notes and mail stay with {contact.name}.
                </p>
              )}
            </div>
            {canUnlink &&
              (confirming === r.slug ? (
                <span className="row" role="group" aria-label="Unlink this profile?" onKeyDown={cancelOnEscape(cancel)}>
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    // Not `disabled` while it runs: that would drop the focus it has.
                    aria-disabled={unlink.isPending || undefined}
                    onClick={() => !unlink.isPending && unlink.mutate(r.slug)}
                    data-testid="confirm-unlink"
                  >
                    Unlink
                  </button>
                  {/* Focus lands on Cancel, so a stray Enter keeps the link. */}
                  <button type="button" className="btn btn-small" onClick={cancel} autoFocus>
                    Cancel
                  </button>
                </span>
              ) : (
                <button type="button" className="btn btn-small" onClick={() => setConfirming(r.slug)} data-testid="unlink" data-unlink-slug={r.slug}>
                  Unlink
                </button>
              ))}
          </li>
        ))}
      </ul>
      <ErrorText error={unlink.error} />
    </Section>
  );
}

function EditContact({ contact, onCancel, onSaved }: { contact: Contact; onCancel: () => void; onSaved: () => void }) {
  const [form, setForm] = useState({
    name: contact.name,
    company: contact.company ?? '',
    title: contact.title ?? '',
    location: contact.location ?? '',
    emails: contact.emails.join(', '),
  });
  const save = useMutation({
    mutationFn: () =>
      updateContact(
        getDb(),
        contact.id,
        { ...form, emails: form.emails.split(/[,\s]+/).filter(Boolean) },
        Date.now(),
      ),
    onSuccess: onSaved,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!save.isPending) save.mutate();
  };
  const field = (key: keyof typeof form, label: string, first = false) => (
    <label className="field">
      <span>{label}</span>
      <input value={form[key]} autoFocus={first} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} />
    </label>
  );
  return (
    <form className="card form" onSubmit={submit} onKeyDown={cancelOnEscape(onCancel)} data-testid="edit-contact">
      {field('name', 'Name', true)}
      {field('company', 'Company')}
      {field('title', 'Title')}
      {field('location', 'Location')}
      {field('emails', 'Email addresses (comma-separated)')}
      <div className="row">
        {/* aria-disabled, not disabled, while saving: the button has focus, and a disabled button drops it. */}
        <button type="submit" className="btn btn-primary" aria-disabled={save.isPending || undefined}>
          Save details
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}

/**
 * One of the contact's email addresses. The header cuts a long one off with "…"; the full address was only in a
 * hover tooltip, out of reach from the keyboard. Focusable, it shows in full while focused (and is read in full).
 */
function ContactEmail({ email }: { email: string }) {
  // Focusable: the stylesheet shows the whole address while it has focus (`.contact-email:focus`).
  return (
    <p className="contact-email" data-testid="contact-email" title={email} tabIndex={0}>
      {email}
    </p>
  );
}

function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={fullDate(at)}>
      {relativeTime(at, now)}
    </time>
  );
}
