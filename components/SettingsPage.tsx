import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { focusSoon, useAnnounce, useRemoveButtons } from './a11y';
import { saveSettings } from '@/lib/db/contacts';
import { SettingsSchema, type Settings } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import { normalizeEmail } from '@/lib/text';
import { useDraft, useSettings, useTheme } from './hooks';
import { BackupRestore } from './options/BackupRestore';
import { StorageStatusView } from './options/BackupStorage';
import { CrmExport } from './options/CrmExport';
import { DangerZone } from './options/DangerZone';
import { OfferProfileForm } from './options/OfferProfileForm';
import { ResourceLibrary } from './options/ResourceLibrary';
import { ErrorText, Section, sectionHeadingOf } from './panel/ui';

/** The page's sections, in order: the in-page navigation links to each by its anchor id, under the section's own title. */
const SECTIONS = [
  { id: 'offer-profile', label: 'Offer profile' },
  { id: 'resources', label: 'Resources' },
  { id: 'addresses', label: 'Your email addresses' },
  { id: 'playbook', label: 'Follow-ups and queue' },
  { id: 'appearance', label: 'Appearance' },
  { id: 'backup', label: 'Backup and restore' },
  { id: 'crm-export', label: 'Export for a CRM' },
  { id: 'storage', label: 'Storage' },
  { id: 'privacy', label: 'Privacy' },
  { id: 'danger-zone', label: 'Danger zone' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** A link target for the in-page navigation; focusable, so keyboard users land where they jumped. */
function Anchor({ id, children }: { id: SectionId; children: ReactNode }) {
  return (
    <div id={id} className="opt-anchor" tabIndex={-1}>
      {children}
    </div>
  );
}

/**
 * Options page: offer profile, resource library, the rep's own addresses, follow-ups, theme, backup and restore, CRM
 * export, storage use, privacy, and deleting all data.
 */
export function SettingsPage() {
  const settings = useSettings();
  useTheme(settings.theme);
  return (
    <main className="options">
      <div className="opt-intro">
        <h1>Resourceful settings</h1>
        <nav aria-label="Settings sections" className="opt-nav">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <Anchor id="offer-profile">
        <Section title="Offer profile">
          <OfferProfileForm />
        </Section>
      </Anchor>
      <Anchor id="resources">
        <Section title="Resources">
          <ResourceLibrary />
        </Section>
      </Anchor>
      <Anchor id="addresses">
        <OwnEmails settings={settings} />
      </Anchor>
      <Anchor id="playbook">
        <PlaybookSettings settings={settings} />
      </Anchor>
      <Anchor id="appearance">
        <Section title="Appearance">
          <label className="field">
            <span>Theme</span>
            <select value={settings.theme} onChange={(e) => void saveSettings(getDb(), { theme: e.target.value as Settings['theme'] })} data-testid="theme">
              <option value="system">Same as the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </Section>
      </Anchor>
      <Anchor id="backup">
        <Section title="Backup and restore" testId="backup-section">
          <BackupRestore />
        </Section>
      </Anchor>
      <Anchor id="crm-export">
        <Section title="Export for a CRM">
          <CrmExport />
        </Section>
      </Anchor>
      <Anchor id="storage">
        <Section title="Storage">
          <StorageStatusView />
        </Section>
      </Anchor>
      <Anchor id="privacy">
        <Section title="Privacy" testId="privacy">
          <Privacy />
        </Section>
      </Anchor>
      <Anchor id="danger-zone">
        <Section title="Danger zone">
          <DangerZone />
        </Section>
      </Anchor>
    </main>
  );
}

/** What is read where, what is kept and where, what never leaves, and why each permission is asked for. */
function Privacy() {
  return (
    <>
      <h3 className="bk-subhead">What it reads</h3>
      <ul className="capabilities">
        <li>
          On <strong>mail.google.com</strong>: the conversation you have open — its subject, the names and addresses of the people in
          it, each message’s date and text — and the address you are signed in with, to tell your messages from theirs.
        </li>
        <li>
          On <strong>www.linkedin.com</strong>: the profile you have open — name, headline, current company and title, location and the
          profile’s address. Not your feed, messages or connections.
        </li>
        <li>Nothing on any other site: it has no access to them. It reads pages; it never changes them.</li>
      </ul>
      <h3 className="bk-subhead">What it keeps, and where</h3>
      <ul className="capabilities">
        <li>
          In this browser’s own database (IndexedDB, in your Chrome profile on this computer): the contacts you save, your notes, their
          history with you, promises, your resource library and who got what, your offer profile and these settings.
        </li>
        <li>
          For the unanswered-inquiry queue: each Gmail conversation you open, as its subject, the sender’s name and address and the times
          of the latest messages — also for people you have not saved. “Delete all data” below removes them.
        </li>
        <li>What is on the tab you are looking at is held in memory only (storage.session) and is gone when the browser closes.</li>
      </ul>
      <h3 className="bk-subhead">What leaves the browser</h3>
      <ul className="capabilities">
        <li>
          Nothing. Resourceful makes no network requests: no account, no server, no analytics, no remote code, no web fonts. Resource
          links open only when you click them.
        </li>
        <li>Backups and CSV exports are files you download yourself; where they go is up to you. Backups are not encrypted.</li>
      </ul>
      <h3 className="bk-subhead">Permissions, and why</h3>
      <ul className="capabilities" data-testid="permissions">
        <li>
          <strong>sidePanel</strong>: Resourceful is a side panel beside the page.
        </li>
        <li>
          <strong>storage</strong>: to hand “what is on this tab” from the page to the panel (storage.session, memory only). Your data
          itself is in IndexedDB, which needs no permission.
        </li>
        <li>
          <strong>Host access to https://mail.google.com/* and https://www.linkedin.com/* only</strong>: to read the open conversation or
          profile there. No other site.
        </li>
      </ul>
    </>
  );
}

function OwnEmails({ settings }: { settings: Settings }) {
  const { draft, setDraft, error, setError, commit } = useDraft('address');
  const input = useRef<HTMLInputElement>(null);
  const removal = useRemoveButtons(
    () => input.current,
    (e) => `Removed ${e}.`,
  );
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const email = normalizeEmail(draft);
    if (!email) {
      setError("That doesn't look like an email address.");
      return;
    }
    await commit(() => saveSettings(getDb(), { ownEmails: [...settings.ownEmails, email] }));
  };
  return (
    <Section title="Your email addresses" testId="own-emails">
      <p className="muted">
        The Gmail account you are signed in to is recognised by itself. Add aliases and other addresses you write from, so
        your own messages are never taken for the other party.
      </p>
      <ul className="tag-list">
        {settings.ownEmails.map((e) => (
          <li key={e} className="tag" data-testid="own-email">
            {e}
            <button
              ref={removal.ref(e)}
              type="button"
              className="tag-remove"
              aria-label={`Remove ${e}`}
              onClick={() => void removal.remove(settings.ownEmails, e, (ownEmails) => saveSettings(getDb(), { ownEmails }))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={add}>
        <label className="sr-only" htmlFor="own-email">
          Add an address
        </label>
        <input ref={input} id="own-email" type="email" value={draft} placeholder="me@example.com" onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="btn btn-primary">
          Add
        </button>
      </form>
      <ErrorText error={error} />
    </Section>
  );
}

/** Follow-up planner thresholds, muted senders of the unanswered queue, and the optional on-device AI polish. */
function PlaybookSettings({ settings }: { settings: Settings }) {
  // A local copy answers the click at once; the database write follows (a controlled checkbox would snap back to the
  // stored value until the live query catches up).
  const [aiPolish, setAiPolish] = useState(settings.aiPolish);
  useEffect(() => setAiPolish(settings.aiPolish), [settings.aiPolish]);
  const mutedField = useRef<HTMLDivElement>(null);
  // The last one unmuted: the list gives way to a sentence, so focus goes to the section's heading.
  const removal = useRemoveButtons(
    () => sectionHeadingOf(mutedField.current),
    (m) => `Unmuted ${m}.`,
  );
  return (
    <Section title="Follow-ups and queue" testId="playbook-settings">
      <NumberSetting name="dormantDays" label="A contact is quiet after this many days without contact" stored={settings.dormantDays} />
      <NumberSetting name="maxUnansweredFollowUps" label="After this many follow-ups without an answer, suggest closing the file" stored={settings.maxUnansweredFollowUps} />
      <div className="field" ref={mutedField}>
        <span>Muted in the unanswered queue (newsletters, notifications)</span>
        {settings.muted.length === 0 ? (
          <p className="muted">Nobody is muted. Mute a sender or a whole domain from the queue in the side panel.</p>
        ) : (
          <ul className="tag-list">
            {settings.muted.map((m) => (
              <li key={m} className="tag" data-testid="muted-entry">
                {m}
                <button
                  ref={removal.ref(m)}
                  type="button"
                  className="tag-remove"
                  aria-label={`Unmute ${m}`}
                  onClick={() => void removal.remove(settings.muted, m, (muted) => saveSettings(getDb(), { muted }))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {/* Not a wrapping flex row: in one, the long text wrapped as a whole onto the line below the box. */}
      <label className="opt-check">
        <input
          type="checkbox"
          style={{ width: 'auto' }}
          checked={aiPolish}
          onChange={(e) => {
            setAiPolish(e.target.checked);
            void saveSettings(getDb(), { aiPolish: e.target.checked });
          }}
          data-testid="ai-polish"
        />{' '}
        <span>Offer “Polish with on-device AI” in the reply editor (Chrome’s built-in model; nothing leaves your computer)</span>
      </label>
    </Section>
  );
}

type NumberSettingName = 'dormantDays' | 'maxUnansweredFollowUps';

/**
 * The range SettingsSchema (lib/db/models.ts) accepts for each number, for the field's min/max and its message; the
 * schema itself decides what is saved.
 */
const NUMBER_RANGE: Record<NumberSettingName, { min: number; max: number }> = {
  dormantDays: { min: 1, max: 3650 },
  maxUnansweredFollowUps: { min: 1, max: 20 },
};

/**
 * A whole-number setting, saved as it is typed. A value the settings refuse is never written: the field says what it
 * takes and is marked invalid, and leaving it puts the stored value back, so what it shows is what is in force.
 */
function NumberSetting({ name, label, stored }: { name: NumberSettingName; label: string; stored: number }) {
  const { min, max } = NUMBER_RANGE[name];
  const inputId = useId();
  const messageId = useId();
  const [text, setText] = useState(String(stored));
  const [status, setStatus] = useState<'idle' | 'invalid' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const typing = useRef(false);
  const storedNow = useRef(stored);
  // Only the latest keystroke's save may say "Saved." (an earlier one can finish after a later one was made).
  const latest = useRef(0);
  const saving = useRef(0);
  const lastSaved = useRef<number | null>(null);
  // A value stored elsewhere (another tab, a restore) shows here, but not while the rep types: the live query
  // answering the save of "4" would otherwise put "4" back under a "45" typed since.
  useEffect(() => {
    storedNow.current = stored;
    if (!typing.current) setText(String(stored));
  }, [stored]);

  const valid = (value: string) => value !== '' && SettingsSchema.shape[name].safeParse(Number(value)).success;

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setText(value);
    setError(null);
    const save = ++latest.current;
    // Empty is a field being retyped, not a mistake yet; but the browser also reports what it cannot read as a number
    // ("1e", "-") as empty, flagged as bad input.
    if (value === '' && !e.target.validity.badInput) {
      setStatus('idle');
      return;
    }
    if (!valid(value)) {
      setStatus('invalid');
      return;
    }
    setStatus('idle');
    saving.current += 1;
    try {
      await saveSettings(getDb(), { [name]: Number(value) });
      lastSaved.current = Number(value);
      if (save === latest.current) setStatus('saved');
    } catch (err) {
      if (save === latest.current) {
        setError(err);
        // Failed after the rep left the field: it shows what is in force, as leaving it does.
        if (!typing.current) setText(String(storedNow.current));
      }
    } finally {
      saving.current -= 1;
    }
  };
  // Leaving the field shows the value in force: a refused value, an emptied field or a failed save give way to the
  // stored one. A value being saved or just saved stays: the live query may not have brought it yet, and putting the
  // older stored value back would flash it (the effect above catches up).
  const onBlur = () => {
    typing.current = false;
    if (valid(text) && (saving.current > 0 || Number(text) === lastSaved.current)) return;
    setText(String(stored));
    setStatus((now) => (now === 'invalid' ? 'idle' : now));
  };

  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="opt-number"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={status === 'invalid' || undefined}
        aria-describedby={messageId}
        data-testid={name}
        onFocus={() => {
          typing.current = true;
        }}
        onBlur={onBlur}
        onChange={(e) => void onChange(e)}
      />
      <span id={messageId} className={status === 'invalid' ? 'error small' : 'opt-status'} role="status" data-testid={`${name}-status`}>
        {status === 'invalid' ? `Enter a whole number from ${min} to ${max}.` : status === 'saved' ? 'Saved.' : ''}
      </span>
      <ErrorText error={error} />
    </div>
  );
}
