import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { backupQueries } from '@/lib/backup/queries';
import { formatBytes, requestPersistence } from '@/lib/browser/storage';
import { focusSoon, useAnnounce } from '../a11y';
import { ErrorText, sectionHeadingOf } from '../panel/ui';

// Above this share of the quota, the rep is told before a write fails.
const NEARLY_FULL = 0.8;

const PERSISTENT = 'Persistent: Chrome will not clear Resourceful’s data to free disk space.';
const UNKNOWN = 'This browser does not say whether the data is persistent. Back up regularly.';

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
  const announce = useAnnounce();
  const root = useRef<HTMLDivElement>(null);
  // "Ask Chrome to keep it" was pressed and granted: the button goes, and focus goes to the section's heading
  // instead of the page.
  const asked = useRef(false);
  useEffect(() => {
    if (!asked.current || persisted === false || persisted === undefined) return;
    asked.current = false;
    focusSoon(() => (document.activeElement === document.body ? sectionHeadingOf(root.current) : null));
  }, [persisted]);
  const ask = () => {
    if (persist.isPending) return;
    asked.current = true;
    persist.mutate(undefined, {
      onSuccess: (granted) => announce(granted === true ? PERSISTENT : granted === false ? 'Chrome did not make it persistent. Back up regularly.' : UNKNOWN),
    });
  };

  if (!q.data) return <p className="muted">Measuring…</p>;
  const { usage, quota } = q.data;
  const share = usage !== null && quota ? usage / quota : null;
  return (
    <div ref={root} className="form" data-testid="storage-status">
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
        <p data-testid="storage-persisted">{PERSISTENT}</p>
      )}
      {persisted === false && (
        <div className="row" data-testid="storage-persisted">
          <p>
            Not persistent: if the disk runs low, Chrome may clear this data without asking. Back up regularly.
          </p>
          {/* aria-disabled while asking, not disabled: the button keeps the focus it was pressed with. */}
          <button
            type="button"
            className="btn btn-small"
            aria-disabled={persist.isPending || undefined}
            onClick={ask}
          >
            Ask Chrome to keep it
          </button>
        </div>
      )}
      {persisted === null && <p data-testid="storage-persisted">{UNKNOWN}</p>}
      <ErrorText error={persist.error} />
    </div>
  );
}
