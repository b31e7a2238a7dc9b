// Benchmark: Meshwork's ODCS validation (`validateOdcs` of @meshwork/core) against Ajv with
// the official ODCS JSON Schemas (draft 2019-09, all errors, not strict, ajv-formats), on a
// generated 30-column contract and on the official examples. Needs ../shared/standards (or
// MESHWORK_STANDARDS_DIR) and a build of @meshwork/core:
//   npm run build && node bench/odcs-validator-bench.js
// Each side validates each document in a process of its own, so that no figure inherits the
// JIT state left by another document or by the other side; a figure is the best of several
// batches (the least disturbed by other work on the machine).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import { generateWorkspace } from './generate-workspace.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const standards = process.env.MESHWORK_STANDARDS_DIR ?? join(here, '../../shared/standards');
const parse = (file) => jsYaml.load(readFileSync(file, 'utf8'), { schema: jsYaml.CORE_SCHEMA });

/** µs per validation of `validate(doc)`: best of 15 batches, after a warm-up. */
function time(validate, doc) {
  const batch = 1000;
  for (let i = 0; i < 3 * batch; i++) validate(doc);
  let best = Infinity;
  for (let b = 0; b < 15; b++) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) validate(doc);
    best = Math.min(best, ((performance.now() - started) * 1000) / batch);
  }
  return best;
}

/** One side, in its own process: prints `{ file: µs }` as JSON. */
async function worker(side, files) {
  let validate;
  if (side === 'meshwork') {
    const { validateOdcs } = await import('@meshwork/core');
    validate = (doc) => validateOdcs(doc).issues.length === 0;
  } else {
    const { Ajv2019 } = await import('ajv/dist/2019.js');
    const addFormats = (await import('ajv-formats')).default;
    const compile = (version) => {
      const ajv = new Ajv2019({ allErrors: true, strict: false });
      addFormats(ajv);
      return ajv.compile(
        JSON.parse(readFileSync(join(standards, `odcs/schema/odcs-json-schema-${version}.json`), 'utf8')),
      );
    };
    const v310 = compile('v3.1.0');
    const v302 = compile('v3.0.2');
    // As validateOdcs does: a v3.0.x contract that v3.0.2 rejects may still be a v3.1.0 one.
    validate = (doc) => (doc.apiVersion === 'v3.1.0' ? v310(doc) : v302(doc) || v310(doc));
  }
  const timings = {};
  for (const file of files) {
    const doc = parse(file);
    if (!validate(doc)) throw new Error(`${side} rejects ${file}`);
    timings[file] = time(validate, doc);
  }
  console.log(JSON.stringify(timings));
}

function examplesIn(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.odcs.yaml'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

export async function odcsValidatorBench() {
  if (!existsSync(join(standards, 'SOURCES.md'))) {
    console.log(`  skipped: the official ODCS schemas are not in ${standards}`);
    return undefined;
  }
  const dir = await mkdtemp(join(tmpdir(), 'meshwork-odcs-bench-'));
  try {
    await generateWorkspace(dir, 2);
    const generated = examplesIn(dir).find((file) => file.endsWith('port_1.odcs.yaml'));
    const files = [generated, ...examplesIn(join(standards, 'odcs/examples'))];
    const run = (side, file) =>
      JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), side, file], { encoding: 'utf8' }));
    const meshwork = {};
    const official = {};
    for (const file of files) {
      Object.assign(meshwork, run('meshwork', file));
      Object.assign(official, run('official', file));
    }
    const name = (file) => (file === generated ? 'generated 30-column contract' : relative(standards, file));
    const width = Math.max(...files.map((file) => name(file).length));
    console.log(`  ${'µs per document'.padEnd(width)}  meshwork  official  ratio`);
    for (const file of files) {
      const ratio = meshwork[file] / official[file];
      console.log(
        `  ${name(file).padEnd(width)}  ${meshwork[file].toFixed(2).padStart(8)}  ${official[file].toFixed(2).padStart(8)}  ${ratio.toFixed(2).padStart(5)}x`,
      );
    }
    const total = (timings) => files.reduce((sum, file) => sum + timings[file], 0);
    const ratio = total(meshwork) / total(official);
    console.log(`  all documents: ${ratio.toFixed(2)}x the official schemas' time (target <= 1.1x)`);
    return { meshwork, official, ratio };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const [side, ...files] = process.argv.slice(2);
if (side === 'meshwork' || side === 'official') await worker(side, files);
else if (process.argv[1] === fileURLToPath(import.meta.url)) await odcsValidatorBench();
