import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ContactCandidate } from '@/lib/contacts/identity';
import { saveCandidate } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/schema';
import type { GmailThread } from '@/lib/gmail/types';
import { cancelPersonFocus, focusPersonWhenShown, ThreadLine, usePersonFocus, type PageContext } from './ContactView';
import { Avatar, ErrorText } from './ui';

/** The person on the page, not saved yet: what we can see, and one click to save them. Nothing is saved on its own. */
export function CandidateCard({
  candidate,
  alreadyKnown = false,
  page,
  thread,
  url,
  ownEmails,
  now,
}: {
  candidate: ContactCandidate;
  /** A saved contact looks like the same person: linking comes first, saving a second copy second. */
  alreadyKnown?: boolean;
  /** What the thread line shows, when it says more than the candidate (whether the rep has replied). */
  page?: PageContext;
  thread?: GmailThread | null;
  url?: string | null;
  ownEmails: readonly string[];
  now: number;
}) {
  const save = useMutation({
    mutationFn: () => saveCandidate(getDb(), candidate, { now: Date.now(), thread, url, ownEmails }),
    // No saved view is coming: the focus request must not wait for one.
    onError: () => cancelPersonFocus(),
  });
  const li = candidate.linkedin;
  const heading = useRef<HTMLHeadingElement>(null);
  const emails = candidate.email ? [candidate.email] : [];
  const slugs = li ? [li.slug] : [];
  // After a contact is deleted, this card takes its view's place on the page and focus.
  usePersonFocus({ id: null, emails, slugs }, heading);
  const onSave = () => {
    if (save.isPending) return;
    // The saved contact's view replaces this card (and the button that has focus): its name takes focus.
    focusPersonWhenShown((p) => p.id !== null && (p.emails.some((e) => emails.includes(e)) || p.slugs.some((s) => slugs.includes(s))));
    save.mutate();
  };
  return (
    <article className="contact candidate" data-testid="candidate">
      <header className="contact-head">
        <Avatar name={candidate.name} />
        <div className="contact-id">
          <h1 ref={heading} tabIndex={-1} data-testid="contact-name">
            {candidate.name}
          </h1>
          {li?.headline && (
            <p className="contact-headline" data-testid="contact-headline">
              {li.headline}
            </p>
          )}
          {(candidate.title || candidate.company) && (
            <p className="contact-role" data-testid="contact-role">
              {[candidate.title, candidate.company].filter(Boolean).join(' · ')}
              {candidate.companySource === 'email_domain' && <span className="muted small"> (from email domain)</span>}
            </p>
          )}
          {candidate.email && (
            <p className="contact-email" data-testid="contact-email">
              {candidate.email}
            </p>
          )}
          {candidate.location && (
            <p className="muted small" data-testid="contact-location">
              {candidate.location}
            </p>
          )}
          {li && (
            <p className="muted small" data-testid="contact-url">
              {li.url}
            </p>
          )}
        </div>
      </header>
      {candidate.source === 'gmail' && <ThreadLine page={page ?? candidate} now={now} />}
      <div className="row">
        {/* aria-disabled while saving, not disabled: the button has focus, and a disabled one drops it. */}
        <button type="button" className={alreadyKnown ? 'btn' : 'btn btn-primary'} data-testid="save-contact" aria-disabled={save.isPending || undefined} onClick={onSave}>
          {save.isPending ? 'Saving…' : alreadyKnown ? 'Save as a new contact' : 'Save contact'}
        </button>
        <span className="muted small">Saved contacts get notes, tags and a history.</span>
      </div>
      <ErrorText error={save.error} />
    </article>
  );
}
