/**
 * `POST /api/v1/lineage` and `/api/v1/lineage/batch` over real HTTP: `mesh serve` (startPlatform)
 * on a real workspace, real API tokens through the authentication hook, the SQLite store
 * underneath. Who may post, what is stored, how malformed events and oversized bodies are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStandardJson, standardsDir } from '../../../../test-support/standards.js';
import { createAccessWorkspace, type AccessWorkspace } from '../agreements/test-support/access-workspace.js';
import { startPlatform, type RunningPlatform } from '../platform/start-platform.js';

let workspace: AccessWorkspace;
let platform: RunningPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  workspace = await createAccessWorkspace();
  platform = await startPlatform({ root: workspace.root, env: {}, port: 0, wirePort: false });
  const create = platform.services.authenticator.tokens.create;
  for (const id of ['adam', 'olga', 'ana', 'churn-bot']) tokens[id] = (await create(id, { createdBy: 'test' })).token;
  tokens['churn-bot-query'] = (await create('churn-bot', { createdBy: 'test', scopes: ['query'] })).token;
  tokens['churn-bot-publish'] = (await create('churn-bot', { createdBy: 'test', scopes: ['publish'] })).token;
  tokens['adam-query'] = (await create('adam', { createdBy: 'test', scopes: ['query'] })).token;
});

afterAll(async () => {
  await platform?.close();
  await workspace?.dispose();
});

type Json = Record<string, unknown> & { error?: { code: string; message: string } };

async function post(
  as: string | null,
  path: string,
  body: unknown,
  raw = false,
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) headers.authorization = `Bearer ${tokens[as]}`;
  const response = await fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers,
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

let serial = 0;
function runEvent(overrides: Record<string, unknown> = {}) {
  serial++;
  return {
    eventType: 'START',
    eventTime: '2026-03-01T02:00:00Z',
    producer: 'https://github.com/OpenLineage/OpenLineage/tree/1.30.0/integration/airflow',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: `0190a3c4-5b6d-7e8f-9a0b-${String(serial).padStart(12, '0')}` },
    job: { namespace: 'airflow', name: `etl.load_${serial}` },
    inputs: [{ namespace: 'postgres://shop:5432', name: 'shop.public.orders' }],
    outputs: [{ namespace: 'meshwork://access-test', name: 'sales.orders.orders_v1' }],
    ...overrides,
  };
}

async function stored() {
  return (await platform.services.store.listLineageEvents({ limit: 1000 })).items;
}

describe('POST /api/v1/lineage', () => {
  it('an administrator posts an event: it is stored as received, with who sent it', async () => {
    const event = runEvent();
    const answer = await post('adam', '/api/v1/lineage', event);
    expect(answer.status).toBe(200);
    const record = (await stored()).find((e) => e.id === answer.body.id);
    expect(record).toMatchObject({
      eventType: 'START',
      producer: event.producer,
      jobNamespace: 'airflow',
      jobName: event.job.name,
      runId: event.run.runId,
      receivedBy: 'adam',
      body: event,
    });
  });

  it('merges the event into the lineage graph: a Spark job reading a product shows up downstream of it', async () => {
    const event = runEvent({
      eventType: 'COMPLETE',
      inputs: [{ namespace: 'meshwork://access-test', name: 'sales.orders.orders_v1' }],
      outputs: [{ namespace: 's3://lake', name: '/reports/orders_daily' }],
    });
    expect((await post('churn-bot', '/api/v1/lineage', event)).status).toBe(200);
    const downstream = platform.services.lineage.lineage('sales.orders', { direction: 'downstream' });
    expect(downstream.nodes).toContainEqual(
      expect.objectContaining({
        kind: 'dataset',
        dataset: expect.objectContaining({ kind: 'external', namespace: 's3://lake', name: '/reports/orders_daily' }),
      }),
    );
    expect(downstream.edges).toContainEqual(expect.objectContaining({ kind: 'dataset', source: 'openlineage' }));
  });

  it.skipIf(!standardsDir)('accepts the official full example event', async () => {
    const example = readStandardJson('openlineage/spec/tests/example_full_event.json');
    const answer = await post('churn-bot', '/api/v1/lineage', example);
    expect(answer.status).toBe(200);
    expect((await stored()).find((e) => e.id === answer.body.id)).toMatchObject({
      eventType: 'COMPLETE',
      jobName: 'dbt',
      receivedBy: 'churn-bot',
      body: example,
    });
  });

  it('a service account posts with a token that allows publish', async () => {
    expect((await post('churn-bot-publish', '/api/v1/lineage', runEvent())).status).toBe(200);
  });

  it.each([
    ['olga', 'an owner who does not administer the mesh'],
    ['ana', 'a consumer'],
    ['churn-bot-query', 'a service account whose token only allows query'],
    ['adam-query', 'an administrator whose token only allows query'],
  ])('refuses %s (%s) with 403 MW8852, storing nothing', async (as) => {
    const before = (await stored()).length;
    const answer = await post(as, '/api/v1/lineage', runEvent());
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe('MW8852');
    expect(await stored()).toHaveLength(before);
  });

  it('refuses an unauthenticated post with 401', async () => {
    expect((await post(null, '/api/v1/lineage', runEvent())).status).toBe(401);
  });

  it('refuses a malformed event with 400 naming the field, storing nothing', async () => {
    const before = (await stored()).length;
    const answer = await post('adam', '/api/v1/lineage', runEvent({ run: { runId: 'run-42' } }));
    expect(answer).toEqual({ status: 400, body: { error: { code: 'MW8851', message: '/run/runId: must be a UUID' } } });
    const noJob = await post('adam', '/api/v1/lineage', runEvent({ job: { namespace: 'airflow' } }));
    expect(noJob.body.error).toEqual({ code: 'MW8851', message: '/job/name: is required' });
    expect(await stored()).toHaveLength(before);
  });

  it('refuses a body that is not JSON, and one past 1 MiB', async () => {
    expect((await post('adam', '/api/v1/lineage', '{"eventTime": ', true)).body.error).toEqual({
      code: 'MW8851',
      message: '/: the body is not a JSON document',
    });
    const huge = runEvent({
      run: { runId: '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b', facets: { big: { text: 'x'.repeat(1100 * 1024) } } },
    });
    const answer = await post('adam', '/api/v1/lineage', huge);
    expect(answer.status).toBe(413);
    expect(answer.body.error?.code).toBe('MW8854');
  });
});

describe('the OpenAPI document', () => {
  it('describes both routes', async () => {
    const document = (await (await fetch(`${platform.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { post?: { tags?: string[] } }>;
    };
    expect(document.paths['/api/v1/lineage']?.post?.tags).toEqual(['lineage']);
    expect(document.paths['/api/v1/lineage/batch']?.post?.tags).toEqual(['lineage']);
  });
});

describe('POST /api/v1/lineage/batch', () => {
  it('judges each event on its own and stores the valid ones', async () => {
    const first = runEvent();
    const second = runEvent();
    const answer = await post('churn-bot', '/api/v1/lineage/batch', [
      first,
      { ...runEvent(), eventTime: 'yesterday' },
      second,
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      accepted: 2,
      rejected: 1,
      results: [
        { index: 0, status: 'accepted', id: expect.any(String) },
        {
          index: 1,
          status: 'rejected',
          error: { code: 'MW8851', message: expect.stringMatching(/^\/eventTime: must be an RFC 3339 date-time/) },
        },
        { index: 2, status: 'accepted', id: expect.any(String) },
      ],
    });
    const ids = (answer.body.results as { id?: string }[]).flatMap((r) => (r.id ? [r.id] : []));
    const records = (await stored()).filter((e) => ids.includes(e.id));
    // Stored events list by (receivedAt, id): two received in the same millisecond have no order
    // between them, so the batch's order shows in the results above, not in the listing.
    expect(records.map((r) => r.jobName).sort()).toEqual([first.job.name, second.job.name].sort());
  });

  it('refuses a body that is not an array, or too many events, and anyone who may not post', async () => {
    expect((await post('adam', '/api/v1/lineage/batch', runEvent())).body.error).toEqual({
      code: 'MW8851',
      message: '/: a batch must be a JSON array of events',
    });
    const tooMany = Array.from({ length: 1001 }, () => ({}));
    const answer = await post('adam', '/api/v1/lineage/batch', tooMany);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('MW8853');
    expect((await post('ana', '/api/v1/lineage/batch', [runEvent()])).body.error?.code).toBe('MW8852');
  });
});
