import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
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
import { KnownSummary } from './KnownSummary';

/** What the current page adds to a contact's header (the Gmail thread they are in). */
export interface PageContext {
  subject: string | null;
  lastWroteAt: number | null;
  lastWroteRaw: string | null;
  /** The rep's answer to that last message, if they have answered it (`repliedAfterInbound`). */
  replied?: { at: number | null; raw: string } | null;
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
  // Loaded once for both sections below, after the first paint.
  const history = useContactHistory(contact.id);
  // The first screen's two reads, once: "What you know", Notes and History all show them.
  const notes = useLiveRead(firstScreen.notes(contact.id));
  const firstPage = useLiveRead(firstScreen.timeline(contact.id, HISTORY_PAGE + 1));
  return (
    <article className="contact" data-testid="contact" data-contact-id={contact.id}>
      <header className="contact-head">
        <Avatar name={contact.name} />
        <div className="contact-id">
          <h1 data-testid="contact-name">{contact.name}</h1>
          {(contact.title || contact.company) && (
            <p className="contact-role" data-testid="contact-role">
              {[contact.title, contact.company].filter(Boolean).join(' · ')}
            </p>
          )}
          {contact.emails.map((e) => (
            <p key={e} className="contact-email" data-testid="contact-email" title={e}>
              {e}
            </p>
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
          <button type="button" className="btn btn-small" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            {editing ? 'Close editor' : 'Edit details'}
          </button>
        }
      >
        {editing && <EditContact contact={contact} onDone={() => setEditing(false)} />}
        <TagsEditor contact={contact} />
      </Section>
      {contact.linkedin.length > 0 && <LinkedProfiles contact={contact} />}
      <NotesSection contactId={contact.id} now={now} notes={notes} />
      <HistorySection contactId={contact.id} now={now} firstPage={firstPage} />
      <DeleteContact contact={contact} />
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

function LinkedProfiles({ contact }: { contact: Contact }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const unlink = useMutation({
    mutationFn: (slug: string) => unlinkProfile(getDb(), contact.id, slug, Date.now()),
    onSuccess: (_c, slug) => {
      setConfirming(null);
      setDone(slug);
    },
  });
  // A contact known only by this one profile would be left with no email and no profile: nothing to unlink it from.
  const canUnlink = contact.emails.length > 0 || contact.linkedin.length > 1;
  return (
    <Section title="LinkedIn" testId="linked-profiles">
      <ul className="link-list">
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
                <span className="row" role="group" aria-label="Unlink this profile?">
                  <button type="button" className="btn btn-small btn-danger" onClick={() => unlink.mutate(r.slug)} disabled={unlink.isPending} data-testid="confirm-unlink">
                    Unlink
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <button type="button" className="btn btn-small" onClick={() => setConfirming(r.slug)} data-testid="unlink">
                  Unlink
                </button>
              ))}
          </li>
        ))}
      </ul>
      <p className="small" role="status" data-testid="unlink-status">
        {done && !contact.linkedinSlugs.includes(done) ? 'Unlinked. The profile is now a separate contact.' : ''}
      </p>
      <ErrorText error={unlink.error} />
    </Section>
  );
}

function EditContact({ contact, onDone }: { contact: Contact; onDone: () => void }) {
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
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const field = (key: keyof typeof form, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input value={form[key]} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} />
    </label>
  );
  return (
    <form className="card form" onSubmit={submit} data-testid="edit-contact">
      {field('name', 'Name')}
      {field('company', 'Company')}
      {field('title', 'Title')}
      {field('location', 'Location')}
      {field('emails', 'Email addresses (comma-separated)')}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save details
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}

function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={fullDate(at)}>
      {relativeTime(at, now)}
    </time>
  );
}
