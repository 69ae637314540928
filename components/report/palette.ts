import { useEffect, useLayoutEffect, useState } from 'react';
import type { Settings } from '@/lib/db/models';
import { StageSchema, type Stage } from '@/lib/playbook/types';

/** The chart colours of the current theme, read from CSS variables (styles.css and report.css). */
export interface Palette {
  fg: string;
  muted: string;
  grid: string;
  bg: string;
  give: string;
  warn: string;
  bad: string;
  neutral: string;
  line: string;
  stated: string;
  real: string;
  stage: Record<Stage, string>;
}

/** Reads the palette from the document's computed style (var() references come back resolved). */
export function readPalette(root: Element = document.documentElement): Palette {
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#1b1f24'),
    muted: v('--muted', '#5b6670'),
    grid: v('--border', '#d9dee3'),
    bg: v('--bg', '#ffffff'),
    give: v('--chart-give', '#1f6f5c'),
    warn: v('--chart-warn', '#c05621'),
    bad: v('--chart-bad', '#b3261e'),
    neutral: v('--chart-neutral', '#8a96a3'),
    line: v('--chart-line', '#2b6cb0'),
    stated: v('--chart-stated', '#7a8aa6'),
    real: v('--chart-real', '#1f6f5c'),
    stage: Object.fromEntries(StageSchema.options.map((s) => [s, v(`--stage-${s}`, '#8a96a3')])) as Record<Stage, string>,
  };
}

/**
 * Applies the theme setting to the document and returns its palette. A layout effect, not useTheme's passive one:
 * children's effects run before their parent's, so the charts would otherwise be drawn with the previous theme's
 * colours. The system theme is watched too, for "Same as the system".
 */
export function usePalette(theme: Settings['theme']): Palette {
  const [systemDark, setSystemDark] = useState(() => matchMedia('(prefers-color-scheme: dark)').matches);
  useEffect(() => {
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setSystemDark(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  const [palette, setPalette] = useState<Palette>(() => readPalette());
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    const next = readPalette();
    // Same colours, same object: the charts are not rebuilt for nothing.
    setPalette((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [theme, systemDark]);
  return palette;
}
