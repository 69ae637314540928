import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { getDb } from '@/lib/db/schema';
import { buildReport, tagsOf } from '@/lib/report/aggregate';
import { loadReportInput } from '@/lib/report/load';
import { defaultDates, rangeFromDates } from '@/lib/report/range';
import { useSettings } from '../hooks';
import { StateMessage } from '../panel/ui';
import { BalanceCard, DeclinesCard, InquiriesCard, PromisesCard, ReferralsCard } from './cards';
import { usePalette } from './palette';
import './report.css';

/** The goodwill report page: what answering, helping and keeping promises has paid back, over a date range and a tag. */
export function ReportPage() {
  const settings = useSettings();
  const palette = usePalette(settings.theme);
  // One clock per visit: "overdue" and the default range should not shift while the rep reads.
  const [now] = useState(() => Date.now());
  const [dates, setDates] = useState(() => defaultDates(now));
  const [tag, setTag] = useState('');
  const range = rangeFromDates(dates.from, dates.to);
  const valid = 'error' in range ? null : range;
  // The rows come back with the range they were read for: while a new range loads, useLiveQuery still holds the old
  // rows, and mixing those with the new dates would show numbers that belong to neither.
  const loaded = useLiveQuery(
    async () => (valid ? { range: valid, input: await loadReportInput(getDb(), valid) } : undefined),
    [valid?.from, valid?.to],
  );
  const input = loaded?.input;
  const report = useMemo(() => (loaded ? buildReport(loaded.input, { ...loaded.range, tag }, now) : undefined), [loaded, tag, now]);
  const stale = !!loaded && !!valid && (loaded.range.from !== valid.from || loaded.range.to !== valid.to);
  const tags = useMemo(() => tagsOf(input?.contacts ?? []), [input]);
  const nothingSaved = input !== undefined && input.contacts.length === 0 && input.threads.length === 0 && input.commitments.length === 0;

  let body: React.ReactNode;
  if ('error' in range) {
    body = <StateMessage kind="error" title={range.error} />;
  } else if (!input || !report) {
    body = <StateMessage kind="loading" title="Counting…" />;
  } else if (nothingSaved) {
    body = (
      <StateMessage kind="empty" title="Nothing to report yet: answer an inquiry, help a lead who isn't a fit, keep a promise.">
        <p>Open Gmail with the side panel: the inquiries you answer, the people you help and the promises you keep are counted here.</p>
      </StateMessage>
    );
  } else if (report.empty) {
    body = (
      <StateMessage kind="info" title={`Nothing in these dates${tag ? ` for “${tag}”` : ''}.`}>
        <p>Widen the dates or choose another tag.</p>
      </StateMessage>
    );
  } else {
    body = (
      <div className="report-grid" data-testid="report-grid">
        <InquiriesCard report={report} palette={palette} />
        <ReferralsCard report={report} palette={palette} />
        <PromisesCard report={report} palette={palette} />
        <BalanceCard report={report} palette={palette} />
        <DeclinesCard report={report} palette={palette} />
      </div>
    );
  }

  return (
    <main className="report" data-testid="report" aria-busy={stale}>
      <header className="report-head">
        <div>
          <h1>Goodwill report</h1>
          <p className="muted">What answering, helping first and keeping your word has paid back.</p>
        </div>
        <form className="report-filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span>From</span>
            <input type="date" value={dates.from} max={dates.to} onChange={(e) => setDates((d) => ({ ...d, from: e.target.value }))} data-testid="filter-from" />
          </label>
          <label className="field">
            <span>To</span>
            <input type="date" value={dates.to} min={dates.from} onChange={(e) => setDates((d) => ({ ...d, to: e.target.value }))} data-testid="filter-to" />
          </label>
          <label className="field">
            <span>Tag</span>
            <select value={tag} onChange={(e) => setTag(e.target.value)} data-testid="filter-tag">
              <option value="">All contacts</option>
              {/* A chosen tag stays listed even if its last contact lost it meanwhile. */}
              {(tag && !tags.includes(tag) ? [tag, ...tags] : tags).map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        </form>
      </header>
      {body}
    </main>
  );
}
