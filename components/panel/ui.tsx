import { useId, type ReactNode } from 'react';
import { initials } from '@/lib/panel/format';

/** Section with a heading; `aria-labelledby` makes each section a landmark screen readers can jump to. */
export function Section({ title, actions, children, testId, anchor }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string; anchor?: string }) {
  const id = useId();
  return (
    <section className="section" aria-labelledby={id} data-testid={testId} id={anchor}>
      <div className="section-head">
        {/* Focusable by script only: where focus goes when the control that had it leaves the section. */}
        <h2 id={id} tabIndex={-1} data-section-heading="">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Round avatar with the person's initials (no images: nothing is loaded from the network). */
export function Avatar({ name }: { name: string }) {
  return (
    <div className="avatar" aria-hidden="true">
      {initials(name)}
    </div>
  );
}

/** The heading of the section around `el` (or of `el`, a section): where focus goes when the control that had it went away. */
export function sectionHeadingOf(el: Element | null | undefined): HTMLElement | null {
  return el?.closest('section')?.querySelector<HTMLElement>('[data-section-heading]') ?? null;
}

/** Focuses the heading of the section around `el`: a stable place when the focused control in it went away. */
export function focusSectionHeading(el: Element | null | undefined): void {
  sectionHeadingOf(el)?.focus();
}

/** A clear state message: loading, empty, error. */
export function StateMessage({ kind, title, children }: { kind: 'loading' | 'empty' | 'error' | 'info'; title: string; children?: ReactNode }) {
  return (
    <div className={`state state-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={`state-${kind}`}>
      {kind === 'loading' && <span className="spinner" aria-hidden="true" />}
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

/** Inline error text for a failed action. */
export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
