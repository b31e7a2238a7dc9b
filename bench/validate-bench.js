// Benchmark (issue 2): validate a generated workspace of N products with 30-column contracts.
// Meshwork's full load (read, parse, schema-validate, cross-file rules, immutable model) is
// compared with the JSON Schema validator alone on the same documents (read, YAML parse with js-yaml, Ajv
// with the official ODPS/ODCS schemas when ../shared/standards is there). Each side runs in
// its own process so that peak memory (max RSS) is its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate-workspace.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export async function validateBench({ products = 10_000 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'meshwork-bench-'));
  try {
    const started = performance.now();
    await generateWorkspace(dir, products);
    console.log(`  generated ${products} products in ${Math.round(performance.now() - started)} ms`);
    const run = (mode) =>
      JSON.parse(execFileSync(process.execPath, [join(here, 'validate-worker.js'), mode, dir], { encoding: 'utf8' }));
    // Warm the file system cache once so neither side pays for cold reads; then alternate the
    // two sides three times and keep each side's median, so a noisy neighbour skews neither.
    run('baseline');
    const rounds = [];
    for (let i = 0; i < 3; i++) rounds.push({ meshwork: run('meshwork'), baseline: run('baseline') });
    const median = (side) => rounds.map((r) => r[side]).sort((a, b) => a.ms - b.ms)[1];
    const meshwork = median('meshwork');
    const baseline = median('baseline');
    const ratio = meshwork.ms / baseline.ms;
    console.log(
      `  meshwork validate: ${meshwork.ms.toFixed(0)} ms, peak RSS ${meshwork.rssMb.toFixed(0)} MB, ${meshwork.products} products, ${meshwork.errors} errors, ${meshwork.warnings} warnings (target < 10000 ms, < 1024 MB)`,
    );
    console.log(
      `  JSON Schema alone (${baseline.schemas}): ${baseline.ms.toFixed(0)} ms, peak RSS ${baseline.rssMb.toFixed(0)} MB, ${baseline.invalid} invalid`,
    );
    console.log(
      `  ratio meshwork / JSON Schema alone: ${ratio.toFixed(2)}x (target <= 1.5x; medians of 3 alternating runs)`,
    );
    return { meshwork, baseline, ratio };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const standardsAvailable = existsSync(join(here, '../../shared/standards/SOURCES.md'));
