import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { useEffect, useId, useRef, useState } from 'react';

// Only what the report draws: bars, one line, category and linear axes, legend, tooltips. The rest of chart.js is
// tree-shaken out of the page bundle.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
// The page's own font stack (styles.css): no web fonts, and chart text matches the tables under it.
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** One entry of a chart's legend: its dataset's label, and whether the chart draws it now. */
interface Series {
  label: string;
  visible: boolean;
}

const sameSeries = (a: Series[], b: Series[]) => a.length === b.length && a.every((s, i) => s.label === b[i]!.label && s.visible === b[i]!.visible);

/**
 * One chart.js canvas. The chart is rebuilt whenever `config` changes (memoise it on the numbers and the palette).
 * `role="img"` + `aria-label`: a canvas is opaque to screen readers, so the label says what it shows and the table
 * under it carries the numbers.
 *
 * A chart with a legend also gets a row of toggle buttons, one per legend entry: the canvas legend hides and shows a
 * series on a click, which a keyboard cannot reach. The row stays out of sight until one of its buttons has the focus
 * (the canvas legend is the one sighted mouse users see), and follows clicks on the canvas legend too.
 */
export function ChartCanvas({ config, label, testId }: { config: ChartConfiguration; label: string; testId: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const [series, setSeries] = useState<Series[]>([]);
  const togglesLabel = useId();
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return undefined;
    const legend = config.options?.plugins?.legend?.display !== false;
    // Runs after every update, the canvas legend's clicks included: the buttons say what the chart draws.
    const follow: Plugin = {
      id: 'legendButtons',
      afterUpdate: (c) => {
        const next = legend ? c.data.datasets.map((d, i) => ({ label: d.label ?? '', visible: c.isDatasetVisible(i) })) : [];
        setSeries((now) => (sameSeries(now, next) ? now : next));
      },
    };
    const c = new Chart(canvas, { ...config, plugins: [...(config.plugins ?? []), follow] });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [config]);
  const toggle = (i: number) => {
    const c = chart.current;
    if (!c) return;
    c.setDatasetVisibility(i, !c.isDatasetVisible(i));
    c.update();
  };
  return (
    <>
      <div className="chart-box">
        <canvas ref={ref} role="img" aria-label={label} data-testid={testId} />
      </div>
      {series.length > 1 && (
        <div className="chart-toggles" role="group" aria-labelledby={togglesLabel} data-testid={`${testId}-toggles`}>
          <span id={togglesLabel} className="muted small">
            Show in the chart:
          </span>
          {series.map((s, i) => (
            <button key={i} type="button" className="btn btn-small" aria-pressed={s.visible} onClick={() => toggle(i)}>
              {s.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
