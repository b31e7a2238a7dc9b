import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../metadata/canonical-json.js';
import type { ProductStatus, ProductStatusRecord } from '../metadata/product-status-types.js';
import type { RunRecord } from '../metadata/run-types.js';
import { deriveIncidents } from './derive-incidents.js';

const productId = 'support.tickets';
const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour)).toISOString();
const status = (hour: number, value: ProductStatus, reason = `${value} at ${hour}`): ProductStatusRecord => ({
  productId,
  status: value,
  reason,
  at: at(hour),
});
const failedRun = (id: string, startHour: number, endHour: number, checks: JsonValue[] = []): RunRecord => ({
  id,
  productId,
  trigger: 'schedule',
  requestedBy: 'scheduler',
  parameters: {},
  status: 'failed',
  startedAt: at(startHour),
  finishedAt: at(endHour),
  rowsIn: 10,
  rowsOut: 0,
  error: { code: 'MW8006', message: 'blocking contract checks failed' },
  steps: [],
  checks,
  outputs: [],
});
const check = (id: string, value: 'passed' | 'failed' | 'error', blocking: boolean): JsonValue => ({
  id,
  kind: 'quality',
  port: 'tickets',
  major: 1,
  status: value,
  blocking,
  message: `${id} ${value}`,
  observed: 268,
  threshold: 'mustBe 0',
});

describe('deriveIncidents', () => {
  it('finds none while the product was never failing or stale', () => {
    const history = [status(1, 'unknown'), status(2, 'fresh'), status(3, 'unknown'), status(4, 'fresh')];
    expect(deriveIncidents({ productId, history, failedRuns: [] })).toEqual([]);
  });

  it('opens at the transition into failing and resolves at the one back to fresh, with the failed run as cause', () => {
    const checks = [
      check('quality:csat_coverage', 'failed', false),
      check('schema:column:ticket_id', 'passed', true),
      check('quality:response_after_opening', 'failed', true),
    ];
    const cause = failedRun('r1', 2, 3, checks);
    const again = failedRun('r2', 4, 5);
    const history = [status(1, 'fresh'), status(3, 'failing', 'run r1 failed: MW8006'), status(6, 'fresh')];
    const [incident, ...more] = deriveIncidents({ productId, history, failedRuns: [again, cause] });
    expect(more).toEqual([]);
    expect(incident).toEqual({
      id: `support.tickets@${at(3)}`,
      productId,
      status: 'resolved',
      severity: 'high',
      openedAt: at(3),
      resolvedAt: at(6),
      cause: {
        status: 'failing',
        reason: 'run r1 failed: MW8006',
        run: {
          id: 'r1',
          startedAt: at(2),
          finishedAt: at(3),
          error: { code: 'MW8006', message: 'blocking contract checks failed' },
          // Blocking failures first; passed checks left out.
          failedChecks: [
            expect.objectContaining({ id: 'quality:response_after_opening', blocking: true, status: 'failed' }),
            expect.objectContaining({ id: 'quality:csat_coverage', blocking: false, observed: 268 }),
          ],
        },
      },
      failedRuns: 2,
    });
  });

  it('stays open until the product is fresh again; unknown neither resolves nor opens one', () => {
    const history = [status(1, 'fresh'), status(2, 'stale', 'newest snapshot 130 min old'), status(3, 'unknown')];
    const [incident] = deriveIncidents({ productId, history, failedRuns: [] });
    expect(incident).toMatchObject({
      status: 'open',
      severity: 'medium',
      openedAt: at(2),
      resolvedAt: null,
      cause: { status: 'stale', reason: 'newest snapshot 130 min old', run: null },
      failedRuns: 0,
    });
    const resolved = deriveIncidents({ productId, history: [...history, status(5, 'fresh')], failedRuns: [] });
    expect(resolved).toMatchObject([{ status: 'resolved', openedAt: at(2), resolvedAt: at(5) }]);
  });

  it('escalates a stale incident to high when a run fails during it, keeping what opened it', () => {
    const run = failedRun('r1', 3, 4, [check('quality:row_count_floor', 'error', true)]);
    const history = [status(1, 'fresh'), status(2, 'stale'), status(4, 'failing'), status(7, 'fresh')];
    const [incident] = deriveIncidents({ productId, history, failedRuns: [run] });
    expect(incident).toMatchObject({
      severity: 'high',
      openedAt: at(2),
      resolvedAt: at(7),
      cause: { status: 'stale', run: { id: 'r1', failedChecks: [{ id: 'quality:row_count_floor', status: 'error' }] } },
      failedRuns: 1,
    });
  });

  it('keeps incidents apart: a run that failed in an earlier one is not the cause of a later one', () => {
    const first = failedRun('r1', 1, 2);
    const second = failedRun('r3', 5, 6);
    const history = [
      status(2, 'failing'), // the first status ever: the product's first run failed
      status(3, 'fresh'),
      status(6, 'failing'),
    ];
    const incidents = deriveIncidents({ productId, history, failedRuns: [second, first] });
    expect(incidents.map((i) => [i.status, i.openedAt, i.cause.run?.id, i.failedRuns])).toEqual([
      ['resolved', at(2), 'r1', 1],
      ['open', at(6), 'r3', 1],
    ]);
  });

  it('has no run for a failing transition without a failed run behind it', () => {
    const history = [status(1, 'fresh'), status(3, 'failing')];
    const earlier = failedRun('r0', 0, 0);
    expect(deriveIncidents({ productId, history, failedRuns: [earlier] })[0]?.cause.run).toBeNull();
  });
});
