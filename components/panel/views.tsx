import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { candidateFromProfile, latestInboundIndex, otherPartyOfThread, repliedAfterInbound } from '@/lib/contacts/identity';
import type { LinkedInProfile } from '@/lib/linkedin/types';
import type { Contact } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import type { PageSnapshot } from '@/lib/messaging';
import { relativeTime } from '@/lib/panel/format';
import { firstScreen, RECENT_COUNT } from '@/lib/panel/queries';
import { useLiveRead } from '../hooks';
import { CandidateCard } from './CandidateCard';
import { ContactView, focusPersonWhenShown } from './ContactView';
import { LinkSection, useLinkSuggestions } from './LinkSection';
import { ManualAddForm } from './ManualAddForm';
import type { ReplyUseResult } from './ReplyStudio';
import { UnansweredSection } from './UnansweredSection';
import { useAfterContent } from './lazy';
import { SearchSection } from './SearchSection';
import { OnboardingCard, QuickAddResourceButton } from './Onboarding';
import { Avatar, Section, StateMessage } from './ui';

// The reply studio brings triage, suggestions and the trust check (a sixth of the panel's code): loaded on demand,
// so home, LinkedIn and the first paint of a contact do not wait for it.
const ReplyStudio = lazy(() => import('./ReplyStudio').then((m) => ({ default: m.ReplyStudio })));

type GmailSnapshot = Extract<PageSnapshot, { site: 'gmail' }>;
type LinkedInSnapshot = Extract<PageSnapshot, { site: 'linkedin' }>;

/** Shown when the page could not be read: say so plainly, and offer the manual way. */
function CouldNotRead({ site, pageUrl, onSaved }: { site: 'Gmail' | 'LinkedIn'; pageUrl?: string | null; onSaved: (id: string) => void }) {
  return (
    <>
      <StateMessage kind="error" title="Couldn't read this page">
        <p>
          {site} may have changed its layout, or the page is still loading. You can add the contact by hand; the panel
          updates by itself when the page becomes readable.
        </p>
      </StateMessage>
      {/* Saving opens the new contact: collapsing back under the same error said nothing. */}
      <ManualAddForm initialOpen pageUrl={pageUrl} onSaved={onSaved} />
    </>
  );
}

/**
 * Renders its children once the saved contact's notes and history are on screen (at the next idle moment for a
 * person not saved yet): the reply studio's code and its first triage would otherwise hold those up.
 */
function AfterContent({ contactId, threadKey, children }: { contactId: string | null; threadKey: string; children: React.ReactNode }) {
  return useAfterContent(contactId, threadKey) ? children : null;
}

/** A Gmail thread: the other party, saved or not, and the reply studio for their latest message. */
export function GmailView({ tabId, snapshot, ownEmails, now, onOpenContact }: { tabId: number; snapshot: GmailSnapshot; ownEmails: readonly string[]; now: number; onOpenContact: (id: string) => void }) {
  const thread = snapshot.thread;
  const candidate = thread ? otherPartyOfThread(thread, ownEmails) : null;
  const saved = useLiveRead(firstScreen.contactByEmail(candidate?.email ?? null));
  const [replyResult, setReplyResult] = useState<{ key: string; result: ReplyUseResult } | null>(null);
  const threadKey = thread?.threadId ?? snapshot.url;
  if (!thread) {
    return snapshot.threadUrl ? <CouldNotRead key={snapshot.url} site="Gmail" onSaved={onOpenContact} /> : <HomeView now={now} onOpenContact={onOpenContact} hint="Open a conversation in Gmail to see who it's with." />;
  }
  if (!candidate) {
    return <HomeView now={now} onOpenContact={onOpenContact} hint="Only you are in this conversation so far." />;
  }
  if (saved === undefined) return <StateMessage kind="loading" title="Looking up this contact…" />;
  const inbound = latestInboundIndex(thread, ownEmails);
  const replied = repliedAfterInbound(thread, ownEmails, inbound);
  const page = { ...candidate, replied };
  const studio =
    inbound === null ? null : (
      <AfterContent contactId={saved?.id ?? null} threadKey={threadKey}>
        <Suspense fallback={null}>
          <ReplyStudio
          tabId={tabId}
          thread={thread}
          inboundIndex={inbound}
          url={snapshot.url}
          candidate={candidate}
          contact={saved}
          ownEmails={ownEmails}
          result={replyResult?.key === threadKey ? replyResult.result : null}
          onResult={(result) => setReplyResult({ key: threadKey, result })}
          />
        </Suspense>
      </AfterContent>
    );
  // Already answered: nothing is waiting, so the studio waits behind a click instead of inviting a second reply.
  const studioSlot = studio && replied ? <AnsweredStudio replied={replied} now={now} threadKey={threadKey}>{studio}</AnsweredStudio> : studio;
  // Keyed by contact: forms inside (decline reasons, the editor) hold state that belongs to one person, and the live
  // lookup keeps returning the previous contact until the new one answers, so React would reuse them for the next.
  if (saved) return <ContactView key={saved.id} contact={saved} page={page} now={now} extra={studioSlot} thread={thread} ownEmails={ownEmails} />;
  return (
    <>
      <CandidateCard candidate={candidate} page={page} thread={thread} url={snapshot.url} ownEmails={ownEmails} now={now} />
      {studioSlot}
    </>
  );
}

/** A LinkedIn profile: the person, saved or not, and the offer to link them to a contact the rep already has. */
export function LinkedInView({ snapshot, now, onOpenContact }: { snapshot: LinkedInSnapshot; now: number; onOpenContact: (id: string) => void }) {
  const profile = snapshot.profile;
  const saved = useLiveRead(firstScreen.contactBySlug(profile?.slug ?? null));
  if (!profile) {
    return snapshot.profileUrl ? <CouldNotRead key={snapshot.url} site="LinkedIn" pageUrl={snapshot.url} onSaved={onOpenContact} /> : <HomeView now={now} onOpenContact={onOpenContact} hint="Open someone's LinkedIn profile to see your history with them." />;
  }
  if (saved === undefined) return <StateMessage kind="loading" title="Looking up this contact…" />;
  if (saved) {
    // A profile saved on its own (no email yet) may be someone the rep has emailed: offer to link them.
    return <ContactView key={saved.id} contact={saved} now={now} extra={saved.emails.length === 0 ? <LinkSection profile={profile} /> : undefined} />;
  }
  return <UnsavedProfile profile={profile} now={now} />;
}

/**
 * A profile nobody saved yet. When a saved contact looks like the same person, linking comes first: saving first made
 * a second copy with an empty history, the opposite of "the same person's history, even if you only ever emailed".
 */
function UnsavedProfile({ profile, now }: { profile: LinkedInProfile; now: number }) {
  const suggestions = useLinkSuggestions(profile);
  const known = (suggestions?.length ?? 0) > 0;
  // Keyed, so the two keep their state (the contact search typed so far) when the order flips as the answer comes.
  const card = <CandidateCard key="card" candidate={candidateFromProfile(profile)} alreadyKnown={known} ownEmails={[]} now={now} />;
  const link = <LinkSection key="link" profile={profile} suggestions={suggestions} first={known} />;
  return <>{known ? [link, card] : [card, link]}</>;
}

/** Where on home a contact was opened from, for "← Back" to return focus to. */
interface OpenedFrom {
  id: string;
  from: 'recent' | 'search' | 'manual';
}
// The home view is gone while a contact is open (and its state with it), so where it was opened from lives here.
let openedFrom: OpenedFrom | null = null;
// Set by "← Back" for the home view it brings back, taken by that view when it mounts; it lapses quickly, so a home
// view that shows up for another reason later (another page) does not move focus.
let returning: (OpenedFrom & { until: number }) | null = null;
const RETURN_MS = 2_000;

/** Any other page: what the panel can do, and recent contacts. */
export function HomeView({ now, onOpenContact, hint }: { now: number; onOpenContact: (id: string) => void; hint?: string }) {
  const recent = useLiveRead(firstScreen.recent(RECENT_COUNT));
  const home = useRef<HTMLDivElement>(null);
  const [returnTo] = useState(() => (returning && returning.until >= Date.now() ? returning : null));
  // Where Back put focus: nowhere yet, the entry itself (done), or its section's heading while the entry was missing.
  const returned = useRef<'no' | 'entry' | HTMLElement>('no');
  useEffect(() => {
    // Back from a contact: focus the entry it was opened from, once the list is there, or its section's heading when
    // the entry is not (search results do not outlive the home view; the contact may have left the recent list).
    if (!returnTo || returned.current === 'entry' || recent === undefined) return;
    returning = null;
    const root = home.current;
    const find = (selector: string) => root?.querySelector<HTMLElement>(selector) ?? null;
    const entry =
      returnTo.from === 'recent'
        ? find(`[data-testid="recent-contact"][data-contact-id="${CSS.escape(returnTo.id)}"]`)
        : returnTo.from === 'manual'
          ? find('[data-testid="manual-add-open"]')
          : null;
    const fallback = returned.current;
    if (entry) {
      // The first list shown may be the copy read when the panel opened, without a contact saved since: the live
      // list that follows moves focus on to the entry, unless the rep has moved it already.
      if (fallback === 'no' || document.activeElement === fallback) entry.focus();
      returned.current = 'entry';
    } else if (fallback === 'no') {
      const heading = find(`[data-testid="${returnTo.from === 'search' ? 'search' : 'recent'}"] [data-section-heading]`);
      heading?.focus();
      returned.current = heading ?? 'entry';
    }
  }, [returnTo, recent]);
  const open = (id: string, from: OpenedFrom['from']) => {
    openedFrom = { id, from };
    // The entry that had focus goes with the home view: the contact's name takes it.
    focusPersonWhenShown((p) => p.id === id);
    onOpenContact(id);
  };
  return (
    <div ref={home} className="home" data-testid="home">
      {/* What the panel does, until the rep has contacts of their own; a page-specific hint always shows. */}
      {hint ? (
        <StateMessage kind="info" title={hint} />
      ) : (
        recent?.length === 0 && (
          <StateMessage kind="info" title="Resourceful works in Gmail and on LinkedIn.">
            <ul className="capabilities" data-testid="capabilities">
              <li>Open a Gmail conversation: see who it's with, what you know about them and what you promised.</li>
              <li>Open a LinkedIn profile: see the same person's history, even if you only ever emailed them.</li>
              <li>Save a person with one click; notes and history stay in this browser, nowhere else.</li>
            </ul>
          </StateMessage>
        )
      )}
      <OnboardingCard />
      <SearchSection onOpenContact={(id) => open(id, 'search')} />
      <UnansweredSection now={now} />
      <Section title="Recent contacts" testId="recent">
        {recent === undefined ? null : recent.length === 0 ? (
          <p className="muted" data-testid="recent-empty">
            No contacts yet. Save someone from a Gmail thread or a LinkedIn profile.
          </p>
        ) : (
          <ul className="recent">
            {recent.map((c) => (
              <RecentRow key={c.id} contact={c} now={now} onOpen={() => open(c.id, 'recent')} />
            ))}
          </ul>
        )}
      </Section>
      <ManualAddForm onSaved={(id) => open(id, 'manual')} />
      <QuickAddResourceButton />
    </div>
  );
}

function RecentRow({ contact, now, onOpen }: { contact: Contact; now: number; onOpen: () => void }) {
  return (
    <li>
      <button type="button" className="recent-row" onClick={onOpen} data-testid="recent-contact" data-contact-id={contact.id}>
        <Avatar name={contact.name} />
        <span className="recent-text">
          <strong>{contact.name}</strong>
          <span className="muted small">{[contact.company, contact.emails[0]].filter(Boolean).join(' · ')}</span>
        </span>
        {contact.lastInteractionAt !== null && <span className="muted small">{relativeTime(contact.lastInteractionAt, now)}</span>}
      </button>
    </li>
  );
}

/** A contact opened from the recent list or search, with a way back. */
export function ContactById({ id, now, onBack }: { id: string; now: number; onBack: () => void }) {
  const contact = useLiveQuery(async () => (await getDb().contacts.get(id)) ?? null, [id]);
  const back = useRef<HTMLButtonElement>(null);
  const gone = contact === null;
  // Deleted (here, or before it could open): the contact view and whatever had focus in it are gone; Back is what is
  // left to act on.
  useEffect(() => {
    if (gone) back.current?.focus();
  }, [gone]);
  const goBack = () => {
    returning = openedFrom?.id === id ? { ...openedFrom, until: Date.now() + RETURN_MS } : null;
    onBack();
  };
  return (
    <>
      <button ref={back} type="button" className="btn btn-small back" onClick={goBack}>
        ← Back
      </button>
      {contact === undefined ? (
        <StateMessage kind="loading" title="Loading…" />
      ) : contact === null ? (
        <StateMessage kind="empty" title="This contact no longer exists." />
      ) : (
        <ContactView key={contact.id} contact={contact} now={now} />
      )}
    </>
  );
}

/** The reply studio of a thread the rep has already answered: closed, with a way to write another reply anyway. */
function AnsweredStudio({ replied, now, threadKey, children }: { replied: { at: number | null; raw: string }; now: number; threadKey: string; children: React.ReactNode }) {
  const [openFor, setOpenFor] = useState<string | null>(null);
  if (openFor === threadKey) return <>{children}</>;
  return (
    <div className="card answered" data-testid="answered">
      <p className="state-title">
        You replied {replied.at !== null ? relativeTime(replied.at, now) : replied.raw}. Nothing is waiting for you here.
      </p>
      <button type="button" className="btn btn-small" onClick={() => setOpenFor(threadKey)} data-testid="write-another">
        Write another reply
      </button>
    </div>
  );
}
