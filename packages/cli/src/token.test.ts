/**
 * `mesh token create|list|revoke` end to end, in-process, on SQLite and on PostgreSQL
 * (MESHWORK_DATABASE_URL): the token is printed once, lists never show secrets, revocation is
 * immediate and audited, and bad input exits 1 with a code.
 */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator, createMetadataStore, loadWorkspaceFromDisk, metadataStoreConfig } from '@meshwork/server';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../test-support/postgres.js';
import { runCli } from './test-support/run-cli.js';

let parent: string;
let pgDatabase: TestDatabase | undefined;
const pgUrl = postgresServerUrl();

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'meshwork-token-'));
  if (pgUrl) pgDatabase = await createTestDatabase(pgUrl);
});
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
  await pgDatabase?.drop();
});

/** Authenticates as `mesh serve` would: a fresh load of the workspace and its store. */
async function authenticate(root: string, env: Record<string, string>, token: string) {
  const { model } = await loadWorkspaceFromDisk(root, env);
  const store = await createMetadataStore(metadataStoreConfig(root, model.config, env.MESHWORK_DATABASE_URL));
  try {
    return await createAuthenticator({ store, model, root }).authenticate(token);
  } finally {
    await store.close();
  }
}

describe.each([
  { name: 'SQLite', env: (): Record<string, string> => ({ MESHWORK_USER: 'olga' }) },
  {
    name: 'PostgreSQL',
    env: (): Record<string, string> => ({ MESHWORK_USER: 'olga', MESHWORK_DATABASE_URL: pgDatabase!.url }),
  },
])('mesh token on $name', ({ name, env: envOf }) => {
  it.skipIf(name === 'PostgreSQL' && !pgUrl)('creates, lists and revokes tokens', async () => {
    const root = join(parent, name);
    const env = envOf();
    expect((await runCli(['init', root], parent)).code).toBe(0);
    await appendFile(
      join(root, 'mesh.yaml'),
      '\nserviceAccounts:\n  - id: etl-bot\n    team: platform\n    roles: [producer]\n',
    );

    const created = await runCli(
      ['token', 'create', 'admin', '--scope', 'query', 'discover', '--expires', '30d', '--description', 'BI'],
      root,
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const [summary, token] = created.stdout.trim().split('\n');
    expect(token).toMatch(/^mwt_[a-z2-7]{16}_[A-Za-z0-9_-]{43}$/);
    const id = token!.slice(4, 20);
    expect(summary).toContain(`Created token ${id} for user admin — scopes discover,query, expires`);
    expect(created.stderr).toContain('shown only once');
    await expect(authenticate(root, env, token!)).resolves.toMatchObject({
      id: 'admin',
      roles: ['admin'],
      scopes: ['discover', 'query'],
      authenticatedBy: `token:${id}`,
    });

    const bot = await runCli(['token', 'create', 'etl-bot', '--json'], root, env);
    expect(bot.code, bot.stderr).toBe(0);
    const botJson = JSON.parse(bot.stdout) as { token: string; id: string; principalKind: string; scopes: null };
    expect(botJson).toMatchObject({
      principalId: 'etl-bot',
      principalKind: 'service',
      scopes: null,
      createdBy: 'olga',
    });
    expect(bot.stderr).toBe('');

    const list = await runCli(['token', 'list'], root, env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^id\s+principal\s+kind\s+scopes\s+status/);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain(botJson.id);
    const listJson = await runCli(['token', 'list', '--principal', 'etl-bot', '--json'], root, env);
    expect((JSON.parse(listJson.stdout) as { items: { id: string }[] }).items.map((t) => t.id)).toEqual([botJson.id]);
    for (const output of [list.stdout, listJson.stdout]) {
      expect(output).not.toContain(token!.slice(21));
      expect(output).not.toContain(botJson.token.slice(21));
      expect(output).not.toMatch(/secret|hash/i);
    }

    const revoked = await runCli(['token', 'revoke', id], root, env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout.trim()).toBe(`revoked token ${id} of user admin`);
    await expect(authenticate(root, env, token!)).rejects.toMatchObject({ code: 'MW5205' });
    const again = await runCli(['token', 'revoke', token!], root, env);
    expect(again.stdout).toContain(`token ${id} was already revoked at`);

    expect((await runCli(['token', 'list'], root, env)).stdout).not.toContain(id);
    const all = await runCli(['token', 'list', '--all', '--json'], root, env);
    const items = (JSON.parse(all.stdout) as { items: { id: string; revokedBy: string | null }[] }).items;
    expect(items.find((t) => t.id === id)).toMatchObject({ revokedBy: 'olga' });

    const audit = await runCli(['audit', 'log', '--json'], root, env);
    const events = (JSON.parse(audit.stdout) as { items: { action: string; actor: string; resource: string }[] }).items;
    expect(events.map((e) => [e.action, e.actor, e.resource])).toEqual([
      ['token.created', 'olga', `urn:meshwork:token:${id}`],
      ['token.created', 'olga', `urn:meshwork:token:${botJson.id}`],
      ['token.revoked', 'olga', `urn:meshwork:token:${id}`],
    ]);
    expect(audit.stdout).not.toContain(token!.slice(21));
    expect((await runCli(['audit', 'verify'], root, env)).code).toBe(0);
  });

  it.skipIf(name === 'PostgreSQL' && !pgUrl)('refuses bad input with a code and exit 1', async () => {
    const root = join(parent, `${name}-errors`);
    const env = envOf();
    expect((await runCli(['init', root], parent)).code).toBe(0);
    const cases: [string[], string][] = [
      [['token', 'create', 'mallory'], 'MW5220'],
      [['token', 'create', 'admin', '--scope', 'root'], 'MW5221'],
      [['token', 'create', 'admin', '--expires', 'forever'], 'MW5222'],
      [['token', 'create', 'admin', '--expires', '400d'], 'MW5223'],
      [['token', 'revoke', 'aaaaaaaaaaaaaaaa'], 'MW5224'],
      [['token', 'list', '--limit', '0'], 'MW6103'],
    ];
    for (const [args, code] of cases) {
      const result = await runCli(args, root, env);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(`error ${code}:`);
      expect(result.stdout).toBe('');
    }
    expect((await runCli(['token', 'create'], root, env)).code).toBe(2);

    await appendFile(join(root, 'mesh.yaml'), 'identity:\n  tokens: { maxTtlDays: 7 }\n');
    const capped = await runCli(['token', 'create', 'admin', '--expires', '8d'], root, env);
    expect(capped.stderr).toContain('maximum of 7 days');
    const short = await runCli(['token', 'create', 'admin', '--json'], root, env);
    const record = JSON.parse(short.stdout) as { createdAt: string; expiresAt: string };
    expect(Date.parse(record.expiresAt) - Date.parse(record.createdAt)).toBe(7 * 86_400_000);

    await appendFile(join(root, 'mesh.yaml'), 'identity:\n  bogus: true\n');
    const broken = await runCli(['token', 'create', 'admin'], root, env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('MW8008');
    expect(await readFile(join(root, 'mesh.yaml'), 'utf8')).toContain('bogus');
  });
});
