import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { focusSoon } from '../a11y';

/**
 * A modal confirmation (native `<dialog>`: focus stays inside, Escape cancels). Focus starts on Cancel, so a stray
 * Enter never confirms something that cannot be undone, and goes back to what opened it when it closes (cancelled or
 * done); `returnFocus` names another place when the opener is gone by then.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  testId,
  returnFocus,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  testId?: string;
  /** Where focus goes on closing when the opener is no longer there or no longer focusable. */
  returnFocus?: () => HTMLElement | null | undefined;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // What had the focus when the dialog was asked for: read while rendering, before the dialog takes the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));
  const fallback = useRef(returnFocus);
  fallback.current = returnFocus;
  // A layout effect, so its cleanup closes the dialog while it is still in the page: a passive effect's cleanup runs
  // after React has removed the element, and closing a detached dialog gave the focus to the page, not back.
  useLayoutEffect(() => {
    const d = dialog.current;
    if (!d) return undefined;
    if (!d.open) d.showModal();
    cancel.current?.focus();
    return () => {
      d.close();
      // After the render that closed it: the opener may be re-enabled in that same render.
      focusSoon(() => {
        const usable = opener?.isConnected && !opener.matches(':disabled') ? opener : null;
        return usable ?? fallback.current?.();
      });
    };
  }, [opener]);
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
        {/* aria-disabled while busy, not disabled: the focused button would drop the focus out of the dialog. */}
        <button
          type="button"
          className="btn btn-danger"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button
          ref={cancel}
          type="button"
          className="btn"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onCancel();
          }}
        >
          Cancel
        </button>
      </div>
    </dialog>
  );
}
