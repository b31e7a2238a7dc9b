/**
 * `mesh query` and `mesh sql` on a scaffolded workspace with its starter access policies: the
 * admin reads the published product, a principal no policy lets query is refused, and everything
 * around the queries (formats, limits, the shell) is checked on queries that read no product.
 */
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempWorkspace, type TempWorkspace } from '../../server/src/test-support/temp-workspace.js';
import { main } from './main.js';
import { StatementBuffer } from './sql-statements.js';
import { runCli, type CliRun } from './test-support/run-cli.js';

let ws: TempWorkspace;

beforeAll(async () => {
  ws = await createTempWorkspace([['sales', 'orders']]);
  await ws.edit('mesh.yaml', (text) => `${text}  - id: guest\n    name: Guest\n`);
  const built = await runCli(['run', 'sales/orders'], ws.root);
  if (built.code !== 0) throw new Error(built.stderr);
});
afterAll(async () => ws?.dispose());

const mesh = (args: readonly string[], env: Record<string, string> = {}) => runCli(args, ws.root, env);

/** `mesh` in-process with a standard input (and, for a terminal, a stdout stream readline can drive). */
async function meshWithInput(
  args: readonly string[],
  stdin: PassThrough,
  options: { terminal?: boolean; env?: Record<string, string> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const terminalOut = new PassThrough();
  terminalOut.on('data', (piece: Buffer) => (stdout += piece.toString()));
  const streams = {
    stdout: options.terminal ? Object.assign(terminalOut, { isTTY: false }) : { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Object.assign(stdin, { isTTY: options.terminal ?? false }),
  };
  const code = await main(args, { cwd: ws.root, env: { NO_COLOR: '1', ...options.env }, streams });
  return { code, stdout, stderr };
}

describe('mesh query', () => {
  it('prints a table: aligned columns, NULL, numbers to the right, wide cells cut, rows and time', async () => {
    const run = await mesh([
      'query',
      "SELECT 1 AS n, NULL::VARCHAR AS missing, 12.5::DECIMAL(5,2) AS amount, repeat('x', 100) AS wide, 'two\nlines' AS t",
      '--as',
      'admin',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^n {2}missing {2}amount {2}wide +t$/);
    expect(lines[2]).toMatch(/^1 {2}NULL {5} 12\.50 {2}x{39}… {2}two↵lines$/);
    expect(lines.at(-1)).toMatch(/^\(1 row, \d+ ms\)$/);
  });

  it('acts as MESHWORK_USER without --as, and refuses an unknown or missing principal (MW5220)', async () => {
    expect((await mesh(['query', 'SELECT 1 AS x'], { MESHWORK_USER: 'admin' })).code).toBe(0);
    const unknown = await mesh(['query', 'SELECT 1 AS x', '--as', 'mallory']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /MW5220: no user or service account "mallory" in mesh.yaml \(declared: admin, guest\)/,
    );
    const nobody = await mesh(['query', 'SELECT 1 AS x']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/MW5220: name the principal/);
  });

  it('streams CSV, JSON and NDJSON with the API encoders', async () => {
    const sql = "SELECT 1 AS x, 'a,b' AS y, 9007199254740993::BIGINT AS big, DATE '2026-01-03' AS d";
    const csv = await mesh(['query', sql, '--as', 'admin', '--format', 'csv']);
    expect(csv.stdout).toBe('x,y,big,d\r\n1,"a,b",9007199254740993,2026-01-03\r\n');
    const json = await mesh(['query', sql, '--as', 'admin', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      columns: [
        { name: 'x', type: 'INTEGER' },
        { name: 'y', type: 'VARCHAR' },
        { name: 'big', type: 'BIGINT' },
        { name: 'd', type: 'DATE' },
      ],
      rows: [[1, 'a,b', '9007199254740993', '2026-01-03']],
      stats: { rows: 1, truncated: false },
    });
    const ndjson = await mesh(['query', sql, '--as', 'admin', '--format', 'ndjson']);
    expect(JSON.parse(ndjson.stdout)).toEqual({ x: 1, y: 'a,b', big: '9007199254740993', d: '2026-01-03' });
  });

  it('binds --param values to $1, $2 in order', async () => {
    const run = await mesh([
      'query',
      'SELECT $1::INTEGER + 1 AS n, upper($2) AS s',
      '--param',
      '41',
      '--param',
      'abc',
      '--as',
      'admin',
      '--format',
      'csv',
    ]);
    expect(run.stdout).toBe('n,s\r\n42,ABC\r\n');
    const missing = await mesh(['query', 'SELECT $1 AS n', '--as', 'admin']);
    expect(missing.stderr).toMatch(/MW5014/);
  });

  it('stops at --max-rows and says so', async () => {
    const table = await mesh(['query', 'SELECT range AS n FROM range(10)', '--as', 'admin', '--max-rows', '3']);
    expect(table.stdout).toMatch(/\(3 rows, truncated by a row or size limit \(--max-rows\), \d+ ms\)/);
    const csv = await mesh([
      'query',
      'SELECT range AS n FROM range(10)',
      '--as',
      'admin',
      '--max-rows',
      '3',
      '--format',
      'csv',
    ]);
    expect(csv.stdout).toBe('n\r\n0\r\n1\r\n2\r\n');
    expect(csv.stderr).toMatch(/truncated by a row or size limit after 3 rows/);
  });

  it('reports gateway refusals with their codes', async () => {
    const syntax = await mesh(['query', 'SELECT FROM WHERE', '--as', 'admin']);
    expect([syntax.code, syntax.stderr]).toEqual([1, expect.stringMatching(/error MW5001: /)]);
    const write = await mesh(['query', 'CREATE TABLE t (x INTEGER)', '--as', 'admin']);
    expect(write.stderr).toMatch(/error MW5002: /);
    const file = await mesh(['query', "SELECT * FROM read_csv('/etc/passwd')", '--as', 'admin']);
    expect(file.stderr).toMatch(/error MW5007: /);
  });

  it('reads a published product under the workspace policies, and refuses a principal no policy lets query', async () => {
    const run = await mesh([
      'query',
      'SELECT id, name FROM sales.orders ORDER BY id',
      '--as',
      'admin',
      '--format',
      'csv',
    ]);
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
    expect(run.stdout).toBe('id,name\r\n1,Alpha\r\n2,Beta\r\n');
    const guest = await mesh(['query', 'SELECT * FROM sales.orders', '--as', 'guest']);
    expect(guest.code).toBe(1);
    expect(guest.stderr).toMatch(/MW5016: not allowed to query sales.orders/);
    const relations = await mesh(['query', '--relations', '--as', 'admin', '--format', 'json']);
    expect(relations.code).toBe(0);
    expect(JSON.parse(relations.stdout)).toEqual([expect.objectContaining({ schema: 'sales', name: 'orders' })]);
    const none = await mesh(['query', '--relations', '--as', 'guest']);
    expect(none.stderr).toMatch(/No relations you may query/);
  });

  it('usage errors exit 2: no query, a bad --max-rows or --format', async () => {
    expect((await mesh(['query', '--as', 'admin'])).code).toBe(2);
    expect((await mesh(['query', 'SELECT 1', '--max-rows', '0'])).code).toBe(2);
    expect((await mesh(['query', 'SELECT 1', '--format', 'xml'])).code).toBe(2);
  });

  it('documents itself in --help', async () => {
    const run = await mesh(['query', '--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--as <principal>',
      '--purpose <purpose>',
      '--format <format>',
      '--max-rows <n>',
      '--param <value>',
      '--relations',
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });
});

describe('mesh sql', () => {
  it('reads statements from a non-terminal stdin: several per line, over lines, quoted semicolons', async () => {
    const stdin = new PassThrough();
    stdin.end("SELECT 1 AS a; SELECT 2\n  AS b;\nSELECT 'x;y' AS s -- a comment; still\n;\nSELECT 3 AS last");
    const run = await meshWithInput(['sql', '--as', 'admin'], stdin);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^a\n─\n1\n\(1 row, \d+ ms\)\nb\n─\n2\n/);
    expect(run.stdout).toContain('x;y');
    expect(run.stdout).toMatch(/last\n─{4}\n {3}3\n/);
  });

  it('goes on after a failing statement, and exits 1 at the end', async () => {
    const stdin = new PassThrough();
    stdin.end('SELECT FROM;\nSELECT 42 AS answer;\n');
    const run = await meshWithInput(['sql', '--as', 'admin'], stdin);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error MW5001: /);
    expect(run.stdout).toContain('42');
  });

  it('\\dt lists relations, \\d describes one, \\q quits before the rest', async () => {
    const stdin = new PassThrough();
    stdin.end('\\dt\n\\d sales.orders\n\\?\n\\q\nSELECT 1 AS never;\n');
    const run = await meshWithInput(['sql', '--as', 'admin'], stdin);
    expect(run.stdout).toMatch(/sales\.orders/);
    expect(run.stdout).toMatch(/amount/);
    expect(run.stdout).toContain('\\d <relation>');
    expect(run.stdout).not.toContain('never');
  });

  it('on a terminal, Ctrl-C cancels the running query and the shell goes on', async () => {
    const stdin = new PassThrough();
    const running = meshWithInput(['sql', '--as', 'admin'], stdin, { terminal: true });
    stdin.write('SELECT count(*) FROM range(100000000000000);\n');
    await new Promise((resolve) => setTimeout(resolve, 500));
    stdin.write('\x03');
    await new Promise((resolve) => setTimeout(resolve, 200));
    stdin.write('SELECT 7 AS after;\n');
    stdin.write('\\q\n');
    const run = await running;
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/error MW5011: the query was cancelled/);
    expect(run.stdout).toContain('mesh> ');
    expect(run.stdout).toMatch(/after\n─+\n +7\n/);
  });

  it('on a terminal, Ctrl-C drops an unfinished statement', async () => {
    const stdin = new PassThrough();
    const running = meshWithInput(['sql', '--as', 'admin'], stdin, { terminal: true });
    stdin.write('SELECT 1 AS dropped\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    stdin.write('\x03');
    stdin.write('SELECT 2 AS kept;\n\\q\n');
    const run = await running;
    expect(run.stdout).toContain('kept');
    expect(run.stdout).not.toMatch(/dropped\s*\n─/);
  });

  it('documents itself in --help', async () => {
    const run = await mesh(['sql', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--as <principal>');
  });
});

describe('as a real process', () => {
  /** `mesh` as a child process with piped stdin, as a shell pipeline runs it. */
  function pipeline(args: readonly string[], input: string): Promise<CliRun> {
    const register = new URL('./test-support/register-cli-typescript.mjs', import.meta.url).href;
    const entry = fileURLToPath(new URL('./test-support/mesh-child.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', register, entry, ...args], {
      cwd: ws.root,
      env: { ...process.env, NO_COLOR: '1', MESHWORK_USER: 'admin' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (piece: Buffer) => (stdout += piece.toString()));
    child.stderr.on('data', (piece: Buffer) => (stderr += piece.toString()));
    child.stdin.end(input);
    return new Promise((resolve) => child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  }

  it('echo "SELECT 1;" | mesh sql', async () => {
    const run = await pipeline(['sql'], 'SELECT 1 AS one;\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^one\n─{3}\n {2}1\n\(1 row, \d+ ms\)\n$/);
  });

  it('mesh query --format ndjson writes to a pipe with backpressure', async () => {
    const run = await pipeline(['query', 'SELECT range AS n FROM range(200000)', '--format', 'ndjson'], '');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(200000);
    expect(lines[199999]).toBe('{"n":"199999"}');
  });
});

describe('statement splitting', () => {
  it('ends statements at semicolons outside strings, identifiers, dollar quotes and comments', () => {
    const buffer = new StatementBuffer();
    expect(buffer.push(`SELECT 'a;b', "c;d", $$e;f$$, $t$g;h$t$ /* i; */ -- j;`)).toEqual([]);
    expect(buffer.pending).toBe(true);
    expect(buffer.push(`, 'it''s;' AS k; SELECT 2;;`)).toEqual([
      `SELECT 'a;b', "c;d", $$e;f$$, $t$g;h$t$ /* i; */ -- j;\n, 'it''s;' AS k`,
      'SELECT 2',
    ]);
    expect(buffer.pending).toBe(false);
    buffer.push('SELECT 3');
    expect(buffer.take()).toBe('SELECT 3');
  });
});
