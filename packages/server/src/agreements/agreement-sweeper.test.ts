import { describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../metadata/agreement-types.js';
import { startAgreementSweeper } from './agreement-sweeper.js';

describe('agreement sweeper', () => {
  it('sweeps at start and on its interval, never two sweeps at once, and survives a failing sweep', async () => {
    let calls = 0;
    let inFlight = 0;
    let overlapped = false;
    const lines: string[] = [];
    const sweeper = startAgreementSweeper({
      intervalMs: 10,
      log: (message) => lines.push(message),
      agreements: {
        async sweepExpired() {
          calls++;
          inFlight++;
          if (inFlight > 1) overlapped = true;
          await new Promise((resolve) => setTimeout(resolve, 25));
          inFlight--;
          if (calls === 2) throw new Error('database gone');
          return calls === 1 ? [{ id: 'a' } as AgreementRecord] : [];
        },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    await sweeper.stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls).toBe(after);
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(lines).toContain('agreements expired');
    expect(lines).toContain('agreement expiry sweep failed');
  });
});
