/**
 * Records agreement expiries on a timer. Access never waits for it — lookups compare the end date
 * themselves — so a missed or late sweep only delays the `access.expired` audit event and webhook,
 * never the end of access. Safe to run on every server: each expiry is recorded once.
 */
import type { AgreementService } from './agreement-service.js';

export interface AgreementSweeperOptions {
  readonly agreements: Pick<AgreementService, 'sweepExpired'>;
  /** How often to look (default 60 s). */
  readonly intervalMs?: number;
  readonly log?: (message: string, fields: Record<string, string | number>) => void;
}

export interface AgreementSweeper {
  /** One sweep now (one also runs at start); resolves with how many expiries it recorded. Sweeps never overlap. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

export function startAgreementSweeper(options: AgreementSweeperOptions): AgreementSweeper {
  const log = options.log ?? (() => undefined);
  let running: Promise<number> | undefined;
  const sweep = (): Promise<number> => {
    running ??= options.agreements
      .sweepExpired()
      .then((expired) => {
        if (expired.length > 0) log('agreements expired', { count: expired.length });
        return expired.length;
      })
      .catch((error: unknown) => {
        log('agreement expiry sweep failed', { error: String(error) });
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  // Once at start: expiries that passed while no server ran are recorded without waiting.
  void sweep();
  const timer = setInterval(() => void sweep(), options.intervalMs ?? 60_000);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
