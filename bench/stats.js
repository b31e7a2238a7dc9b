// Small statistics helpers shared by the benchmarks.

/** The p-th percentile (0-100) of numbers, nearest-rank. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 50);

/** Milliseconds with a precision that suits their size. */
export const ms = (value) => (value >= 100 ? Math.round(value).toString() : value.toFixed(value >= 10 ? 1 : 2));

/** Milliseconds an async function takes, and its result. */
export async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** A fixed-width text table: numbers right-aligned, the last column (a label) left-aligned. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const cell = (c, i) => (i === header.length - 1 ? String(c) : String(c).padStart(widths[i]));
  const line = (cells) => `  ${cells.map(cell).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
