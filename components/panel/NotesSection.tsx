import { memo, useEffect, useRef, useState, type FormEvent } from 'react';
import { addNote, deleteNote, updateNote } from '@/lib/db/contacts';
import type { Note } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import { fullDate, relativeTime } from '@/lib/panel/format';
import { useDraft } from '../hooks';
import { cancelOnEscape, focusSoon, useAnnounce } from '../a11y';
import { ErrorText, Section } from './ui';
import { PromiseOffers } from './PromiseOffers';
import { useMarkShown } from './lazy';
import { extractPromises } from '@/lib/commitments/extract';
import type { ExtractedPromise } from '@/lib/playbook/types';

/** Notes shown when a contact opens; "Show more" adds NOTES_MORE at a time. */
export const NOTES_PAGE = 20;
const NOTES_MORE = 50;

/** Notes on a contact: add, edit, delete, pin. Pinned notes stay on top. */
export function NotesSection({ contactId, now, notes }: { contactId: string; now: number; notes: Note[] | undefined }) {
  // A busy contact has hundreds of notes: pinned and newest first, a page at a time. Laying out all of them made
  // opening such a contact several times slower, and nobody reads note 400 before note 1.
  const [limit, setLimit] = useState({ contactId, n: NOTES_PAGE });
  const shownCount = limit.contactId === contactId ? limit.n : NOTES_PAGE;
  useMarkShown(contactId, 'notes', notes !== undefined);
  const { draft, setDraft, error, commit } = useDraft('note');
  const [promises, setPromises] = useState<ExtractedPromise[]>([]);
  const announce = useAnnounce();
  const list = useRef<HTMLUListElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) return;
    await commit(async (text) => {
      const at = Date.now();
      await addNote(getDb(), contactId, text, at);
      // The new note shows below the form, away from focus.
      announce('Note added.');
      // A note that records a promise ("I'll send the deck by Friday", "she'll pay the deposit on the 15th") is offered to the ledger.
      setPromises(extractPromises(text, { messageDate: at, author: 'rep' }));
    });
  };

  return (
    <Section title="Notes" testId="notes" anchor="notes">
      <form className="note-form" onSubmit={submit}>
        <label className="sr-only" htmlFor={`note-${contactId}`}>
          New note
        </label>
        <textarea
          id={`note-${contactId}`}
          value={draft}
          placeholder="What did you learn, what matters to them?"
          rows={2}
          maxLength={20_000}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter saves, as in most note fields.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          }}
        />
        {/* aria-disabled, not disabled: adding empties the field while the button has focus, and a disabled button
            drops it. `submit` ignores an empty field. */}
        <button type="submit" className="btn btn-primary" aria-disabled={!draft.trim() || undefined}>
          Add note
        </button>
      </form>
      <ErrorText error={error} />
      {promises.length > 0 && <PromiseOffers key={promises.map((p) => p.text).join('|')} contactId={contactId} promises={promises} source="note" onDone={() => setPromises([])} />}
      {notes === undefined ? null : notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <>
          <ul ref={list} className="notes">
            {notes.slice(0, shownCount).map((n) => (
              <NoteItem key={n.id} note={n} now={now} />
            ))}
          </ul>
          {notes.length > shownCount && (
            <button
              type="button"
              className="btn btn-small"
              data-testid="more-notes"
              onClick={() => {
                setLimit({ contactId, n: shownCount + NOTES_MORE });
                // The last page: this button goes away; focus the first note it showed.
                if (notes.length <= shownCount + NOTES_MORE) focusSoon(() => list.current?.children[shownCount]?.querySelector<HTMLElement>('button, textarea'));
              }}
            >
              Show {Math.min(NOTES_MORE, notes.length - shownCount)} more of {notes.length - shownCount} older notes
            </button>
          )}
        </>
      )}
    </Section>
  );
}

// Memoised: typing a new note re-renders the section, not every note (each formats two dates).
const NoteItem = memo(function NoteItem({ note, now }: { note: Note; now: number }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [confirming, setConfirming] = useState(false);
  const announce = useAnnounce();
  const item = useRef<HTMLLIElement>(null);
  const pinButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const refocusPin = useRef(false);
  // Pinning moves the note in the list, and moving an element drops its focus: give it back to the button.
  useEffect(() => {
    if (!refocusPin.current) return;
    refocusPin.current = false;
    if (document.activeElement === document.body) pinButton.current?.focus();
  }, [note.pinned]);

  const closeEditor = (from: Element | null = document.activeElement) => {
    setEditing(false);
    // The editor had focus: back to the button that opened it.
    focusSoon(() => editButton.current, from);
  };
  const cancelEdit = () => {
    setText(note.text);
    closeEditor();
  };
  const save = async () => {
    if (!text.trim()) return;
    const from = document.activeElement;
    await updateNote(getDb(), note.contactId, note.id, { text }, Date.now());
    // focusSoon keeps Edit focused through the list's re-render with the new text.
    closeEditor(from);
    announce('Note saved.');
  };
  const cancelDelete = () => {
    setConfirming(false);
    focusSoon(() => deleteButton.current);
  };
  const remove = async () => {
    // Where focus goes once this note is gone: the next note's first control, else the previous note's, else the
    // section's heading. Picked now, while this note is still in the list.
    const li = item.current;
    const first = (el: Element | null | undefined) => el?.querySelector<HTMLElement>('button, textarea');
    const neighbours = [first(li?.nextElementSibling), first(li?.previousElementSibling)];
    // The heading is looked up when focus moves: the section may have re-rendered (its empty state) by then.
    const article = li?.closest('article');
    const heading = () => article?.querySelector<HTMLElement>('[data-testid="notes"] [data-section-heading]');
    const from = document.activeElement;
    await deleteNote(getDb(), note.contactId, note.id);
    announce('Note deleted.');
    focusSoon(() => neighbours.find((el) => el?.isConnected) ?? heading(), from);
  };

  return (
    <li ref={item} className={`note${note.pinned ? ' pinned' : ''}`} data-testid="note">
      {editing ? (
        <div className="note-edit" onKeyDown={cancelOnEscape(cancelEdit)}>
          <label className="sr-only" htmlFor={`edit-${note.id}`}>
            Edit note
          </label>
          <textarea id={`edit-${note.id}`} value={text} rows={3} autoFocus onChange={(e) => setText(e.target.value)} />
          <div className="row">
            <button type="button" className="btn btn-primary" onClick={() => void save()}>
              Save
            </button>
            <button type="button" className="btn" onClick={cancelEdit}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="note-text">{note.text}</p>
          <div className="note-meta">
            <time dateTime={new Date(note.createdAt).toISOString()} title={fullDate(note.createdAt)}>
              {note.pinned ? 'Pinned · ' : ''}
              {relativeTime(note.createdAt, now)}
              {note.updatedAt !== note.createdAt ? ' · edited' : ''}
            </time>
            <span className="row">
              <button
                ref={pinButton}
                type="button"
                className="btn btn-small"
                aria-pressed={note.pinned}
                onClick={() => {
                  refocusPin.current = true;
                  void updateNote(getDb(), note.contactId, note.id, { pinned: !note.pinned }, Date.now());
                }}
              >
                {note.pinned ? 'Unpin' : 'Pin'}
              </button>
              <button ref={editButton} type="button" className="btn btn-small" onClick={() => setEditing(true)}>
                Edit
              </button>
              {confirming ? (
                <span className="row" role="group" aria-label="Delete this note?" onKeyDown={cancelOnEscape(cancelDelete)}>
                  <button type="button" className="btn btn-small btn-danger" onClick={() => void remove()}>
                    Delete note?
                  </button>
                  {/* Focus lands on Keep, so a stray Enter keeps the note. */}
                  <button type="button" className="btn btn-small" onClick={cancelDelete} autoFocus>
                    Keep
                  </button>
                </span>
              ) : (
                <button ref={deleteButton} type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
                  Delete
                </button>
              )}
            </span>
          </div>
        </>
      )}
    </li>
  );
});
