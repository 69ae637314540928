import { useState } from 'react';
import { crmFileName, loadCrmExport, LIFECYCLE_STAGE } from '@/lib/export/crm';
import { STAGE_LABEL, StageSchema } from '@/lib/playbook/types';
import { getDb } from '@/lib/db/schema';
import { useAnnounce } from '../a11y';
import { ErrorText } from '../panel/ui';
import { downloadParts } from './download';

/** CSV files a HubSpot or Salesforce import accepts: contacts (with their notes), and notes on their own. */
export function CrmExport() {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const announce = useAnnounce();
  const say = (message: string) => {
    setStatus(message);
    announce(message);
  };
  const run = async (kind: 'contacts' | 'notes') => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const out = await loadCrmExport(getDb());
      // An empty file would only be a header for the CRM to import: say there is nothing instead of saving one.
      const empty = emptyExportMessage(kind, out);
      if (empty) {
        say(empty);
        return;
      }
      const fileName = crmFileName(kind, Date.now());
      // The BOM makes Excel read the file as UTF-8 (names with accents survive); CRMs skip it.
      downloadParts(fileName, ['\uFEFF', kind === 'contacts' ? out.contactsCsv : out.notesCsv], 'text/csv');
      const what = kind === 'contacts' ? `${out.contacts} ${out.contacts === 1 ? 'contact' : 'contacts'}` : `${out.notes} ${out.notes === 1 ? 'note' : 'notes'}`;
      const skipped =
        kind === 'notes' && out.skippedNotes > 0
          ? ` ${out.skippedNotes === 1 ? '1 note belongs' : `${out.skippedNotes} notes belong`} to contacts without an email address, which a CRM cannot match: ${out.skippedNotes === 1 ? 'it is' : 'they are'} in the contacts file’s Notes column only.`
          : '';
      say(`Saved “${fileName}” with ${what}.${skipped}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="form" data-testid="crm-export">
      <p className="muted">
        Columns: First Name, Last Name, Email, Company, Job Title, LinkedIn URL, Lifecycle Stage and Notes (the notes file: Email,
        Date, Note). HubSpot matches them by name; in Salesforce’s import wizard, map them once. The last word of a name is the last
        name (“Meera Lakshmi Venkatesan” → “Meera Lakshmi” + “Venkatesan”); “Last, First” is understood.
      </p>
      <details>
        <summary>How stages become lifecycle stages</summary>
        <ul className="bk-list" data-testid="crm-stage-map">
          {StageSchema.options.map((s) => (
            <li key={s}>
              {STAGE_LABEL[s]} → {LIFECYCLE_STAGE[s]}
            </li>
          ))}
        </ul>
        <p className="muted small">The Notes column also says the stage in Resourceful’s words, with tags and any other email addresses.</p>
      </details>
      {/* aria-disabled while a file is made, not disabled: the pressed button keeps the focus. */}
      <div className="row">
        <button type="button" className="btn" onClick={() => void run('contacts')} aria-disabled={busy || undefined}>
          Download contacts CSV
        </button>
        <button type="button" className="btn" onClick={() => void run('notes')} aria-disabled={busy || undefined}>
          Download notes CSV
        </button>
      </div>
      {status && (
        // No role="status": it mounts with its text, which `say` announces.
        <p data-testid="crm-export-status">
          {status}
        </p>
      )}
      <ErrorText error={error} />
    </div>
  );
}

/** Why there is no file to save, or null when there is something to export. */
function emptyExportMessage(kind: 'contacts' | 'notes', out: { contacts: number; notes: number; skippedNotes: number }): string | null {
  if (kind === 'contacts') return out.contacts === 0 ? 'No contacts to export yet.' : null;
  if (out.notes > 0) return null;
  if (out.skippedNotes === 0) return 'No notes to export yet.';
  return out.skippedNotes === 1
    ? 'No notes to export: your only note belongs to a contact without an email address, which a CRM cannot match. It is in the contacts file’s Notes column.'
    : `No notes to export: your ${out.skippedNotes} notes belong to contacts without an email address, which a CRM cannot match. They are in the contacts file’s Notes column.`;
}
