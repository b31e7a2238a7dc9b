// Benchmark of issue 5: one million rows of sales.lineitem over `POST /api/v1/query` in each
// result format (Arrow IPC and JSON first), in rows/s and MB/s, against raw DuckDB producing the
// same rows in-process (the floor: no gateway, no encoding, no HTTP). Every answer's row count is
// checked outside the timed part, so a truncated or failed response cannot pass for a fast one.
//
//   node bench/http-query-bench.js [--scale 1] [--rows 1000000] [--runs 3]
import { Buffer } from 'node:buffer';
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_SETTINGS, adminToken, startBenchPlatform } from './bench-platform.js';
import { median, ms } from './stats.js';
import { scaleArgument, tpchWorkspace } from './tpch/generate-tpch-workspace.js';
import { openRawBaseline } from './tpch/raw-baseline.js';

const FORMATS = ['arrow', 'json', 'ndjson', 'csv', 'parquet'];

/** POSTs the query and reads the whole answer; only receiving is timed, not checking. */
function post(url, token, body) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      new URL('/api/v1/query', url),
      { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/**
 * Rows in an Arrow IPC stream, from its framing alone (no Arrow library is a dependency): each
 * message is [0xFFFFFFFF] <int32 metadata length> <flatbuffer Message> <body>; a RecordBatch
 * message (header type 3) holds its row count as the first field of its header table.
 */
function arrowRows(buf) {
  let at = 0;
  let rows = 0;
  const field = (table, i) => {
    const vtable = table - buf.readInt32LE(table);
    return 4 + 2 * i < buf.readUInt16LE(vtable) ? buf.readUInt16LE(vtable + 4 + 2 * i) : 0;
  };
  while (at + 8 <= buf.length) {
    if (buf.readUInt32LE(at) === 0xffffffff) at += 4;
    const length = buf.readInt32LE(at);
    at += 4;
    if (length === 0) break; // end-of-stream marker
    const message = at + buf.readUInt32LE(at);
    const typeOffset = field(message, 1);
    const headerOffset = field(message, 2);
    const bodyOffset = field(message, 3);
    const bodyLength = bodyOffset ? Number(buf.readBigInt64LE(message + bodyOffset)) : 0;
    if (typeOffset && buf.readUInt8(message + typeOffset) === 3 && headerOffset) {
      const header = message + headerOffset + buf.readUInt32LE(message + headerOffset);
      const lengthOffset = field(header, 0);
      rows += lengthOffset ? Number(buf.readBigInt64LE(header + lengthOffset)) : 0;
    }
    at += length + bodyLength;
  }
  return rows;
}

async function parquetRows(buf) {
  const dir = await mkdtemp(join(tmpdir(), 'meshwork-http-bench-'));
  try {
    await writeFile(join(dir, 'r.parquet'), buf);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const r = await c.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM read_parquet('${join(dir, 'r.parquet')}')`);
    c.closeSync();
    db.closeSync();
    return Number(r.getRowObjects()[0].n);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const lines = (buf) =>
  buf
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0).length;

/** Rows in an answer of the given format (the JSON envelope may be an array or hold `rows`/`data`). */
async function countRows(format, buf) {
  if (format === 'arrow') return arrowRows(buf);
  if (format === 'parquet') return parquetRows(buf);
  if (format === 'ndjson') return lines(buf);
  if (format === 'csv') return lines(buf) - 1; // header line
  const doc = JSON.parse(buf.toString('utf8'));
  return (Array.isArray(doc) ? doc : (doc.rows ?? doc.data ?? [])).length;
}

const mbps = (bytes, msValue) => (bytes / 1e6 / (msValue / 1000)).toFixed(1);
const rps = (rows, msValue) => Math.round(rows / (msValue / 1000)).toLocaleString();

export async function httpQueryBench({ scale = 1, rows = 1_000_000, runs = 3 } = {}) {
  const ws = await tpchWorkspace({ scale });
  const n = Math.min(rows, ws.counts.lineitem);
  const sql = { gateway: `SELECT * FROM sales.lineitem LIMIT ${n}`, raw: `SELECT * FROM lineitem LIMIT ${n}` };
  const platform = await startBenchPlatform(ws.root);
  const raw = await openRawBaseline(platform.services.warehouse, DUCKDB_SETTINGS);
  try {
    await raw.run(sql.raw);
    const rawMs = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await raw.run(sql.raw);
      rawMs.push(performance.now() - t);
    }
    const floor = median(rawMs);
    console.log(
      `  ${n.toLocaleString()} rows x 16 columns of sales.lineitem (TPC-H scale ${scale}), medians of ${runs} runs:`,
    );
    console.log(`  raw DuckDB in-process (drain chunks):  ${ms(floor)} ms, ${rps(n, floor)} rows/s`);

    const token = await adminToken(platform);
    // TODO(lead): until a token service is exported or on platform.services.tokens, HTTP is skipped.
    if (!token) return console.log('  HTTP side skipped.');
    for (const format of FORMATS) {
      const first = await post(platform.url, token, { sql: sql.gateway, format });
      if (first.status !== 200) {
        console.log(`  ${format.padEnd(7)} HTTP ${first.status}: ${first.body.toString('utf8').slice(0, 300)}`);
        continue;
      }
      const got = await countRows(format, first.body);
      if (got !== n) console.log(`  ! ${format}: ${got.toLocaleString()} rows instead of ${n.toLocaleString()}`);
      const times = [];
      let bytes = first.body.length;
      for (let i = 0; i < runs; i++) {
        const r = await post(platform.url, token, { sql: sql.gateway, format });
        times.push(r.ms);
        bytes = r.body.length;
      }
      const t = median(times);
      console.log(
        `  HTTP ${format.padEnd(7)} ${ms(t).padStart(6)} ms, ${rps(n, t).padStart(10)} rows/s, ${mbps(bytes, t).padStart(6)} MB/s, ${(bytes / 1e6).toFixed(0).padStart(4)} MB; ${(t / floor).toFixed(1)}x raw`,
      );
    }
  } finally {
    raw.close();
    await platform.close();
  }
}

const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await httpQueryBench({
    scale: scaleArgument(),
    rows: Number(flag('--rows', 1_000_000)),
    runs: Number(flag('--runs', 3)),
  });
}
