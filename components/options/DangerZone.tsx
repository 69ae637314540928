import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { countRows, wipeAll } from '@/lib/backup/erase';
import { describeCounts, type Counts } from '@/lib/backup/format';
import { backupQueries } from '@/lib/backup/queries';
import type { Progress } from '@/lib/backup/write';
import { getDb } from '@/lib/db/schema';
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

  const ask = async () => {
    setDone(null);
    setError(null);
    setBackedUp(null);
    setConfirm(await countRows(getDb()));
  };
  const backUp = async () => {
    setBusy(true);
    setError(null);
    try {
      setBackupProgress({ done: 0, total: 0, table: 'contacts' });
      setBackedUp((await downloadBackup(setBackupProgress)).fileName);
    } catch (e) {
      setError(e);
    } finally {
      setBackupProgress(null);
      setBusy(false);
    }
  };
  const wipe = async () => {
    setBusy(true);
    try {
      setDone(await wipeAll(getDb()));
      setConfirm(null);
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
        <button type="button" className="btn btn-danger" onClick={() => void ask()}>
          Delete all data…
        </button>
      </div>
      {done && (
        <p role="status" data-testid="wipe-done">
          Deleted {describeCounts(done)}. Resourceful is empty.
        </p>
      )}
      {confirm && (
        <ConfirmDialog
          title="Delete all data?"
          confirmLabel="Delete everything"
          testId="confirm-wipe"
          busy={busy}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void wipe()}
        >
          <p data-testid="confirm-wipe-text">This deletes {describeCounts(confirm)} from this browser, for good.</p>
          <p>Back up first if you might want any of it back.</p>
          <div className="row">
            <button type="button" className="btn" onClick={() => void backUp()} disabled={busy}>
              Download a backup first
            </button>
          </div>
          {backupProgress && <ProgressBar label="Backing up…" done={backupProgress.done} total={backupProgress.total} />}
          {backedUp && (
            <p role="status" data-testid="wipe-backed-up">
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
