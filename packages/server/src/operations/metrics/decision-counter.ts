/**
 * Access policy decisions counted by action and result. The authorizer answers tens of
 * thousands of decisions a second, so the hot path is one array increment — no label object,
 * no string, no allocation; the Prometheus counter catches up with the array when scraped.
 */
import { Counter, type Registry } from 'prom-client';
import { ACCESS_ACTIONS, type AccessAction } from '../../access/access-types.js';

export interface DecisionCounter {
  /** Called by the authorizer for every decision it answers (cached ones included). */
  readonly record: (action: AccessAction, allowed: boolean) => void;
}

const INDEX = Object.fromEntries(ACCESS_ACTIONS.map((action, i) => [action, i])) as Record<AccessAction, number>;

export function createDecisionCounter(registers: Registry[]): DecisionCounter {
  // [allow, deny] per action, in ACCESS_ACTIONS order; `reported` is what the counter already has.
  const counts = new Float64Array(ACCESS_ACTIONS.length * 2);
  const reported = new Float64Array(ACCESS_ACTIONS.length * 2);
  new Counter({
    name: 'meshwork_policy_decisions_total',
    help: 'Access policy decisions, by action (query, discover, readClear…) and decision (allow, deny).',
    labelNames: ['action', 'decision'],
    registers,
    collect() {
      for (let i = 0; i < counts.length; i++) {
        const delta = counts[i]! - reported[i]!;
        if (delta === 0) continue;
        reported[i] = counts[i]!;
        this.inc({ action: ACCESS_ACTIONS[i >> 1]!, decision: i % 2 === 0 ? 'allow' : 'deny' }, delta);
      }
    },
  });
  return {
    record: (action, allowed) => {
      const index = INDEX[action];
      if (index !== undefined) counts[index * 2 + (allowed ? 0 : 1)]! += 1;
    },
  };
}
