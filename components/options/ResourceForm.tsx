import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { saveResource } from '@/lib/db/resources';
import { getDb } from '@/lib/db/schema';
import type { Resource } from '@/lib/db/models';
import type { ResourceKind } from '@/lib/replies/types';
import { KIND_LABELS, RESOURCE_KINDS } from '@/lib/resources/model';
import { ErrorText } from '../panel/ui';
import './options.css';

/**
 * Add or edit one resource. Validation is the repository's (`saveResource`), so the form, the quick-add and the
 * importer accept exactly the same things; its error message is shown as is.
 */
export function ResourceForm({
  initial,
  compact = false,
  submitLabel,
  onSaved,
  onCancel,
  testId,
  autoFocus = false,
}: {
  /** The resource being edited; absent to add a new one. */
  initial?: Resource;
  /** A one-line summary instead of a paragraph (the side panel's quick-add). */
  compact?: boolean;
  submitLabel?: string;
  onSaved?: (r: Resource) => void;
  onCancel?: () => void;
  testId?: string;
  /** Focus the title field on mount: when the rep just asked for the form, not when a page opens with it. */
  autoFocus?: boolean;
}) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [url, setUrl] = useState(initial?.url ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [kind, setKind] = useState<ResourceKind>(initial?.kind ?? 'article');
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const kindId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const saved = await saveResource(getDb(), { id: initial?.id, title, url, summary, tags, kind }, Date.now());
      setError(null);
      if (!initial) {
        setTitle('');
        setUrl('');
        setSummary('');
        setTags('');
        setKind('article');
      }
      onSaved?.(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  // Escape leaves an edit without saving, as in the panel's note editor.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <form className="form" onSubmit={submit} onKeyDown={onKeyDown} data-testid={testId} aria-label={initial ? `Edit ${initial.title}` : 'New resource'}>
      <label className="field">
        <span>Title</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} autoFocus={autoFocus} placeholder="CRM rollout checklist" />
      </label>
      <label className="field">
        <span>Link (optional)</span>
        <input value={url} onChange={(e) => setUrl(e.target.value)} inputMode="url" maxLength={2000} placeholder="https://…" />
      </label>
      <label className="field">
        <span>{compact ? 'One-line summary' : 'Summary: what it is and whom it helps'}</span>
        {compact ? (
          <input value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={2000} />
        ) : (
          <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={3} maxLength={2000} />
        )}
      </label>
      <div className="res-form-row">
        {/* Labelled by id: a wrapping label would add the selected option to the field's name. */}
        <div className="field">
          <label htmlFor={kindId}>Kind</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as ResourceKind)}>
            {RESOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <label className="field">
          <span>Tags (comma-separated)</span>
          <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="crm, onboarding" />
        </label>
      </div>
      <ErrorText error={error} />
      <div className="row">
        {/* aria-disabled, not disabled: a refused save leaves the focus on this button, not on the page. */}
        <button type="submit" className="btn btn-primary" aria-disabled={busy || undefined}>
          {submitLabel ?? (initial ? 'Save changes' : 'Add resource')}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
