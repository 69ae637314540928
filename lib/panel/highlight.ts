/** A run of text, flagged by at most one finding. */
export interface Segment<F> {
  text: string;
  finding: F | null;
}

/**
 * Splits text into plain and flagged runs for display (rendered as React elements, never as HTML). Findings are
 * taken in order of their start; a finding overlapping an earlier one is shown only where it does not overlap.
 */
export function segments<F extends { start: number; end: number }>(text: string, findings: readonly F[]): Segment<F>[] {
  const out: Segment<F>[] = [];
  let pos = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const start = Math.max(f.start, pos);
    const end = Math.min(f.end, text.length);
    if (end <= start) continue;
    if (start > pos) out.push({ text: text.slice(pos, start), finding: null });
    out.push({ text: text.slice(start, end), finding: f });
    pos = end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), finding: null });
  return out;
}
