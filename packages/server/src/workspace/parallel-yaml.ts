/**
 * Parses large workspaces' YAML on two threads: a worker reads half of the files with js-yaml
 * while the main thread reads the other half, then the worker's values arrive by structured
 * clone (much cheaper than parsing). Small workspaces are not worth a thread and return nothing.
 * A file the worker cannot parse is left out, so the loader parses it itself and reports it
 * with positions.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type JsYaml from 'js-yaml';
import { mayHaveAliases, YAML_ALIAS_PATTERN } from '@meshwork/core';

/** Below this many files a worker costs more than it saves. */
export const PARALLEL_PARSE_THRESHOLD = 2000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const jsYaml = require(workerData.jsYamlPath);
const alias = new RegExp(workerData.aliasPattern, 'm');
const out = [];
for (const [path, text] of workerData.entries) {
  if (text.includes('*') && alias.test(text)) continue; // aliases: the loader's safe parser decides
  try { out.push([path, jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false })]); } catch {}
}
parentPort.postMessage(out);
`;

export async function parseYamlInParallel(
  files: ReadonlyMap<string, string>,
): Promise<Map<string, unknown> | undefined> {
  const yamlFiles = [...files].filter(([path]) => path.endsWith('.yaml'));
  if (yamlFiles.length < PARALLEL_PARSE_THRESHOLD) return undefined;
  const require = createRequire(import.meta.url);
  const jsYamlPath = require.resolve('js-yaml');
  const workerShare = yamlFiles.filter((_, i) => i % 2 === 0);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { entries: workerShare, jsYamlPath, aliasPattern: YAML_ALIAS_PATTERN.source },
  });
  const fromWorker = new Promise<[string, unknown][]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const jsYaml = require(jsYamlPath) as typeof JsYaml;
  const parsed = new Map<string, unknown>();
  for (const [path, text] of yamlFiles.filter((_, i) => i % 2 === 1)) {
    if (mayHaveAliases(text)) continue;
    try {
      parsed.set(path, jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false }));
    } catch {
      // left to the loader, which reports it with its position
    }
  }
  try {
    for (const [path, value] of await fromWorker) parsed.set(path, value);
  } catch {
    // A failed worker only costs speed: the loader parses what is missing.
  } finally {
    await worker.terminate();
  }
  return parsed;
}
