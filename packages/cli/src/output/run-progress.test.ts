/** The live progress display: one line per product with status, step, rows and elapsed time, redrawn in place. */
import { expect, it } from 'vitest';
import { createCliOutput } from './cli-output.js';
import { createRunProgress } from './run-progress.js';

it('draws product, step, rows and elapsed time on a terminal, and JSON lines when piped', () => {
  let screen = '';
  let piped = '';
  const tty = { write: (s: string) => (screen += s), isTTY: true };
  const streams = { stdout: tty, stderr: tty };
  const out = createCliOutput(streams, { json: false, color: false });
  const live = createRunProgress(streams, out, true);
  live.observer({ type: 'run-started', productId: 'sales.orders', runId: 'r1', at: '2026-01-01T00:00:00Z' });
  live.observer({ type: 'step', productId: 'sales.orders', runId: 'r1', step: 'write orders v1' });
  live.observer({ type: 'rows', productId: 'sales.orders', runId: 'r1', output: 'orders v1', rows: 1234 });
  live.observer({ type: 'run-skipped', productId: 'finance.revenue', blockedBy: 'sales.refunds' });
  live.finish();
  expect(screen).toMatch(/… sales\.orders\s+write orders v1\s+1234 rows\s+\d+\.\ds/);
  expect(screen).toMatch(/- finance\.revenue\s+upstream sales\.refunds/);
  expect(screen).toContain('\u001b[2K'); // lines are cleared and redrawn in place

  const pipe = { write: (s: string) => (piped += s) };
  const lines = createRunProgress({ stdout: pipe, stderr: pipe }, out, false);
  lines.observer({ type: 'rows', productId: 'sales.orders', runId: 'r1', output: 'orders v1', rows: 5 });
  lines.finish();
  expect(
    piped
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
  ).toEqual([{ type: 'rows', productId: 'sales.orders', runId: 'r1', output: 'orders v1', rows: 5 }]);
});
