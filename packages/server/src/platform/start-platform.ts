/**
 * The composition root of `mesh serve`: workspace, metadata store, warehouse, DuckDB engine,
 * HTTP API, scheduler and freshness monitor — started in that order, stopped in reverse.
 */
import { join } from 'node:path';
import { InputError, hasErrors } from '@meshwork/core';
import { productRecord } from '../catalog/product-record.js';
import { createHttpServer } from '../http/create-http-server.js';
import type { PlatformServices } from '../http/platform-services.js';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import { metadataStoreConfig } from '../metadata/store-from-config.js';
import { createRunEngine } from '../runtime/duckdb-session.js';
import type { RunObserver } from '../runtime/run-events.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { evaluateFreshness } from './freshness.js';
import { acquireInstanceLock } from './instance-lock.js';
import { startScheduleRunner, type ScheduleRunner } from './schedule-runner.js';

export interface PlatformOptions {
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly logger?: boolean;
  readonly observer?: RunObserver;
  /** Freshness evaluation period (default 60 s). */
  readonly freshnessIntervalMs?: number;
}

export interface RunningPlatform {
  readonly url: string;
  readonly services: PlatformServices;
  readonly schedule: ScheduleRunner;
  close(): Promise<void>;
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const lock = acquireInstanceLock(join(options.root, '.meshwork', 'serve.lock'), `mesh serve in ${options.root}`);
  const cleanups: (() => Promise<void> | void)[] = [() => lock.release()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const { model, diagnostics, root } = await loadWorkspaceFromDisk(options.root, options.env);
    if (hasErrors(diagnostics)) {
      throw new InputError(
        'MW8008',
        'the workspace has validation errors; fix them first (`mesh validate`)',
        diagnostics.filter((d) => d.severity === 'error'),
      );
    }
    const store = await createMetadataStore(metadataStoreConfig(root, model.config, options.env.MESHWORK_DATABASE_URL));
    cleanups.push(() => store.close());
    for (const product of model.products.values()) await store.upsertProduct(productRecord(model, product));
    const configured = model.config.warehouse?.path;
    const warehouse = createLocalWarehouse({ root: configured ? join(root, configured) : defaultWarehouseRoot(root) });
    await warehouse.recover();
    const engine = createRunEngine({ tempDirectory: join(root, '.meshwork', 'tmp') });
    cleanups.push(() => engine.close());
    const runtime = { model, root, store, warehouse, engine, observer: options.observer };
    const services: PlatformServices = { root, model, diagnostics, store, warehouse, runtime };

    const app = await createHttpServer(services, { logger: options.logger });
    cleanups.push(() => app.close());
    const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });

    const log = (message: string, fields: Record<string, unknown> = {}) => app.log.info(fields, message);
    const schedule = startScheduleRunner(model, runtime, log);
    cleanups.push(() => schedule.stop());
    const evaluate = () =>
      evaluateFreshness(model, store, warehouse, new Date()).catch((error: unknown) =>
        log('freshness evaluation failed', { error: String(error) }),
      );
    await evaluate();
    const timer = setInterval(evaluate, options.freshnessIntervalMs ?? 60_000);
    timer.unref();
    cleanups.push(() => clearInterval(timer));
    return { url: address, services, schedule, close };
  } catch (error) {
    await close();
    throw error;
  }
}
