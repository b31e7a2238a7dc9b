/**
 * Query results as a table for people (`mesh query`, `mesh sql`): values as the JSON encoder
 * writes them (exact decimals, ISO dates), NULL spelled out, line breaks shown as ↵, wide cells
 * cut with …, numbers right-aligned; then the row count and the time, like psql's footer.
 */
import { jsonColumn, type QueryStream, type ResultJsonValue } from '@meshwork/server';
import type { CliOutput } from './cli-output.js';

export interface ResultTable {
  readonly headers: readonly string[];
  readonly numeric: readonly boolean[];
  /** Cell text, null for SQL NULL. */
  readonly rows: readonly (readonly (string | null)[])[];
  readonly truncated: boolean;
  readonly durationMs: number;
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL|BIGNUM)/;

/** Reads the whole stream (the caller bounds it with `maxRows`). */
export async function collectTable(stream: QueryStream): Promise<ResultTable> {
  const rows: (string | null)[][] = [];
  for await (const chunk of stream.chunks()) {
    const columns = stream.columns.map((column, i) => jsonColumn(chunk, i, column.type));
    for (let r = 0; r < chunk.rowCount; r++) rows.push(columns.map((values) => cellText(values[r]!)));
  }
  const stats = stream.stats();
  return {
    headers: stream.columns.map((c) => c.name),
    numeric: stream.columns.map((c) => NUMERIC.test(c.typeName)),
    rows,
    truncated: stats.truncated,
    durationMs: stats.durationMs,
  };
}

export function printResultTable(out: CliOutput, table: ResultTable, maxCellWidth = 40): void {
  const shown = table.rows.map((row) => row.map((cell) => (cell === null ? null : cut(cell, maxCellWidth))));
  const widths = table.headers.map((header, i) =>
    Math.max(width(cut(header, maxCellWidth)), ...shown.map((row) => width(row[i] ?? 'NULL'))),
  );
  const line = (cells: readonly string[], styled: readonly string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - width(cell));
        return table.numeric[i] ? pad + styled[i]! : styled[i]! + pad;
      })
      .join('  ')
      .trimEnd();
  const headers = table.headers.map((h) => cut(h, maxCellWidth));
  out.line(
    line(
      headers,
      headers.map((h) => out.style.bold(h)),
    ),
  );
  out.line(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of shown) {
    const cells = row.map((cell) => cell ?? 'NULL');
    out.line(
      line(
        cells,
        row.map((cell) => (cell === null ? out.style.dim('NULL') : cell)),
      ),
    );
  }
  const count = `${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'}`;
  const limit = table.truncated ? ', truncated by a row or size limit (--max-rows)' : '';
  out.line(out.style.dim(`(${count}${limit}, ${formatDuration(table.durationMs)})`));
}

export function cellText(value: ResultJsonValue): string | null {
  if (value === null) return null;
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\r?\n/g, '↵').replace(/\t/g, ' ');
}

function cut(text: string, max: number): string {
  const points = [...text];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : text;
}

function width(text: string): number {
  return [...text].length;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
