import { useId, useMemo, type ReactNode } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { sectionEmpty, type GoodwillReport, type Section } from '@/lib/report/aggregate';
import { formatDuration, formatShare, periodLabel } from '@/lib/report/format';
import { DECLINE_REASON_LABEL } from '@/lib/replies/types';
import { crossesYear } from '@/lib/report/range';
import { emptyLine, REFERRAL_LABEL, referralStageRow, referralsSummary } from '@/lib/report/wording';
import { StageSchema } from '@/lib/playbook/types';
import { ChartCanvas } from './ChartCanvas';
import { balanceConfig, declinesConfig, inquiriesConfig, promisesConfig, referralsConfig } from './configs';
import type { Palette } from './palette';

/** Props every report card takes. */
export interface CardProps {
  report: GoodwillReport;
  palette: Palette;
}

/** A titled card: the picture first, the numbers under it. Each card is a landmark (aria-labelledby). */
function Card({ title, lead, wide, testId, children }: { title: string; lead: string; wide?: boolean; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`card report-card${wide ? ' wide' : ''}`} aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      <p className="report-lead">{lead}</p>
      {children}
    </section>
  );
}

/**
 * A card's whole body when its section has nothing in range (`sectionEmpty`): one line saying how data gets there,
 * instead of an empty chart and a table of zeros.
 */
function EmptyLine({ report, section, testId }: { report: GoodwillReport; section: Section; testId: string }) {
  return (
    <p className="report-empty" data-testid={testId}>
      {emptyLine(section, report.filter.tag)}
    </p>
  );
}

/** The chart of a card, rebuilt only when its numbers or the theme change. */
function useConfig(build: (r: GoodwillReport, p: Palette) => ChartConfiguration, report: GoodwillReport, palette: Palette): ChartConfiguration {
  return useMemo(() => build(report, palette), [build, report, palette]);
}

/** A two-column table of labelled numbers; every value cell has a test id. */
function NumberTable({ caption, rows }: { caption: string; rows: { label: string; value: ReactNode; testId: string }[] }) {
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.testId}>
            <th scope="row">{r.label}</th>
            <td data-testid={r.testId}>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Inquiries answered per week (per month over long ranges), with the median time to answer. */
export function InquiriesCard({ report, palette }: CardProps) {
  const config = useConfig(inquiriesConfig, report, palette);
  const q = report.inquiries;
  const year = crossesYear(report.filter);
  const per = q.unit === 'month' ? 'month' : 'week';
  return (
    <Card title="Inquiries answered" lead="Every unsolicited inquiry gets an answer, even when no sale will come of it." wide testId="card-inquiries">
      {sectionEmpty(report, 'inquiries') ? (
        <EmptyLine report={report} section="inquiries" testId="empty-inquiries" />
      ) : (
        <>
          <ChartCanvas
            config={config}
            testId="chart-inquiries"
            label={`Inquiries per ${per}: ${q.received} received, ${q.answered} answered, ${q.unanswered} not answered; median time to answer ${formatDuration(q.medianMs)}.`}
          />
          <div className="kpis">
            <Kpi label="Inquiries received" value={q.received} testId="n-received" />
            <Kpi label="Answered" value={q.answered} testId="n-answered" />
            <Kpi label="Not answered" value={q.unanswered} testId="n-unanswered" />
            <Kpi label="Median time to answer" value={formatDuration(q.medianMs)} testId="n-median" />
          </div>
          <details className="report-more">
            <summary>{q.unit === 'month' ? 'Month by month' : 'Week by week'}</summary>
            <table className="report-table">
              <caption>
                {q.unit === 'month'
                  ? 'Inquiries per month (calendar months; the first and last stop at the ends of the range)'
                  : 'Inquiries per week (weeks start on the first day of the range)'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{q.unit === 'month' ? 'Month' : 'Week of'}</th>
                  <th scope="col">Received</th>
                  <th scope="col">Answered</th>
                  <th scope="col">Median time to answer</th>
                </tr>
              </thead>
              <tbody>
                {q.periods.map((w) => (
                  <tr key={w.start} data-testid={`${per}-row`}>
                    <th scope="row">{periodLabel(q.unit, w.start, { year })}</th>
                    <td>{w.received}</td>
                    <td>{w.answered}</td>
                    <td>{formatDuration(w.medianMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </Card>
  );
}

function Kpi({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <div className="kpi">
      <span className="kpi-value" data-testid={testId}>
        {value}
      </span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}

/** Not-a-fit leads helped → the referrals they sent → what those became. */
export function ReferralsCard({ report, palette }: CardProps) {
  const config = useConfig(referralsConfig, report, palette);
  const h = report.helped;
  const stages = StageSchema.options.filter((s) => h.byStage[s] > 0);
  return (
    <Card
      title="Helped → referrals"
      lead="A lead who isn't a fit, helped anyway, walks near your future clients. This is what came back: referrals count in the dates they arrived, however long ago you helped."
      testId="card-referrals"
    >
      {sectionEmpty(report, 'helped') ? (
        <EmptyLine report={report} section="helped" testId="empty-referrals" />
      ) : (
        <>
          <ChartCanvas config={config} testId="chart-referrals" label={referralsSummary(h)} />
          <NumberTable
            caption="Leads you helped in these dates, and the referrals that arrived in these dates from leads you helped at any time"
            rows={[
              { label: REFERRAL_LABEL.helped, value: h.helped, testId: 'n-helped' },
              { label: REFERRAL_LABEL.referrals, value: h.referrals, testId: 'n-referrals' },
              { label: REFERRAL_LABEL.referrers, value: h.referrers, testId: 'n-referrers' },
              ...stages.map((s) => ({ label: referralStageRow(s), value: h.byStage[s], testId: `n-ref-${s}` })),
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** The rep's own promises: kept vs. missed, and what is overdue now. */
export function PromisesCard({ report, palette }: CardProps) {
  const config = useConfig(promisesConfig, report, palette);
  const k = report.promises;
  return (
    <Card title="Promises kept" lead="Customers keep qualifying you: do you do what you said, when you said?" testId="card-promises">
      {sectionEmpty(report, 'promises') ? (
        <EmptyLine report={report} section="promises" testId="empty-promises" />
      ) : (
        <>
          <ChartCanvas config={config} testId="chart-promises" label={`Your promises: ${k.kept} kept, ${k.missed} missed, ${k.openOverdue} open and overdue.`} />
          <NumberTable
            caption="Your own promises resolved in the range, and open ones past due"
            rows={[
              { label: 'Kept', value: k.kept, testId: 'n-kept' },
              { label: 'Missed', value: k.missed, testId: 'n-missed' },
              { label: 'Open & overdue', value: k.openOverdue, testId: 'n-overdue' },
              { label: 'Kept, of those resolved', value: formatShare(k.keptShare), testId: 'n-kept-share' },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** Give/ask balance: contacts the rep gave more to, as much to, or asked more of. */
export function BalanceCard({ report, palette }: CardProps) {
  const config = useConfig(balanceConfig, report, palette);
  const b = report.balance;
  const askers = b.perContact.filter((c) => c.asks > c.gives).slice(0, 10);
  return (
    <Card title="Give / ask balance" lead="Give before you ask: value given vs. asks and follow-ups, per contact." testId="card-balance">
      {sectionEmpty(report, 'balance') ? (
        <EmptyLine report={report} section="balance" testId="empty-balance" />
      ) : (
        <>
          <ChartCanvas
            config={config}
            testId="chart-balance"
            label={`Contacts: ${b.givers} you gave more to, ${b.balanced} balanced, ${b.askers} you asked more of. ${b.gives} gives, ${b.asks} asks in total.`}
          />
          <NumberTable
            caption="Contacts by balance, and totals"
            rows={[
              { label: 'Contacts you gave more to', value: b.givers, testId: 'n-givers' },
              { label: 'Balanced', value: b.balanced, testId: 'n-balanced' },
              { label: 'Contacts you asked more of', value: b.askers, testId: 'n-askers' },
              { label: 'Value given (total)', value: b.gives, testId: 'n-gives' },
              { label: 'Asks and follow-ups (total)', value: b.asks, testId: 'n-asks' },
            ]}
          />
          {askers.length > 0 && (
            <details className="report-more">
              <summary>Asked more than given ({askers.length})</summary>
              <table className="report-table">
                <caption>Give them something useful before the next ask</caption>
                <thead>
                  <tr>
                    <th scope="col">Contact</th>
                    <th scope="col">Given</th>
                    <th scope="col">Asked</th>
                  </tr>
                </thead>
                <tbody>
                  {askers.map((c) => (
                    <tr key={c.contactId} data-testid="asker-row">
                      <th scope="row">{c.name}</th>
                      <td>{c.gives}</td>
                      <td>{c.asks}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
    </Card>
  );
}

/** Decline reasons: what people said vs. what the rep learned was true. */
export function DeclinesCard({ report, palette }: CardProps) {
  const config = useConfig(declinesConfig, report, palette);
  const d = report.declines;
  const shown = d.reasons.filter((r) => r.stated + r.real > 0);
  return (
    <Card title="Why they said no: stated vs. real" lead="Price and timing are what people say; ask, and the real reason is often another." testId="card-declines">
      {sectionEmpty(report, 'declines') ? (
        <EmptyLine report={report} section="declines" testId="empty-declines" />
      ) : (
        <>
          <ChartCanvas
            config={config}
            testId="chart-declines"
            label={`Decline reasons, stated vs. real: ${shown.map((r) => `${DECLINE_REASON_LABEL[r.reason]} ${r.stated} stated, ${r.real} real`).join('; ') || 'none'}.`}
          />
          <table className="report-table">
            <caption>
              Real reason learned for <span data-testid="n-real-learned">{d.realLearned}</span> of <span data-testid="n-declines">{d.declines}</span> declines;{' '}
              <span data-testid="n-differs">{d.differs}</span> differed from what was said
            </caption>
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col">Stated</th>
                <th scope="col">Real</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.reason} data-testid="decline-row" data-reason={r.reason}>
                  <th scope="row">{DECLINE_REASON_LABEL[r.reason]}</th>
                  <td data-testid="stated">{r.stated}</td>
                  <td data-testid="real">{r.real}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
