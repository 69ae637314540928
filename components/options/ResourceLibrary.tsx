import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { deleteResource, importResources, listResources, recipientCounts, sendsOfResource, type ImportSummary } from '@/lib/db/resources';
import { getDb } from '@/lib/db/schema';
import type { Resource } from '@/lib/db/models';
import { allTags, byTitle, KIND_LABELS, matchesSearch } from '@/lib/resources/model';
import { exportCsv, exportFileName, exportJson, importFile, type ImportError } from '@/lib/resources/transfer';
import { focusSoon, useAnnounce } from '../a11y';
import { ErrorText, sectionHeadingOf, StateMessage } from '../panel/ui';
import { ResourceForm } from './ResourceForm';
import { downloadParts } from './download';
import './options.css';

// A library is a few hundred rows at most; anything bigger than this is the wrong file.
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The rep's library of things to give away: search, tag filter, add/edit/delete, import and export. */
export function ResourceLibrary() {
  const resources = useLiveQuery(() => listResources(getDb()), []);
  const counts = useLiveQuery(() => recipientCounts(getDb()), [], {} as Record<string, number>);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  // After an edit closes, focus goes back to that card's Edit button instead of being lost to the page.
  const [lastEdited, setLastEdited] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Each card's Delete button, so a deleted card hands the focus to its neighbour's.
  const deleteButtons = useRef(new Map<string, HTMLButtonElement>());
  const announce = useAnnounce();
  // Closing the add form returns focus to "New resource" once it is enabled again (after React commits).
  const refocusAdd = useRef(false);
  useEffect(() => {
    if (!adding && refocusAdd.current) {
      refocusAdd.current = false;
      addButton.current?.focus();
    }
  }, [adding]);
  const tagFilterId = useId();
  const search = useRef<HTMLInputElement>(null);

  const tags = useMemo(() => allTags(resources ?? []), [resources]);
  // A chosen tag that no resource carries any more (its last one was deleted or edited) stops filtering.
  const activeTag = tags.includes(tag) ? tag : '';
  const shown = useMemo(() => (resources ?? []).filter((r) => (!activeTag || r.tags.includes(activeTag)) && matchesSearch(r, query)), [resources, activeTag, query]);

  // Focus goes to the next card's Delete (else the previous one's, else "New resource"): the card that had it is gone.
  const deleted = (r: Resource, from: Element | null) => {
    const i = shown.findIndex((x) => x.id === r.id);
    const neighbour = shown[i + 1] ?? shown[i - 1];
    announce(`Deleted “${r.title}”.`);
    focusSoon(() => {
      const next = neighbour && deleteButtons.current.get(neighbour.id);
      if (next) return next;
      // "New resource" is disabled while the add form is open: then the section's heading.
      const add = addButton.current;
      return add && !add.disabled ? add : sectionHeadingOf(add);
    }, from);
  };

  if (resources === undefined) return <StateMessage kind="loading" title="Loading your resources…" />;
  return (
    <div className="section" data-testid="resource-library">
      <p className="muted">
        Articles, checklists, tools, templates and people you can introduce: things that help a lead even when they are not a fit.
        Replies suggest them, and the library remembers who got what, so nobody gets the same thing twice.
      </p>
      <div className="res-toolbar">
        <button
          ref={addButton}
          type="button"
          className="btn btn-primary"
          onClick={() => {
            setAdded(null);
            setAdding(true);
          }}
          disabled={adding}
          aria-expanded={adding}
        >
          New resource
        </button>
        <Transfer resources={resources} />
      </div>
      {adding && (
        <div className="card">
          <ResourceForm
            testId="resource-add-form"
            autoFocus
            onSaved={(r) => {
              refocusAdd.current = true;
              setAdding(false);
              setAdded(r.title);
              announce(`Added “${r.title}” to your library.`);
            }}
            onCancel={() => {
              refocusAdd.current = true;
              setAdding(false);
            }}
          />
        </div>
      )}
      {added && (
        // Announced when it appears (a status that mounts with its text is often not read out).
        <p className="muted small" data-testid="resource-added">
          Added “{added}” to your library.
        </p>
      )}
      {resources.length === 0 ? (
        <StateMessage kind="empty" title="No resources yet">
          <p className="muted">Add the article you keep pasting into replies, or import a CSV or JSON file.</p>
        </StateMessage>
      ) : (
        <>
          <div className="res-filters" role="search">
            <label className="field">
              <span>Search resources</span>
              <input ref={search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="title, summary, tag…" />
            </label>
            {/* Labelled by id, not by wrapping: a wrapping label would add the selected option to the field's name. */}
            <div className="field">
              <label htmlFor={tagFilterId}>Tag</label>
              <select id={tagFilterId} value={activeTag} onChange={(e) => setTag(e.target.value)}>
                <option value="">All tags</option>
                {tags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="muted small" role="status" data-testid="resource-count">
            {shown.length === resources.length ? plural(resources.length, 'resource', 'resources') : `Showing ${shown.length} of ${resources.length}`}
          </p>
          {shown.length === 0 ? (
            <StateMessage kind="empty" title="Nothing matches">
              <button
                type="button"
                className="link"
                onClick={() => {
                  setQuery('');
                  setTag('');
                  // This link goes with the empty result: focus to the search field the rep was filtering with.
                  focusSoon(() => search.current);
                }}
              >
                Clear the filters
              </button>
            </StateMessage>
          ) : (
            <ul className="res-list">
              {shown.map((r) =>
                editing === r.id ? (
                  <li key={r.id} className="card">
                    <ResourceForm
                      testId="resource-edit-form"
                      autoFocus
                      initial={r}
                      onSaved={() => {
                        setEditing(null);
                        setLastEdited(r.id);
                      }}
                      onCancel={() => {
                        setEditing(null);
                        setLastEdited(r.id);
                      }}
                    />
                  </li>
                ) : (
                  <ResourceCard
                    key={r.id}
                    resource={r}
                    recipients={counts[r.id] ?? 0}
                    confirming={confirming === r.id}
                    focusEdit={lastEdited === r.id}
                    onEdit={() => {
                      setConfirming(null);
                      setEditing(r.id);
                    }}
                    onAskDelete={() => setConfirming(r.id)}
                    onCancelDelete={() => setConfirming(null)}
                    onDeleted={(from) => deleted(r, from)}
                    deleteRef={(el) => {
                      if (el) deleteButtons.current.set(r.id, el);
                      else deleteButtons.current.delete(r.id);
                    }}
                  />
                ),
              )}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function ResourceCard({
  resource: r,
  recipients,
  confirming,
  focusEdit,
  onEdit,
  onAskDelete,
  onCancelDelete,
  onDeleted,
  deleteRef,
}: {
  resource: Resource;
  recipients: number;
  confirming: boolean;
  focusEdit: boolean;
  onEdit: () => void;
  onAskDelete: () => void;
  onCancelDelete: () => void;
  onDeleted: (from: Element | null) => void;
  deleteRef: (el: HTMLButtonElement | null) => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelDelete = () => {
    onCancelDelete();
    deleteButton.current?.focus();
  };
  const deleting = useRef(false);
  const remove = async () => {
    // A second Enter while the first delete runs is not a second delete.
    if (deleting.current) return;
    deleting.current = true;
    // Where focus was when the rep confirmed: the write takes a moment, and they may have moved on meanwhile.
    const from = document.activeElement;
    try {
      await deleteResource(getDb(), r.id);
      onDeleted(from);
    } catch (e) {
      deleting.current = false;
      setError(e);
    }
  };
  return (
    <li className="card res-card" data-testid="resource" data-kind={r.kind}>
      <div className="res-head">
        {r.url ? (
          // Opened by the rep in a new tab; the extension itself never fetches it.
          <a className="res-title" href={r.url} target="_blank" rel="noopener noreferrer" data-testid="resource-title">
            {r.title}
          </a>
        ) : (
          <span className="res-title" data-testid="resource-title">
            {r.title}
          </span>
        )}
        <span className="tag res-kind" data-testid="resource-kind">
          {KIND_LABELS[r.kind]}
        </span>
      </div>
      {r.url && (
        <span className="res-url" data-testid="resource-url">
          {r.url}
        </span>
      )}
      {r.summary && (
        <p className="res-summary" data-testid="resource-summary">
          {r.summary}
        </p>
      )}
      {r.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {r.tags.map((t) => (
            <li key={t} className="tag" data-testid="resource-tag">
              {t}
            </li>
          ))}
        </ul>
      )}
      <div className="res-foot">
        {recipients === 0 ? <span data-testid="resource-sent">Not sent to anyone yet</span> : <Recipients resourceId={r.id} count={recipients} />}
        <div className="row">
          <button type="button" className="btn btn-small" onClick={onEdit} aria-label={`Edit ${r.title}`} autoFocus={focusEdit}>
            Edit
          </button>
          <button
            ref={(el) => {
              deleteButton.current = el;
              deleteRef(el);
            }}
            type="button"
            className="btn btn-small btn-danger"
            onClick={onAskDelete}
            aria-label={`Delete ${r.title}`}
            aria-expanded={confirming}
          >
            Delete
          </button>
        </div>
      </div>
      {confirming && (
        <div className="res-confirm" role="group" aria-label="Confirm delete" data-testid="confirm-delete" onKeyDown={(e) => e.key === 'Escape' && cancelDelete()}>
          <span>
            Delete “{r.title}”?{recipients > 0 ? ` The record of the ${plural(recipients, 'contact', 'contacts')} who got it goes too.` : ''}
          </span>
          <button type="button" className="btn btn-small btn-danger" onClick={() => void remove()}>
            Yes, delete
          </button>
          {/* Focus lands on Cancel, so a stray Enter keeps the resource. */}
          <button type="button" className="btn btn-small" onClick={cancelDelete} autoFocus>
            Cancel
          </button>
        </div>
      )}
      <ErrorText error={error} />
    </li>
  );
}

function Recipients({ resourceId, count }: { resourceId: string; count: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="resource-sent">Sent to {plural(count, 'contact', 'contacts')}</summary>
      {open && <RecipientList resourceId={resourceId} />}
    </details>
  );
}

function RecipientList({ resourceId }: { resourceId: string }) {
  const sends = useLiveQuery(() => sendsOfResource(getDb(), resourceId), [resourceId]);
  if (!sends) return <p className="muted">Loading…</p>;
  return (
    <ul className="res-recipients" data-testid="resource-recipients">
      {sends.map((s) => (
        <li key={`${s.contactId}|${s.at}`}>
          {s.name ?? 'A deleted contact'}, <time dateTime={new Date(s.at).toISOString()}>{new Date(s.at).toLocaleDateString()}</time>
        </li>
      ))}
    </ul>
  );
}

/** What the last import did, for the rep to read. `summary` is null when nothing in the file could be imported. */
interface ImportReport {
  fileName: string;
  summary: ImportSummary | null;
  errors: ImportError[];
}

// A file of thousands of bad rows would otherwise push the page down by thousands of lines.
const MAX_PROBLEMS_SHOWN = 20;

function Transfer({ resources }: { resources: Resource[] }) {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const announce = useAnnounce();
  const show = (next: ImportReport) => {
    setReport(next);
    announce(importMessage(next));
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so choosing the same file again (after fixing it) imports it again.
    input.value = '';
    // Not `disabled` while importing: the field keeps the focus it has after the file chooser closes.
    if (!file) return;
    if (running.current) {
      announce(`An import is still running: “${file.name}” was not imported.`);
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      show({ fileName: file.name, summary: null, errors: [{ row: 0, message: 'the file is larger than 5 MB' }] });
      return;
    }
    running.current = true;
    setBusy(true);
    try {
      const parsed = importFile(file.name, await file.text());
      // Nothing read is no import: "0 added" under an "Imported" headline read as success for a file that was refused.
      const summary = parsed.resources.length ? await importResources(getDb(), parsed.resources, Date.now()) : null;
      show({ fileName: file.name, summary, errors: parsed.errors });
    } catch (err) {
      show({ fileName: file.name, summary: null, errors: [{ row: 0, message: err instanceof Error ? err.message : String(err) }] });
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const now = Date.now();
  return (
    <>
      <label className="btn res-file" aria-disabled={busy}>
        Import .json or .csv
        <input ref={fileInput} type="file" className="sr-only" accept=".json,.csv,application/json,text/csv" onChange={(e) => void onFile(e)} aria-disabled={busy || undefined} data-testid="resource-import" />
      </label>
      {/* Blob + object URL + <a download>: the file is made in the page, nothing goes over the network. */}
      <button type="button" className="btn" onClick={() => downloadParts(exportFileName('json', now), [exportJson([...resources].sort(byTitle))], 'application/json')}>
        Export JSON
      </button>
      {/* The BOM makes Excel read the file as UTF-8; the importer skips it. */}
      <button type="button" className="btn" onClick={() => downloadParts(exportFileName('csv', now), ['\uFEFF', exportCsv([...resources].sort(byTitle))], 'text/csv')}>
        Export CSV
      </button>
      {report && (
        <ImportResultView
          report={report}
          onDismiss={() => {
            setReport(null);
            // Dismiss goes with the report: focus back to the import it reported on.
            focusSoon(() => fileInput.current);
          }}
        />
      )}
    </>
  );
}

/** The report's headline, and its one reason when the whole file was refused for one (null when rows are listed). */
function importWords({ fileName, summary, errors }: ImportReport): { headline: string; reason: string | null } {
  const headline = summary
    ? `Imported “${fileName}”: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} already in the library.`
    : errors.length
      ? `Could not import “${fileName}”.`
      : `Nothing to import: “${fileName}” lists no resources.`;
  // One reason for the whole file reads as a sentence; a list is for rows.
  const reason = !summary && errors.length === 1 && errors[0]!.row === 0 ? errors[0]!.message : null;
  return { headline, reason };
}

/** What an import did, to announce: the headline, then the reason or how many problems the list below holds. */
function importMessage(report: ImportReport): string {
  const { headline, reason } = importWords(report);
  if (reason !== null) return `${headline} ${sentence(reason)}`;
  const n = report.errors.length;
  return n ? `${headline} ${plural(n, 'problem', 'problems')} in the file, listed below.` : headline;
}

function ImportResultView({ report, onDismiss }: { report: ImportReport; onDismiss: () => void }) {
  const { errors } = report;
  const { headline, reason } = importWords(report);
  const shown = errors.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    // No role="status": it mounts with its text, which is announced instead (Transfer's `show`).
    <div className={`state ${errors.length ? 'state-error' : 'state-info'} res-import-result`} data-testid="import-result">
      <p className="state-title" data-testid="import-summary">
        {headline}
      </p>
      {reason !== null ? (
        <p data-testid="import-reason">{sentence(reason)}</p>
      ) : (
        errors.length > 0 && (
          <ul data-testid="import-errors" aria-label="Problems in the file">
            {shown.map((e, i) => (
              <li key={i}>{e.row > 0 ? `Row ${e.row}: ${e.message}` : capitalise(e.message)}</li>
            ))}
            {errors.length > shown.length && <li>…and {plural(errors.length - shown.length, 'more problem', 'more problems')}.</li>}
          </ul>
        )
      )}
      <button type="button" className="link small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A problem message as a sentence of its own: capitalised, with a full stop. */
function sentence(s: string): string {
  const c = capitalise(s);
  return /[.!?]$/.test(c) ? c : `${c}.`;
}
