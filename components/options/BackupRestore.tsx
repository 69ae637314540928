import { useQueryClient } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { countRows } from '@/lib/backup/erase';
import { BackupError, TABLES, describeCounts, type Counts } from '@/lib/backup/format';
import { backupQueries } from '@/lib/backup/queries';
import { checkBackupFile, type CheckedBackup } from '@/lib/backup/read';
import { restoreBackup, type RestoreMode, type RestoreSummary } from '@/lib/backup/restore';
import type { Progress } from '@/lib/backup/write';
import { getDb } from '@/lib/db/schema';
import { focusSoon, useAnnounce } from '../a11y';
import { ErrorText } from '../panel/ui';
import { ConfirmDialog } from './BackupConfirmDialog';
import { downloadBackup, progressText } from './BackupFiles';
import './backup.css';
import { announceRestored } from '@/lib/db/search';

/** A labelled progress bar; `label` says what is under way. */
export function ProgressBar({ label, done, total, testId }: { label: string; done: number; total: number; testId?: string }) {
  const id = useId();
  return (
    <div className="bk-progress" data-testid={testId}>
      <span id={id}>
        {label} {total > 0 ? progressText({ done, total }) : ''}
      </span>
      <progress aria-labelledby={id} max={Math.max(total, 1)} value={Math.min(done, Math.max(total, 1))} />
    </div>
  );
}

/** Backup (download everything) and restore (merge or replace), with progress and specific errors. */
export function BackupRestore() {
  return (
    <>
      <p className="muted">
        A backup is one JSON file with everything Resourceful keeps: contacts, notes, history, promises, resources and who got
        them, email threads of the queue, triage corrections, your offer profile and settings. It is not encrypted: keep it
        where you keep other private files.
      </p>
      <BackupPanel />
      <RestorePanel />
    </>
  );
}

function BackupPanel() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<{ fileName: string; counts: Counts; invalid: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const announce = useAnnounce();
  const run = async () => {
    if (progress !== null) return;
    setDone(null);
    setError(null);
    setProgress({ done: 0, total: 0, table: TABLES[0] });
    try {
      const r = await downloadBackup(setProgress);
      const next = { fileName: r.fileName, counts: r.counts, invalid: r.invalid.length };
      setDone(next);
      announce([backupSavedText(next), backupInvalidText(next.invalid)].filter(Boolean).join(' '));
      void client.invalidateQueries(backupQueries.storage());
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="card form" data-testid="backup">
      <div className="row">
        {/* aria-disabled while backing up: the button keeps the focus (a disabled one drops it to the page). */}
        <button type="button" className="btn btn-primary" onClick={() => void run()} aria-disabled={progress !== null || undefined}>
          Download a backup
        </button>
      </div>
      {progress && <ProgressBar label="Backing up…" done={progress.done} total={progress.total} testId="backup-progress" />}
      {done && (
        // No role="status": it mounts with its text, which `run` announces.
        <div data-testid="backup-done">
          <p>{backupSavedText(done)}</p>
          {done.invalid > 0 && <p className="error">{backupInvalidText(done.invalid)}</p>}
        </div>
      )}
      <ErrorText error={error} />
    </div>
  );
}

function backupSavedText({ fileName, counts }: { fileName: string; counts: Counts }): string {
  return `Saved “${fileName}”: ${describeCounts(counts)}.`;
}

/** What a backup says about stored rows it could not check, or '' when there were none. */
function backupInvalidText(invalid: number): string {
  if (invalid === 0) return '';
  return `${invalid === 1 ? '1 stored row does' : `${invalid} stored rows do`} not match what Resourceful expects (damaged data). It is kept in the file as it was, but restoring the file will not bring it back.`;
}

/** "12 Mar 2026, 10:05" in the rep's locale, or "an unknown date". */
function madeAt(iso: string | null): string {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'an unknown date';
}

type Stage =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; done: number; total: number }
  | { step: 'chosen'; fileName: string; backup: CheckedBackup }
  | { step: 'confirm'; fileName: string; backup: CheckedBackup; here: Counts }
  | { step: 'restoring'; fileName: string; backup: CheckedBackup; mode: RestoreMode; progress: Progress | null }
  | { step: 'done'; fileName: string; summary: RestoreSummary; invalidRows: number };

function RestorePanel() {
  const client = useQueryClient();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [error, setError] = useState<{ fileName: string; message: string } | null>(null);
  const here = useLiveQuery(() => countRows(getDb()), []);
  const modeName = useId();
  const announce = useAnnounce();
  const panel = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = stage.step === 'reading' || stage.step === 'restoring';
  // When the restore's own controls go away (Cancel, or a restore that finished), focus goes back to where it began:
  // "Restore from a backup…". Not when the rep has moved on elsewhere meanwhile.
  const refocusFile = () =>
    focusSoon(() => {
      const now = document.activeElement;
      return !now || now === document.body || panel.current?.contains(now) ? fileInput.current : null;
    });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so the same file can be picked again (after a failed attempt, for instance).
    input.value = '';
    // Not `disabled` while busy: the field keeps the focus it has after the file chooser closes.
    if (!file) return;
    if (busy) {
      announce(`A restore is still running: “${file.name}” was not opened.`);
      return;
    }
    setError(null);
    setStage({ step: 'reading', fileName: file.name, done: 0, total: file.size });
    try {
      const backup = await checkBackupFile(file, (p) => setStage({ step: 'reading', fileName: file.name, ...p }));
      setStage({ step: 'chosen', fileName: file.name, backup });
    } catch (err) {
      setError({ fileName: file.name, message: messageOf(err) });
      setStage({ step: 'idle' });
    }
  };

  const restore = async (fileName: string, backup: CheckedBackup, how: RestoreMode) => {
    setStage({ step: 'restoring', fileName, backup, mode: how, progress: null });
    try {
      const summary = await restoreBackup(getDb(), backup, {
        mode: how,
        now: Date.now(),
        onProgress: (progress) => setStage({ step: 'restoring', fileName, backup, mode: how, progress }),
      });
      // An open side panel's search then reads everything again: restored rows keep their old times.
      announceRestored(getDb());
      setStage({ step: 'done', fileName, summary, invalidRows: backup.invalidRows });
      announce([restoreDoneTitle(summary, fileName), ...restoreDoneLines(summary, backup.invalidRows)].join(' '));
      refocusFile();
    } catch (err) {
      setError({ fileName, message: messageOf(err) });
      setStage({ step: 'chosen', fileName, backup });
    } finally {
      void client.invalidateQueries(backupQueries.storage());
    }
  };

  const start = async (fileName: string, backup: CheckedBackup) => {
    setError(null);
    // Replace asks first, with today's counts (read now, not from a possibly stale render).
    if (mode === 'replace') setStage({ step: 'confirm', fileName, backup, here: await countRows(getDb()) });
    else await restore(fileName, backup, 'merge');
  };

  const chosen = stage.step === 'chosen';
  return (
    <div ref={panel} className="card form" data-testid="restore">
      <div className="row">
        <label className="btn bk-file" aria-disabled={busy}>
          Restore from a backup…
          <input ref={fileInput} type="file" className="sr-only" accept=".json,application/json" onChange={(e) => void onFile(e)} aria-disabled={busy || undefined} data-testid="restore-file" />
        </label>
      </div>
      {stage.step === 'reading' && <ProgressBar label={`Checking “${stage.fileName}”…`} done={stage.done} total={stage.total} testId="restore-progress" />}
      {error && (
        <div className="state state-error" role="alert" data-testid="restore-error">
          <p className="state-title">Could not restore “{error.fileName}”</p>
          <p>{error.message}</p>
        </div>
      )}
      {(stage.step === 'chosen' || stage.step === 'confirm' || stage.step === 'restoring') && (
        <>
          <p data-testid="restore-summary">
            “{stage.fileName}” is a backup from {madeAt(stage.backup.exportedAt)} with {describeCounts(stage.backup.counts)}.
          </p>
          <fieldset className="bk-choice" disabled={stage.step !== 'chosen'}>
            <legend>How to restore it</legend>
            <label>
              <input type="radio" name={modeName} value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
              <span>
                <strong>Merge</strong> — add what is missing here; where both have a version, keep the newer one and note the older one in
                the contact’s history. Nothing here is lost.
              </span>
            </label>
            <label>
              <input type="radio" name={modeName} value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
              <span>
                <strong>Replace</strong> — delete everything here first, then restore the backup exactly.
              </span>
            </label>
          </fieldset>
          {/* aria-disabled while confirming or restoring, not disabled: Restore keeps the focus it was pressed with. */}
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              aria-disabled={!chosen || undefined}
              onClick={() => {
                if (chosen) void start(stage.fileName, stage.backup);
              }}
            >
              Restore
            </button>
            <button
              type="button"
              className="btn"
              aria-disabled={!chosen || undefined}
              onClick={() => {
                if (!chosen) return;
                setStage({ step: 'idle' });
                refocusFile();
              }}
            >
              Cancel
            </button>
          </div>
        </>
      )}
      {stage.step === 'restoring' && (
        <ProgressBar label={stage.mode === 'replace' ? 'Replacing…' : 'Merging…'} done={stage.progress?.done ?? 0} total={stage.progress?.total ?? 0} testId="restore-progress" />
      )}
      {stage.step === 'confirm' && (
        <ConfirmDialog
          title="Replace all data?"
          confirmLabel="Replace everything"
          testId="confirm-replace"
          onCancel={() => setStage({ step: 'chosen', fileName: stage.fileName, backup: stage.backup })}
          onConfirm={() => void restore(stage.fileName, stage.backup, 'replace')}
        >
          <p data-testid="confirm-replace-text">
            This deletes everything in this browser now ({describeCounts(stage.here)}) and puts the backup’s{' '}
            {describeCounts(stage.backup.counts)} in its place.
          </p>
          <p className="muted">Anything here that is not in the backup will be gone. If you are not sure, download a backup of this browser first.</p>
        </ConfirmDialog>
      )}
      {stage.step === 'done' && <RestoreDone fileName={stage.fileName} summary={stage.summary} invalidRows={stage.invalidRows} />}
      {here && stage.step === 'idle' && !error && (
        <p className="muted small" data-testid="restore-here">
          This browser holds {describeCounts(here)}.
        </p>
      )}
    </div>
  );
}

function messageOf(e: unknown): string {
  if (e instanceof BackupError) return e.message;
  return `Something went wrong (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`;
}

function sum(c: Counts): number {
  return TABLES.reduce((n, t) => n + c[t], 0);
}

/** Up to five entries by name, then how many more. */
function few(items: readonly string[]): string {
  const shown = items.slice(0, 5).join(', ');
  return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown;
}

function restoreDoneTitle(s: RestoreSummary, fileName: string): string {
  return `${s.mode === 'replace' ? 'Replaced everything with' : 'Merged'} “${fileName}”.`;
}

/** What a finished restore did, a sentence each: shown as a list and announced. */
function restoreDoneLines(s: RestoreSummary, invalidRows: number): string[] {
  const lines: string[] = [];
  if (s.mode === 'replace') {
    lines.push(`Removed what was here: ${describeCounts(s.removed)}.`, `Restored: ${describeCounts(s.added)}.`);
  } else {
    lines.push(sum(s.added) ? `Added: ${describeCounts(s.added)}.` : 'Nothing was missing here.');
    if (sum(s.updated)) lines.push(`Updated to the backup’s newer version: ${describeCounts(s.updated)}.`);
    if (sum(s.keptHere)) lines.push(`Kept as they are here (as new or newer): ${describeCounts(s.keptHere)}.`);
    if (sum(s.unchanged)) lines.push(`Already the same: ${describeCounts(s.unchanged)}.`);
    if (s.contactsMerged) lines.push(`Merged into a contact here with the same email address or LinkedIn profile: ${s.contactsMerged === 1 ? '1 contact' : `${s.contactsMerged} contacts`}.`);
    if (s.conflictsRecorded) lines.push(`The older side of ${s.conflictsRecorded === 1 ? '1 conflict is' : `${s.conflictsRecorded} conflicts are`} kept in the contact’s history.`);
    // Lists that change whose mail counts as the rep's, or which senders the queue hides: named, never silent.
    if (s.joined.ownEmails.length) lines.push(`Now also counted as your own addresses, from the backup: ${few(s.joined.ownEmails)}. Change this in Settings.`);
    if (s.joined.muted.length) lines.push(`Now muted, from the backup: ${few(s.joined.muted)}. Unmute in Settings.`);
    if (s.conflictsUnrecorded) lines.push(`${s.conflictsUnrecorded === 1 ? '1 older version' : `${s.conflictsUnrecorded} older versions`} of rows that belong to no contact (resources, triage corrections) ${s.conflictsUnrecorded === 1 ? 'was' : 'were'} not kept.`);
  }
  if (invalidRows) lines.push(`${invalidRows === 1 ? '1 damaged row' : `${invalidRows} damaged rows`} the backup set aside ${invalidRows === 1 ? 'was' : 'were'} not restored.`);
  return lines;
}

function RestoreDone({ fileName, summary, invalidRows }: { fileName: string; summary: RestoreSummary; invalidRows: number }) {
  return (
    // No role="status": it mounts with its text, which the restore announces.
    <div className="state state-info" data-testid="restore-done">
      <p className="state-title">{restoreDoneTitle(summary, fileName)}</p>
      <ul className="bk-list">
        {restoreDoneLines(summary, invalidRows).map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
