import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { backupQueries } from '@/lib/backup/queries';
import { formatBytes, requestPersistence } from '@/lib/browser/storage';
import { ErrorText } from '../panel/ui';

// Above this share of the quota, the rep is told before a write fails.
const NEARLY_FULL = 0.8;

/**
 * How much space Resourceful uses, and whether Chrome may clear it when the disk fills. Persistence is asked for
 * as soon as this is shown (Chrome grants or refuses it silently, without a prompt).
 */
export function StorageStatusView() {
  const client = useQueryClient();
  const q = useQuery(backupQueries.storage());
  const persist = useMutation({
    mutationFn: () => requestPersistence(),
    onSettled: () => client.invalidateQueries(backupQueries.storage()),
  });
  const { mutate } = persist;
  const persisted = q.data?.persisted;
  useEffect(() => {
    if (persisted === false) mutate();
  }, [persisted, mutate]);

  if (!q.data) return <p className="muted">Measuring…</p>;
  const { usage, quota } = q.data;
  const share = usage !== null && quota ? usage / quota : null;
  return (
    <div className="form" data-testid="storage-status">
      <p data-testid="storage-usage">
        {usage !== null && quota !== null
          ? `Using ${formatBytes(usage)} of the ${formatBytes(quota)} this browser profile allows.`
          : 'This browser does not say how much space is used.'}
      </p>
      {share !== null && share >= NEARLY_FULL && (
        <p className="error" role="alert">
          Storage is {Math.round(share * 100)}% full. When it is full, saving stops (nothing is half-written): free disk space, or back up and
          delete what you no longer need.
        </p>
      )}
      {persisted === true && (
        <p data-testid="storage-persisted">Persistent: Chrome will not clear Resourceful’s data to free disk space.</p>
      )}
      {persisted === false && (
        <div className="row" data-testid="storage-persisted">
          <p>
            Not persistent: if the disk runs low, Chrome may clear this data without asking. Back up regularly.
          </p>
          <button type="button" className="btn btn-small" onClick={() => persist.mutate()} disabled={persist.isPending}>
            Ask Chrome to keep it
          </button>
        </div>
      )}
      {persisted === null && <p data-testid="storage-persisted">This browser does not say whether the data is persistent. Back up regularly.</p>}
      <ErrorText error={persist.error} />
    </div>
  );
}
