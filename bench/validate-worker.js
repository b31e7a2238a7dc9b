// One side of the validate benchmark, in its own process; prints a JSON line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';

// The same fast YAML parser Meshwork uses on the happy path, so the ratio measures validation.
const parse = (text) => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });

const [mode, dir] = process.argv.slice(2);
const here = fileURLToPath(new URL('.', import.meta.url));
const standards = process.env.MESHWORK_STANDARDS_DIR ?? join(here, '../../shared/standards');

async function meshwork() {
  const { loadWorkspaceFromDisk } = await import('@meshwork/server');
  const started = performance.now();
  const { model, diagnostics } = await loadWorkspaceFromDisk(dir, {});
  const ms = performance.now() - started;
  return {
    ms,
    products: model.products.size,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

async function baseline() {
  const { Ajv2019 } = await import('ajv/dist/2019.js');
  const addFormats = (await import('ajv-formats')).default;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const core = await import('@meshwork/core');
  // Compiling the schemas is part of validating, on both sides.
  const started = performance.now();
  const official = existsSync(join(standards, 'SOURCES.md'));
  let odps, odcs;
  if (official) {
    odps = ajv.compile(JSON.parse(readFileSync(join(standards, 'odps/schema/odps-json-schema-v1.0.0.json'), 'utf8')));
    odcs = ajv.compile(JSON.parse(readFileSync(join(standards, 'odcs/schema/odcs-json-schema-v3.1.0.json'), 'utf8')));
  } else {
    odps = (doc) => core.validateOdps(doc).issues.length === 0;
    odcs = (doc) => core.validateOdcs(doc).issues.length === 0;
  }
  // Meshwork's own files are validated against their JSON Schemas too: the same documents.
  const plain = (schema) => ajv.compile(JSON.parse(JSON.stringify(schema)));
  const pipeline = plain(core.PipelineFileSchema);
  const domainFile = plain(core.DomainFileSchema);
  const meshFile = plain(core.MeshConfigSchema);
  let invalid = 0;
  if (!meshFile(parse(readFileSync(join(dir, 'mesh.yaml'), 'utf8')))) invalid++;
  for (const domain of readdirSync(join(dir, 'domains'))) {
    if (!domainFile(parse(readFileSync(join(dir, 'domains', domain, 'domain.yaml'), 'utf8')))) invalid++;
    for (const product of readdirSync(join(dir, 'domains', domain), { withFileTypes: true })) {
      if (!product.isDirectory()) continue;
      const folder = join(dir, 'domains', domain, product.name);
      for (const file of readdirSync(folder)) {
        const validate =
          file === 'product.odps.yaml'
            ? odps
            : file.endsWith('.odcs.yaml')
              ? odcs
              : file === 'pipeline.yaml'
                ? pipeline
                : undefined;
        if (!validate) continue;
        if (!validate(parse(readFileSync(join(folder, file), 'utf8')))) invalid++;
      }
    }
  }
  return { ms: performance.now() - started, invalid, schemas: official ? 'official schemas' : "Meshwork's schemas" };
}

const result = mode === 'meshwork' ? await meshwork() : await baseline();
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...result, rssMb })}\n`);
