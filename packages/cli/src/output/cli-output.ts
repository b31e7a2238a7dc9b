/**
 * The CLI's only way to print. Results go to stdout (tables on a terminal, JSON with --json or
 * when piped where a command says so); notes and errors go to stderr, so pipes stay clean.
 */
import pc from 'picocolors';

export interface CliStreams {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
}

export interface CliOutput {
  readonly json: boolean;
  readonly color: boolean;
  /** Prints a line of the result. */
  line(text?: string): void;
  /** Prints a value as JSON (the --json form of a result). */
  value(data: unknown): void;
  /** A note for humans on stderr (suppressed with --json). */
  note(text: string): void;
  /** An error line on stderr, always printed. */
  error(text: string): void;
  table(headers: readonly string[], rows: readonly (readonly string[])[]): void;
  readonly style: {
    bold(s: string): string;
    dim(s: string): string;
    red(s: string): string;
    yellow(s: string): string;
    green(s: string): string;
    cyan(s: string): string;
  };
}

export function createCliOutput(streams: CliStreams, options: { json: boolean; color: boolean }): CliOutput {
  const color = options.color;
  const colors = pc.createColors(color);
  const style = {
    bold: colors.bold,
    dim: colors.dim,
    red: colors.red,
    yellow: colors.yellow,
    green: colors.green,
    cyan: colors.cyan,
  };
  return {
    json: options.json,
    color,
    style,
    line: (text = '') => void streams.stdout.write(`${text}\n`),
    value: (data) => void streams.stdout.write(`${JSON.stringify(data, null, 2)}\n`),
    note: (text) => {
      if (!options.json) streams.stderr.write(`${text}\n`);
    },
    error: (text) => void streams.stderr.write(`${text}\n`),
    table: (headers, rows) => {
      const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => visibleLength(r[i] ?? ''))));
      const format = (cells: readonly string[]) =>
        cells
          .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - visibleLength(c))))
          .join('  ')
          .trimEnd();
      streams.stdout.write(`${style.bold(format(headers))}\n`);
      for (const row of rows) streams.stdout.write(`${format(row)}\n`);
    },
  };
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
