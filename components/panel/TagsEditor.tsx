import { useRef, type FormEvent } from 'react';
import { updateContact } from '@/lib/db/contacts';
import type { Contact } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import { useRemoveButtons } from '../a11y';
import { useDraft } from '../hooks';
import { ErrorText } from './ui';

/** Tags on a contact: type and press Enter to add, × to remove. */
export function TagsEditor({ contact }: { contact: Contact }) {
  const { draft, setDraft, error, commit } = useDraft('tag');
  const input = useRef<HTMLInputElement>(null);
  // The × pressed goes with its tag: focus moves to the next tag's ×, else the previous one's, else the field.
  const removal = useRemoveButtons(
    () => input.current,
    (tag) => `Removed tag ${tag}.`,
  );
  const setTags = (tags: string[]) => updateContact(getDb(), contact.id, { tags }, Date.now());
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const parts = draft.split(',').map((t) => t.trim()).filter(Boolean);
    if (parts.length === 0) return;
    await commit(() => setTags([...contact.tags, ...parts]));
  };
  return (
    <div className="tags" data-testid="tags">
      <ul className="tag-list" aria-label="Tags">
        {contact.tags.map((t) => (
          <li key={t} className="tag">
            {t}
            <button
              ref={removal.ref(t)}
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${t}`}
              onClick={() => void removal.remove(contact.tags, t, setTags)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="tag-form">
        <label className="sr-only" htmlFor={`tag-${contact.id}`}>
          Add tag
        </label>
        <input ref={input} id={`tag-${contact.id}`} value={draft} placeholder="Add tag + Enter" maxLength={60} onChange={(e) => setDraft(e.target.value)} />
      </form>
      <ErrorText error={error} />
    </div>
  );
}
