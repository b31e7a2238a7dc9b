/**
 * A chart people can read without seeing it: a titled figure whose summary says what the chart
 * shows in words, the chart itself, and the same data as a table under a disclosure. Charts get
 * their size from CSS (recharts' `responsive`), so they fit a narrow window too.
 */
import type { ReactNode } from 'react';

export interface ChartFigureProps {
  /** Unique on the page: ids of the title and summary derive from it. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The recharts chart. */
  readonly children: ReactNode;
  /** The data as a table (a DataTable). */
  readonly table: ReactNode;
}

export function ChartFigure({ id, title, summary, children, table }: ChartFigureProps) {
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p id={`${id}-summary`} className="chart-summary">
        {summary}
      </p>
      <div className="chart-canvas">{children}</div>
      <details className="chart-data">
        <summary>{title}: the data as a table</summary>
        {table}
      </details>
    </figure>
  );
}

/** The series colours: the accent and colours that stay apart for the common colour blindnesses. */
export const CHART_COLOURS = ['#0b5cad', '#b35900', '#116329', '#8250df', '#a40e26'] as const;
