import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { countRows, wipeAll } from '@/lib/backup/erase';
import { describeCounts, type Counts } from '@/lib/backup/format';
import { backupQueries } from '@/lib/backup/queries';
import type { Progress } from '@/lib/backup/write';
import { getDb } from '@/lib/db/schema';
import { useAnnounce } from '../a11y';
import { ErrorText } from '../panel/ui';
import { ConfirmDialog } from './BackupConfirmDialog';
import { downloadBackup } from './BackupFiles';
import { ProgressBar } from './BackupRestore';

/** Deleting all data: asks first, names what goes, and offers a backup on the spot. */
export function DangerZone() {
  const client = useQueryClient();
  const [confirm, setConfirm] = useState<Counts | null>(null);
  const [busy, setBusy] = useState(false);
  const [backupProgress, setBackupProgress] = useState<Progress | null>(null);
  const [backedUp, setBackedUp] = useState<string | null>(null);
  const [done, setDone] = useState<Counts | null>(null);
  const [error, setError] = useState<unknown>(null);
  const announce = useAnnounce();
  const opener = useRef<HTMLButtonElement>(null);
  // The rep's second click while the rows are counted opens no second dialog.
  const asking = useRef(false);

  const ask = async () => {
    if (asking.current || confirm) return;
    asking.current = true;
    setDone(null);
    setError(null);
    setBackedUp(null);
    try {
      setConfirm(await countRows(getDb()));
    } catch (e) {
      setError(e);
    } finally {
      asking.current = false;
    }
  };
  const backUp = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setBackupProgress({ done: 0, total: 0, table: 'contacts' });
      const { fileName } = await downloadBackup(setBackupProgress);
      setBackedUp(fileName);
      announce(`Saved “${fileName}”.`);
    } catch (e) {
      setError(e);
    } finally {
      setBackupProgress(null);
      setBusy(false);
    }
  };
  const wipe = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const counts = await wipeAll(getDb());
      setDone(counts);
      // Closing the dialog puts the focus back on "Delete all data…", which stays.
      setConfirm(null);
      announce(wipeDoneText(counts));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      void client.invalidateQueries(backupQueries.storage());
    }
  };

  return (
    <div className="card form bk-danger" data-testid="danger-zone">
      <p>
        Delete everything Resourceful keeps in this browser: contacts, notes, history, promises, resources, the email threads of the
        queue, your offer profile and settings. It cannot be undone; a backup is the only way back.
      </p>
      <div className="row">
        <button ref={opener} type="button" className="btn btn-danger" onClick={() => void ask()}>
          Delete all data…
        </button>
      </div>
      {done && (
        // Announced instead of role="status": it mounts with its text.
        <p data-testid="wipe-done">{wipeDoneText(done)}</p>
      )}
      {confirm && (
        <ConfirmDialog
          title="Delete all data?"
          confirmLabel="Delete everything"
          testId="confirm-wipe"
          busy={busy}
          returnFocus={() => opener.current}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void wipe()}
        >
          <p data-testid="confirm-wipe-text">This deletes {describeCounts(confirm)} from this browser, for good.</p>
          <p>Back up first if you might want any of it back.</p>
          <div className="row">
            <button type="button" className="btn" onClick={() => void backUp()} aria-disabled={busy || undefined}>
              Download a backup first
            </button>
          </div>
          {backupProgress && <ProgressBar label="Backing up…" done={backupProgress.done} total={backupProgress.total} />}
          {backedUp && (
            <p data-testid="wipe-backed-up">
              Saved “{backedUp}”.
            </p>
          )}
          <ErrorText error={error} />
        </ConfirmDialog>
      )}
      {!confirm && <ErrorText error={error} />}
    </div>
  );
}

/** What the wipe did, shown and announced. */
function wipeDoneText(counts: Counts): string {
  return `Deleted ${describeCounts(counts)}. Resourceful is empty.`;
}
