import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal confirmation (native `<dialog>`: focus stays inside, Escape cancels). Focus starts on Cancel, so a stray
 * Enter never confirms something that cannot be undone.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  testId,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  testId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return undefined;
    if (!d.open) d.showModal();
    cancel.current?.focus();
    return () => d.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="bk-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        // Escape: closed by React state, not by the browser, so the two never disagree.
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="row">
        <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
