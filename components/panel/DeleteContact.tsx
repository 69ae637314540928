import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { contactFootprint, describeFootprint, describeKept, eraseContact } from '@/lib/backup/erase';
import { openOptions } from '@/lib/browser/tabs';
import type { Contact } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import { useAnnounce } from '../a11y';
import { ErrorText } from './ui';
// bk-danger: the red edge the options page's danger zone has too.
import '../options/backup.css';

/**
 * Deletes a contact with everything about them, after a confirmation that says what goes and suggests a backup.
 * `onDeleted` runs once they are gone (the view around it goes too: it says where focus goes next).
 */
export function DeleteContact({ contact, onDeleted }: { contact: Contact; onDeleted?: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const button = useRef<HTMLButtonElement>(null);
  const announce = useAnnounce();
  const footprint = useLiveQuery(() => (confirming ? contactFootprint(getDb(), contact.id) : undefined), [confirming, contact.id]);
  const cancel = () => {
    setConfirming(false);
    button.current?.focus();
  };
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      // The view of this contact goes away with it: there is nothing to reset afterwards.
      await eraseContact(getDb(), contact.id);
      onDeleted?.();
      announce(`Deleted ${contact.name}.`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const what = footprint ? describeFootprint(footprint) : '';
  const kept = footprint ? describeKept(footprint) : '';
  return (
    <div className="section" data-testid="delete-contact">
      <div className="row">
        <button ref={button} type="button" className="btn btn-small btn-danger" aria-expanded={confirming} onClick={() => setConfirming(true)}>
          Delete contact
        </button>
      </div>
      {confirming && (
        <div
          className="card form bk-danger"
          role="group"
          aria-label={`Confirm deleting ${contact.name}`}
          data-testid="confirm-delete-contact"
          onKeyDown={(e) => e.key === 'Escape' && cancel()}
        >
          <p data-testid="confirm-delete-contact-text">
            Delete {contact.name}
            {what ? ` ${what}` : ''}? This cannot be undone.
          </p>
          {kept && (
            <p className="muted small" data-testid="confirm-delete-contact-kept">
              {kept}
            </p>
          )}
          <p className="muted small">
            Back up first if you may want them back:{' '}
            <button type="button" className="link" onClick={() => void openOptions()}>
              Settings → Backup
            </button>
          </p>
          <div className="row">
            {/* aria-disabled while deleting: it has focus, and a disabled button would drop it before the view goes. */}
            <button type="button" className="btn btn-small btn-danger" onClick={() => void remove()} disabled={!footprint} aria-disabled={busy || undefined}>
              Yes, delete
            </button>
            {/* Focus lands on Cancel, so a stray Enter keeps the contact. */}
            <button type="button" className="btn btn-small" onClick={cancel} autoFocus>
              Cancel
            </button>
          </div>
          <ErrorText error={error} />
        </div>
      )}
    </div>
  );
}
