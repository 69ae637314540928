import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { aiStatus } from '@/lib/browser/ai';
import { segments } from '@/lib/panel/highlight';
import { ANSWER_PLACEHOLDER } from '@/lib/replies';
import { checkDraft, type TrustFinding } from '@/lib/trust';
import { aiQueries } from '@/lib/panel/queries';
import { cancelOnEscape, focusSoon, useAnnounce } from '../a11y';
import { ErrorText } from './ui';

const KIND_LABEL: Record<TrustFinding['kind'], string> = {
  check_in: 'Content-free check-in',
  false_urgency: 'Seller deadline',
  over_promise: 'Over-promise',
  self_focus: 'Talking about yourself',
  no_value: 'An ask that gives nothing',
  pressure_close: 'Pushing a decision',
};

type Band = 'good' | 'fair' | 'poor';
const bandOf = (score: number): Band => (score >= 90 ? 'good' : score >= 60 ? 'fair' : 'poor');
/** How long typing must pause before a new band of the trust score is read out. */
const SCORE_ANNOUNCE_MS = 1200;

const summaryOf = (n: number) => (n === 0 ? 'No trust issues found.' : `${n} thing${n > 1 ? 's' : ''} to reconsider`);

/** Edit a reply with a live trust check: flagged phrases are marked in the text, each with why and a better way. */
export function TrustEditor({
  text: given,
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
  // Line breaks as the textarea counts them (it reads "\r\n" as one character), so the findings' positions, which the
  // select buttons use, are positions in the field too. A resource summary or polished text may bring "\r\n".
  const text = useMemo(() => given.replace(/\r\n?/g, '\n'), [given]);
  const report = useMemo(() => checkDraft(text), [text]);
  const unanswered = text.includes(ANSWER_PLACEHOLDER);
  const parts = useMemo(() => segments(text, report.findings), [text, report]);
  // The finding under the pointer, and the one keyboard focus is in: each marks its phrase, the pointer's first, and
  // neither clears the other's.
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const active = hovered ?? focused;
  const announce = useAnnounce();
  const field = useRef<HTMLTextAreaElement>(null);
  // Puts the cursor on a flagged phrase, selected, so typing replaces it: the way from a finding to its fix, by
  // mouse or keyboard.
  const selectPhrase = (f: TrustFinding) => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  };
  const band = bandOf(report.score);
  const summary = summaryOf(report.findings.length);
  // The score is read out only when its band changes, once typing pauses (each keystroke restarts the wait): never
  // per keystroke, and not at all when the band is back where the rep last heard it.
  const heard = useRef(band);
  const score = report.score;
  useEffect(() => {
    if (band === heard.current) return undefined;
    const timer = setTimeout(() => {
      heard.current = band;
      announce(`Trust ${score} out of 100, ${band}. ${summary}`);
    }, SCORE_ANNOUNCE_MS);
    return () => clearTimeout(timer);
  }, [band, text, score, summary, announce]);
  return (
    // Escape goes back to the suggestions, as "Back to suggestions" does.
    <div className="card editor" data-testid="trust-editor" onKeyDown={cancelOnEscape(onCancel)}>
      <label className="field">
        <span>Your reply</span>
        {/* Focused when the editor opens: the rep asked to edit this text. */}
        <textarea ref={field} value={text} rows={10} onChange={(e) => onChange(e.target.value)} autoFocus data-testid="editor-text" />
      </label>
      <div className="trust-head">
        <span className={`score ${band}`} data-testid="trust-score">
          Trust {report.score}/100
        </span>
        <span className="muted small">{summary}</span>
      </div>
      {report.findings.length > 0 && (
        <>
          {/* A group, not a paragraph: a paragraph's aria-label is not read out. */}
          <div className="preview" role="group" aria-label="Your reply with the flagged phrases marked" data-testid="trust-preview">
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
          </div>
          {/* Hovering a finding, or moving into it by keyboard, marks its phrase above (each finding also quotes it). */}
          <ul className="findings">
            {report.findings.map((f, i) => (
              <li
                key={`${f.kind}-${f.start}`}
                className="finding"
                data-testid="finding"
                data-kind={f.kind}
                onMouseEnter={() => setHovered(i)}
                onMouseLeave={() => setHovered(null)}
                onFocus={() => setFocused(i)}
                onBlur={(e) => {
                  // Moving between controls of the same finding keeps its mark.
                  if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
                }}
              >
                <strong>{KIND_LABEL[f.kind]}</strong> <q>{text.slice(f.start, f.end)}</q>
                <p className="small">{f.message}</p>
                <p className="small hint">Better: {f.hint}</p>
                <button type="button" className="btn btn-small" onClick={() => selectPhrase(f)} aria-label={`Select in your reply: “${text.slice(f.start, f.end)}”`} data-testid="select-flag">
                  Select in your reply
                </button>
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
        {/* aria-disabled while the reply is being used, not disabled: a disabled button drops its focus to <body>. */}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => !busy && onUse()}
          disabled={!text.trim() || unanswered}
          aria-disabled={busy || undefined}
          data-testid="use-edited"
        >
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
  const announce = useAnnounce();
  const button = useRef<HTMLButtonElement>(null);
  const run = useMutation({
    mutationFn: () => polish(text),
    onSuccess: (polished) => {
      onPolished(polished);
      // The text changed where focus is not: say so.
      announce('Polished: read the reply over.');
    },
    // A failure may mean Chrome dropped its model since the panel asked: ask again, so the button and the reason
    // follow. A button that turns disabled drops its focus: back to the reply's text then.
    onError: () => {
      const hadFocus = document.activeElement === button.current;
      void client.invalidateQueries({ queryKey: options.queryKey }).then(() => {
        if (hadFocus) focusSoon(() => (button.current?.disabled ? button.current.closest('.editor')?.querySelector<HTMLElement>('textarea') : null));
      });
    },
  });
  const available = status.data?.available === true;
  return (
    <>
      {/* aria-disabled while polishing, not disabled: a disabled button drops its focus to <body>. */}
      <button
        ref={button}
        type="button"
        className="btn"
        onClick={() => !run.isPending && run.mutate()}
        disabled={!available}
        aria-disabled={run.isPending || undefined}
        data-testid="polish"
        aria-describedby="polish-why"
      >
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
