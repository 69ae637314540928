import { useRef, type FormEvent } from 'react';
import { updateContact } from '@/lib/db/contacts';
import type { Contact } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import { focusSoon, useAnnounce } from '../a11y';
import { useDraft } from '../hooks';
import { ErrorText } from './ui';

/** Tags on a contact: type and press Enter to add, × to remove. */
export function TagsEditor({ contact }: { contact: Contact }) {
  const { draft, setDraft, error, commit } = useDraft('tag');
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  // Each tag's × button, for moving focus along the list when one goes.
  const removers = useRef(new Map<string, HTMLButtonElement>());
  const setTags = (tags: string[]) => updateContact(getDb(), contact.id, { tags }, Date.now());
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const parts = draft.split(',').map((t) => t.trim()).filter(Boolean);
    if (parts.length === 0) return;
    await commit(() => setTags([...contact.tags, ...parts]));
  };
  const remove = async (tag: string) => {
    // The × pressed goes with its tag: focus the next tag's ×, else the previous one's, else the field. Picked now,
    // while the tag is still in the list.
    const i = contact.tags.indexOf(tag);
    const places = [removers.current.get(contact.tags[i + 1] ?? ''), removers.current.get(contact.tags[i - 1] ?? ''), input.current];
    const from = document.activeElement;
    await setTags(contact.tags.filter((x) => x !== tag));
    announce(`Removed tag ${tag}.`);
    focusSoon(() => places.find((el) => el?.isConnected), from);
  };
  return (
    <div className="tags" data-testid="tags">
      <ul className="tag-list" aria-label="Tags">
        {contact.tags.map((t) => (
          <li key={t} className="tag">
            {t}
            <button
              ref={(el) => {
                if (el) removers.current.set(t, el);
                else removers.current.delete(t);
              }}
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${t}`}
              onClick={() => void remove(t)}
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
