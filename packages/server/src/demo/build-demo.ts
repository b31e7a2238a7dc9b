/**
 * Builds the demo mesh once: generates its source data, registers every product and document
 * version, and runs every product in dependency order. Then a later delivery of the helpdesk
 * export breaks support.tickets' next run: the demo's failing product and its incident
 * (demo-late-export.ts). A marker file records what was built, so `npm start` skips all of it on
 * a warm restart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, MeshModel } from '@meshwork/core';
import { registerProducts } from '../catalog/register-products.js';
import { runProducts, type ProductRunResult } from '../runtime/run-products.js';
import type { RuntimeContext } from '../runtime/runtime-context.js';
import { generateDemoData, type DemoDataFile } from './generate-demo-data.js';
import { deliverLateTicketExport, LATE_EXPORT_PRODUCT } from './demo-late-export.js';

export interface DemoBuildOptions {
  readonly scale?: number;
  readonly rebuild?: boolean;
  readonly onData?: (file: DemoDataFile) => void;
}

export interface DemoBuild {
  readonly built: boolean;
  /** The first build: every product, in dependency order. */
  readonly results: readonly ProductRunResult[];
  /** The scheduled run after the late export (fails on purpose: the demo's incident). */
  readonly later: readonly ProductRunResult[];
  readonly ms: number;
}

const MARKER = ['.meshwork', 'demo-built.json'];

export function demoIsBuilt(root: string, scale: number): boolean {
  const marker = join(root, ...MARKER);
  if (!existsSync(marker)) return false;
  try {
    return (JSON.parse(readFileSync(marker, 'utf8')) as { scale?: number }).scale === scale;
  } catch {
    return false;
  }
}

export async function buildDemo(
  runtime: RuntimeContext,
  model: MeshModel,
  diagnostics: readonly Diagnostic[],
  options: DemoBuildOptions = {},
): Promise<DemoBuild> {
  const scale = options.scale ?? 1;
  if (!options.rebuild && demoIsBuilt(runtime.root, scale)) return { built: false, results: [], later: [], ms: 0 };
  const started = performance.now();
  await generateDemoData({ root: runtime.root, scale, onProgress: options.onData });
  await registerProducts(runtime.store, model, diagnostics, 'demo');
  const results = await runProducts(runtime, diagnostics, 'all', {
    trigger: 'manual',
    requestedBy: 'demo',
    parallel: 2,
  });
  await deliverLateTicketExport(runtime.root);
  const later = await runProducts(runtime, diagnostics, [LATE_EXPORT_PRODUCT], {
    trigger: 'schedule',
    requestedBy: 'scheduler',
  });
  await writeFile(join(runtime.root, ...MARKER), JSON.stringify({ scale, builtAt: new Date().toISOString() }));
  return { built: true, results, later, ms: Math.round(performance.now() - started) };
}
