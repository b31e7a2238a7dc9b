/**
 * Live progress of runs. On a terminal: one line per product (status, step, rows, elapsed),
 * redrawn in place a few times a second. Piped: every event as one JSON line, for machines.
 */
import type { RunEvent, RunObserver } from '@meshwork/server';
import type { CliOutput } from './cli-output.js';
import type { CliStreams } from './cli-output.js';

interface Row {
  productId: string;
  status: string;
  step: string;
  rows: number;
  started: number;
  ms?: number;
}

export interface RunProgress {
  readonly observer: RunObserver;
  /** Draws the final state (terminal) and stops the timer. */
  finish(): void;
}

export function createRunProgress(streams: CliStreams, out: CliOutput, live: boolean): RunProgress {
  if (!live) {
    return { observer: (event) => void streams.stdout.write(`${JSON.stringify(event)}\n`), finish: () => undefined };
  }
  const rows = new Map<string, Row>();
  let drawn = 0;
  const draw = (): void => {
    const lines = [...rows.values()].map((r) => {
      const elapsed = ((r.ms ?? Date.now() - r.started) / 1000).toFixed(1);
      const status =
        r.status === 'succeeded'
          ? out.style.green('✓')
          : r.status === 'failed'
            ? out.style.red('✗')
            : r.status === 'skipped'
              ? out.style.yellow('-')
              : out.style.cyan('…');
      return `${status} ${r.productId.padEnd(36)} ${r.step.padEnd(28).slice(0, 28)} ${String(r.rows).padStart(12)} rows ${elapsed.padStart(7)}s`;
    });
    streams.stderr.write(`${drawn > 0 ? `\u001b[${drawn}A` : ''}${lines.map((l) => `\u001b[2K${l}\n`).join('')}`);
    drawn = lines.length;
  };
  const timer = setInterval(draw, 200);
  timer.unref();
  const observer: RunObserver = (event: RunEvent) => {
    const row = rows.get(event.productId) ?? {
      productId: event.productId,
      status: 'running',
      step: '',
      rows: 0,
      started: Date.now(),
    };
    rows.set(event.productId, row);
    if (event.type === 'step') row.step = event.step;
    else if (event.type === 'rows') row.rows += event.rows;
    else if (event.type === 'run-finished') {
      row.status = event.status;
      row.ms = event.ms;
      row.step = event.error ? event.error.code : 'published';
    } else if (event.type === 'run-skipped') {
      row.status = 'skipped';
      row.step = `upstream ${event.blockedBy} failed`;
      row.ms = 0;
    }
  };
  return {
    observer,
    finish: () => {
      clearInterval(timer);
      draw();
    },
  };
}
