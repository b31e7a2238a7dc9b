/**
 * The composition root of `mesh serve`: workspace, metadata store, warehouse, DuckDB engine,
 * HTTP API, scheduler and freshness monitor — started in that order, stopped in reverse.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, hasErrors } from '@meshwork/core';
import { createAgreementService } from '../agreements/agreement-service.js';
import { startAgreementSweeper } from '../agreements/agreement-sweeper.js';
import { createAgreementLookup } from '../agreements/agreement-lookup.js';
import { loadAccessPolicies } from '../access/load-access-policies.js';
import { DEFAULT_WIRE_PORT, startWireServer } from '../wire/index.js';
import { loadMaskingKey } from '../gateway/masking-key.js';
import { gatewaySettingOptions } from '../gateway/gateway-settings.js';
import { createQueryGateway } from '../gateway/query-gateway.js';
import { createUsageRecorder, type UsageRecorder } from '../usage/usage-recorder.js';
import { RelationCatalog } from '../gateway/relation-catalog.js';
import { productRecord } from '../catalog/product-record.js';
import { createDataPolicyGate } from '../governance/data-policy-gate.js';
import { createGovernanceService } from '../governance/governance-service.js';
import { loadGovernance } from '../governance/load-governance.js';
import { createHealthService } from '../health/health-service.js';
import { createLineageService } from '../lineage/lineage-service.js';
import { createHttpServer, type HttpServerOptions } from '../http/create-http-server.js';
import { createAuthenticator } from '../identity/authenticator.js';
import type { PlatformServices } from '../http/platform-services.js';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import { metadataStoreConfig } from '../metadata/store-from-config.js';
import { createRunEngine } from '../runtime/duckdb-session.js';
import type { RunObserver } from '../runtime/run-events.js';
import type { RuntimeContext } from '../runtime/runtime-context.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import { createWebhookDispatcher, type WebhookLog } from '../webhooks/webhook-dispatcher.js';
import { startWebhookResumer } from '../webhooks/webhook-resumer.js';
import { webhookSubscriptions } from '../webhooks/webhook-subscriptions.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { openLineageListener } from '../openlineage/openlineage-run-listener.js';
import { createDeprecatedSinceLookup } from '../lifecycle/deprecated-since.js';
import { createLifecycleRunListener } from '../lifecycle/lifecycle-run-listener.js';
import { createRetirementAnnouncer } from '../lifecycle/retirement-announcements.js';
import { createCatalogSearch } from '../search/catalog-search.js';
import { createFreshnessView } from '../search/freshness-view.js';
import { evaluateFreshness } from './freshness.js';
import { acquireServerLock } from './instance-lock.js';
import { startScheduleRunner, type ScheduleRunner } from './schedule-runner.js';
import { checkGovernance } from '../governance/check-governance.js';
import { createClusterCoordination, DEFAULT_CLUSTER_POLL_MS } from './cluster-coordination.js';
import { listenOrExplain } from './listen-errors.js';
import { serverTempDirectory } from './server-temp-directory.js';
import { createSharedGovernance } from './shared-governance.js';
import { createSharedLineage } from './shared-lineage.js';
import { assertNoUnfinishedRestore } from '../operations/backup/restore-journal.js';
import { createPlatformOperations, type PlatformOperations } from '../operations/platform-operations.js';
import type { MetricsAccess } from '../operations/metrics/metrics-access.js';
import type { ShutdownReport } from '../operations/shutdown/graceful-shutdown.js';

export interface PlatformOptions {
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** PostgreSQL wire protocol port (default 5433, or a free one when `port` is 0; false turns it off). */
  readonly wirePort?: number | false;
  /** JSON logs with secrets redacted (`true`: on stdout; or where and at which level). */
  readonly logger?: HttpServerOptions['logger'];
  /** Who may read `/metrics`: `auth` (default), `public` or `off` (operations/metrics/metrics-access.ts). */
  readonly metrics?: MetricsAccess;
  readonly observer?: RunObserver;
  /** Test seam: runs pause at these named points (see RuntimeContext.faultPoint). */
  readonly faultPoint?: RuntimeContext['faultPoint'];
  /** Freshness evaluation period (default 60 s). */
  readonly freshnessIntervalMs?: number;
  /** How often the whole mesh is checked against the governance policies; default one hour. */
  readonly governanceIntervalMs?: number;
  /** How often health scorecards are recomputed (default five minutes). */
  readonly healthIntervalMs?: number;
  /** How often agreement expiries are recorded and overdue webhook retries resumed (default 60 s). */
  readonly agreementSweepIntervalMs?: number;
  /** DEMO ONLY: `mesh demo` passes its users' tokens for the portal's login page (see HttpServerOptions). */
  readonly demoUsers?: HttpServerOptions['demoUsers'];
  /** The built portal to serve at `/` (default packages/portal/dist). */
  readonly portalRoot?: string;
  /**
   * How often this server reads what other servers on its store changed in state it holds in
   * memory (the lineage graph, governance findings); default 5 s (docs/operations/scaling.md).
   */
  readonly clusterPollMs?: number;
}

export interface RunningPlatform {
  readonly url: string;
  /** The PostgreSQL wire protocol's port, unless it was turned off. */
  readonly wirePort?: number;
  readonly services: PlatformServices;
  readonly schedule: ScheduleRunner;
  /** Query usage metering (tests flush it to read what they just queried). */
  readonly usage: UsageRecorder;
  /** Metrics, readiness and the shutdown of this server (../operations). */
  readonly operations: PlatformOperations;
  /** Stops at once: in-flight work is cut off. */
  close(): Promise<void>;
  /** Stops gracefully: no new connections, work in progress gets `graceMs`, then is cancelled; then `close()`. */
  shutdown(options: { readonly graceMs: number }): Promise<ShutdownReport>;
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const cleanups: (() => Promise<void> | void)[] = [];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    })());
  try {
    const { model, diagnostics, root } = await loadWorkspaceFromDisk(options.root, options.env);
    if (hasErrors(diagnostics)) {
      throw new InputError(
        'MW8008',
        'the workspace has validation errors; fix them first (`mesh validate`)',
        diagnostics.filter((d) => d.severity === 'error'),
      );
    }
    // A restore that stopped half-way is finished by `mesh restore`, never served (MW8320).
    assertNoUnfinishedRestore(root);
    const storeConfig = metadataStoreConfig(root, model.config, options.env.MESHWORK_DATABASE_URL);
    // One server per workspace with SQLite; several, coordinating through the store, with PostgreSQL.
    const lock = acquireServerLock(root, storeConfig.kind);
    cleanups.push(() => lock.release());
    const store = await createMetadataStore(storeConfig);
    cleanups.push(() => store.close());
    // Log lines before the HTTP server's logger exists are dropped, as the webhooks' are.
    const clusterLog = { write: (_message: string, _fields?: Record<string, unknown>) => undefined as void };
    const cluster = await createClusterCoordination(store, (message, fields) => clusterLog.write(message, fields));
    cleanups.push(() => cluster.stop());
    const temp = serverTempDirectory(root, store.kind);
    cleanups.push(() => temp.remove());
    const operations = createPlatformOperations({
      store,
      ...(options.metrics ? { metricsAccess: options.metrics } : {}),
    });
    for (const product of model.products.values()) await store.upsertProduct(productRecord(model, product));
    const configured = model.config.warehouse?.path;
    const warehouse = createLocalWarehouse({ root: configured ? join(root, configured) : defaultWarehouseRoot(root) });
    await warehouse.recover();
    // Runs go through a cancellable engine: a shutdown past its grace period stops them cleanly.
    const engine = operations.cancellable(createRunEngine({ tempDirectory: temp.path }));
    cleanups.push(() => engine.close());
    // Data policies run inside every build; they are compiled once, with the rest of governance.
    const governanceSet = loadGovernance(root, model);
    // Webhook log lines go to the HTTP server's logger once it exists.
    const webhookLog: { write: WebhookLog } = { write: () => undefined };
    const webhooks = createWebhookDispatcher({
      store,
      subscriptions: webhookSubscriptions(model.config.webhooks),
      log: (message, fields) => webhookLog.write(message, fields),
      claimRetry: cluster.claimRetry,
    });
    cleanups.push(() => webhooks.close());
    // Runs, SLO transitions and retirements are told to webhook subscribers (lifecycle/).
    const lifecycle = {
      model,
      store,
      events: webhooks,
      log: (message: string, fields: Record<string, string | number | null>) => webhookLog.write(message, fields),
    };
    const retirements = createRetirementAnnouncer(lifecycle);
    // Run events to mesh.yaml `openlineage` (MW8850 stops the start when its settings are wrong).
    const openLineage = openLineageListener({
      model,
      root,
      log: (message, fields) => webhookLog.write(message, fields),
    });
    if (openLineage) cleanups.push(() => openLineage.close(2000));
    // Lineage: the model's, each product's newest recorded column lineage, accepted OpenLineage events.
    // Reloaded from the store when another server records lineage (shared-lineage.ts).
    const lineage = await createSharedLineage(
      () => createLineageService({ model, store, log: (message, fields) => webhookLog.write(message, fields) }),
      cluster.watch,
    );
    cleanups.push(() => lineage.idle());
    const runtime = {
      model,
      root,
      store,
      warehouse,
      engine,
      observer: options.observer,
      ...(options.faultPoint ? { faultPoint: options.faultPoint } : {}),
      dataPolicyGate: createDataPolicyGate({ model, governance: governanceSet }),
      listeners: [
        ...operations.runListeners,
        lineage.listener,
        createLifecycleRunListener(lifecycle, retirements),
        ...(openLineage ? [openLineage] : []),
      ],
    };
    const authenticator = createAuthenticator({ store, model, root });
    // Access policies load fail-closed: with errors in them, every request is denied (MW5516).
    const access = loadAccessPolicies(root, model, { onDecision: operations.onDecision });
    const authorizer = access.authorizer;
    const agreements = createAgreementService({ store, model, authorizer, events: webhooks });
    // Query usage, written in batches; closed (flushed) after every query source, before the store.
    const usage = createUsageRecorder({ store, log: (message, fields) => webhookLog.write(message, fields) });
    cleanups.push(() => usage.close());
    const gateway = await createQueryGateway({
      catalog: new RelationCatalog(model, warehouse),
      authorizer,
      agreements: createAgreementLookup(store),
      warehouseRoot: warehouse.location,
      tempDirectory: join(temp.path, 'gateway'),
      maskingKey: loadMaskingKey(root, options.env),
      onUsage: usage.record,
      deprecatedSince: createDeprecatedSinceLookup(store),
      onRetiredRead: (port) => void retirements.announce(port.productId, port.port, port.major).catch(() => undefined),
      ...gatewaySettingOptions(model.config.gateway),
    });
    cleanups.push(() => gateway.close());
    // Governance policies compile once; the first whole-mesh check runs before the server answers.
    // Findings of a newer check by another server are re-evaluated here (shared-governance.ts).
    const governanceInputs = {
      root,
      model,
      authorizer,
      masks: access.masks,
      warehouse,
      store,
      governance: governanceSet,
    };
    const governance = createSharedGovernance({
      service: createGovernanceService(governanceInputs),
      store,
      watch: cluster.watch,
      claims: cluster.claims,
      evaluate: () => checkGovernance({ ...governanceInputs, now: new Date() }),
    });
    await governance.run('system', 'serve');
    const health = createHealthService({
      model,
      store,
      governance: () => {
        const latest = governance.latest();
        return latest && { report: latest.report, policies: governance.governance.policies };
      },
      refreshIntervalMs: options.healthIntervalMs ?? 300_000,
    });
    cleanups.push(() => health.close());
    // The search index is built once from the model; freshness is refreshed after each evaluation,
    // and ranking reads the health scorecards (documentation, SLOs, quality, compliance, usage).
    const freshness = createFreshnessView(store, model);
    const search = createCatalogSearch(model, { freshness: freshness.bucket, quality: health.quality });
    const services: PlatformServices = {
      root,
      model,
      diagnostics,
      store,
      warehouse,
      runtime,
      authenticator,
      agreements,
      webhooks,
      // Every HTTP front end (query routes, metrics, the portal console) is metered as channel http.
      gateway: operations.gatewayFor(gateway, 'http'),
      authorizer,
      accessDiagnostics: access.diagnostics,
      governance,
      health,
      search,
      lineage,
    };

    const app = await createHttpServer(services, {
      logger: options.logger,
      demoUsers: options.demoUsers,
      portalRoot: options.portalRoot,
      operations: operations.http,
    });
    let httpClosing: Promise<void> | undefined;
    const closeHttp = () => (httpClosing ??= app.close());
    cleanups.push(closeHttp);
    const httpAddress = { host: options.host ?? '127.0.0.1', port: options.port ?? 8080 };
    const address = await listenOrExplain('http', httpAddress, () => app.listen(httpAddress));

    const log = (message: string, fields: Record<string, unknown> = {}) => app.log.info(fields, message);
    for (const problem of [...access.diagnostics, ...governance.governance.diagnostics].filter(
      (d) => d.severity === 'error',
    )) {
      app.log.error({ code: problem.code, file: problem.file, line: problem.line }, problem.message);
    }
    // The PostgreSQL wire protocol: the same gateway, a token (or JWT) as the password.
    // An ephemeral HTTP port (tests, several servers) gets an ephemeral wire port too.
    const wireAddress = {
      host: options.host ?? '127.0.0.1',
      port: typeof options.wirePort === 'number' ? options.wirePort : options.port === 0 ? 0 : DEFAULT_WIRE_PORT,
    };
    const wire =
      options.wirePort === false
        ? undefined
        : await listenOrExplain('wire', wireAddress, () =>
            startWireServer({
              ...wireAddress,
              gateway: operations.gatewayFor(gateway, 'wire'),
              observer: operations.wireObserver(app.log),
              authenticate: (_user, password) => authenticator.authenticate(password),
              // psql and drivers show no truncation flag: a result past the limits is an error there.
              queryLimits: { onLimit: 'fail' },
              ...wireTls(root, model.config.gateway?.tls),
              log: (level, message, fields) =>
                level === 'error' ? app.log.error(fields ?? {}, message) : app.log.info(fields ?? {}, message),
            }),
          );
    if (wire) cleanups.push(() => wire.close());
    webhookLog.write = (message, fields) => log(message, fields);
    clusterLog.write = (message, fields) => log(message, fields);
    if (store.kind === 'postgres' && !options.env.MESHWORK_MASKING_KEY) {
      app.log.warn(
        { code: 'MW8353' },
        'masking key read from .meshwork/masking.key: servers of this mesh on other machines must use the same key (MESHWORK_MASKING_KEY)',
      );
    }
    cluster.start(address, options.clusterPollMs ?? DEFAULT_CLUSTER_POLL_MS);
    const sweepEvery = options.agreementSweepIntervalMs ?? 60_000;
    const sweeper = startAgreementSweeper({ agreements, intervalMs: sweepEvery, log });
    cleanups.push(() => sweeper.stop());
    const resumer = startWebhookResumer(webhooks, { intervalMs: sweepEvery, log });
    cleanups.push(() => resumer.stop());
    const schedule = startScheduleRunner({ model, runtime, claims: cluster.claims, log });
    cleanups.push(() => schedule.stop());
    const evaluate = () =>
      evaluateFreshness(model, store, warehouse, new Date(), webhooks)
        .then(() => freshness.refresh())
        // Port versions reaching their endOfLife are announced even when nothing runs or reads them.
        .then(() => retirements.sweep())
        .catch((error: unknown) => log('freshness evaluation failed', { error: String(error) }));
    await evaluate();
    // The first health batch starts now (search ranking reads it), without delaying the start.
    void health.refresh().catch((error: unknown) => log('health refresh failed', { error: String(error) }));
    // Governance is re-checked on a timer too: the data changes with every build and waivers expire.
    // One server per period records the check; the others follow it.
    const governanceEvery = options.governanceIntervalMs ?? 3_600_000;
    const recheck = () =>
      governance
        .recheck(governanceEvery)
        .catch((error: unknown) => log('governance check failed', { error: String(error) }));
    const governanceTimer = setInterval(recheck, governanceEvery);
    governanceTimer.unref();
    cleanups.push(() => clearInterval(governanceTimer));
    const timer = setInterval(evaluate, options.freshnessIntervalMs ?? 60_000);
    timer.unref();
    cleanups.push(() => clearInterval(timer));
    operations.metrics.queues.webhookDeliveriesPending = () => webhooks.pending();
    operations.metrics.queues.runsScheduled = () => schedule.scheduled.length;
    operations.readiness.ready();
    const shutdown = async ({ graceMs }: { readonly graceMs: number }) => {
      const targets = {
        closeHttp,
        cutHttp: () => app.server.closeAllConnections(),
        closeIdleHttp: () => app.server.closeIdleConnections(),
        ...(wire ? { wire } : {}),
        stopScheduling: () => schedule.stop(),
        log: app.log,
      };
      const report = await operations.shutdown(targets, graceMs);
      await close();
      return report;
    };
    return {
      url: address,
      ...(wire ? { wirePort: wire.port } : {}),
      services,
      schedule,
      usage,
      operations,
      close,
      shutdown,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** PEM files of mesh.yaml `gateway.tls`, read once at start; a missing file stops the start. */
function wireTls(root: string, tls: { readonly cert: string; readonly key: string } | undefined) {
  if (!tls) return {};
  const read = (path: string) => {
    try {
      return readFileSync(resolve(root, path));
    } catch {
      throw new InputError('MW5020', `cannot read ${path} (mesh.yaml gateway.tls); check the path and permissions`);
    }
  };
  return { tls: { cert: read(tls.cert), key: read(tls.key) } };
}
