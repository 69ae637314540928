import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { aiStatus } from '@/lib/browser/ai';
import { segments } from '@/lib/panel/highlight';
import { ANSWER_PLACEHOLDER } from '@/lib/replies';
import { checkDraft, type TrustFinding } from '@/lib/trust';
import { aiQueries } from '@/lib/panel/queries';
import { ErrorText } from './ui';

const KIND_LABEL: Record<TrustFinding['kind'], string> = {
  check_in: 'Content-free check-in',
  false_urgency: 'Seller deadline',
  over_promise: 'Over-promise',
  self_focus: 'Talking about yourself',
  no_value: 'An ask that gives nothing',
  pressure_close: 'Pushing a decision',
};

/** Edit a reply with a live trust check: flagged phrases are marked in the text, each with why and a better way. */
export function TrustEditor({
  text,
  onChange,
  onUse,
  onCancel,
  busy,
  polish,
}: {
  text: string;
  onChange: (text: string) => void;
  onUse: () => void;
  onCancel: () => void;
  busy: boolean;
  polish?: (text: string) => Promise<string>;
}) {
  const report = useMemo(() => checkDraft(text), [text]);
  const unanswered = text.includes(ANSWER_PLACEHOLDER);
  const parts = useMemo(() => segments(text, report.findings), [text, report]);
  const [active, setActive] = useState<number | null>(null);
  return (
    <div className="card editor" data-testid="trust-editor">
      <label className="field">
        <span>Your reply</span>
        <textarea value={text} rows={10} onChange={(e) => onChange(e.target.value)} data-testid="editor-text" />
      </label>
      <div className="trust-head">
        <span className={`score ${report.score >= 90 ? 'good' : report.score >= 60 ? 'fair' : 'poor'}`} data-testid="trust-score">
          Trust {report.score}/100
        </span>
        <span className="muted small">{report.findings.length === 0 ? 'No trust issues found.' : `${report.findings.length} thing${report.findings.length > 1 ? 's' : ''} to reconsider`}</span>
      </div>
      {report.findings.length > 0 && (
        <>
          <p className="preview" aria-label="Your reply with the flagged phrases marked" data-testid="trust-preview">
            {parts.map((p, i) =>
              p.finding ? (
                <mark
                  key={i}
                  className={`flag flag-${p.finding.kind}${active === report.findings.indexOf(p.finding) ? ' active' : ''}`}
                  title={`${KIND_LABEL[p.finding.kind]}: ${p.finding.message}`}
                  data-testid="flag"
                  data-kind={p.finding.kind}
                >
                  {p.text}
                </mark>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
          <ul className="findings">
            {report.findings.map((f, i) => (
              <li key={`${f.kind}-${f.start}`} className="finding" data-testid="finding" data-kind={f.kind} onMouseEnter={() => setActive(i)} onMouseLeave={() => setActive(null)}>
                <strong>{KIND_LABEL[f.kind]}</strong> <q>{text.slice(f.start, f.end)}</q>
                <p className="small">{f.message}</p>
                <p className="small hint">Better: {f.hint}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {unanswered && (
        <p className="small hint" data-testid="placeholder-hint">
          Replace “{ANSWER_PLACEHOLDER}” with your answer, then use the reply.
        </p>
      )}
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={onUse} disabled={busy || !text.trim() || unanswered} data-testid="use-edited">
          Use this reply
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Back to suggestions
        </button>
        {polish && <PolishButton text={text} polish={polish} onPolished={onChange} />}
      </div>
    </div>
  );
}

function PolishButton({ text, polish, onPolished }: { text: string; polish: (t: string) => Promise<string>; onPolished: (t: string) => void }) {
  const options = aiQueries.status(aiStatus);
  const status = useQuery(options);
  const client = useQueryClient();
  // A failure may mean Chrome dropped its model since the panel asked: ask again, so the button and the reason follow.
  const run = useMutation({ mutationFn: () => polish(text), onSuccess: onPolished, onError: () => void client.invalidateQueries({ queryKey: options.queryKey }) });
  const available = status.data?.available === true;
  return (
    <>
      <button type="button" className="btn" onClick={() => run.mutate()} disabled={!available || run.isPending} data-testid="polish" aria-describedby="polish-why">
        {run.isPending ? 'Polishing…' : 'Polish with on-device AI'}
      </button>
      {status.data && !status.data.available && (
        <p className="muted small" id="polish-why" data-testid="polish-why">
          {status.data.reason}
        </p>
      )}
      <ErrorText error={run.error} />
    </>
  );
}
