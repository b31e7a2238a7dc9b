import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
const addFormats = addFormatsModule.default ?? addFormatsModule;
const S = '/work/shared/standards/odcs';
const W = '/tmp/odcs-perf-work';
function compile(schema, ours) {
  const ajv = ours
    ? new Ajv2019({ allErrors: true, strict: false, allowUnionTypes: true, validateFormats: true })
    : new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
function time(fn) {
  for (let i = 0; i < 3000; i++) fn();
  const batches = [];
  for (let b = 0; b < 15; b++) {
    const n = 2000;
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    batches.push(((performance.now() - t) * 1000) / n);
  }
  batches.sort((a, b) => a - b);
  return batches[0];
}
function walk(d, out = []) {
  for (const n of readdirSync(d, { withFileTypes: true })) {
    const f = join(d, n.name);
    if (n.isDirectory()) walk(f, out);
    else if (n.name.endsWith('.odcs.yaml')) out.push(f);
  }
  return out;
}
const load = (f) => yaml.load(readFileSync(f, 'utf8'), { schema: yaml.CORE_SCHEMA });
const o310 = compile(JSON.parse(readFileSync(join(S, 'schema/odcs-json-schema-v3.1.0.json'), 'utf8')));
const o302 = compile(JSON.parse(readFileSync(join(S, 'schema/odcs-json-schema-v3.0.2.json'), 'utf8')));
let t = performance.now();
const v310 = compile(JSON.parse(readFileSync(join(W, (process.env.PREFIX ?? 'ours') + '-v310.json'), 'utf8')), true);
const c1 = performance.now() - t;
t = performance.now();
const v30x = compile(JSON.parse(readFileSync(join(W, (process.env.PREFIX ?? 'ours') + '-v30x.json'), 'utf8')), true);
console.log(`compile ours v310 ${c1.toFixed(0)} ms v30x ${(performance.now() - t).toFixed(0)} ms`);
const filter = process.argv[2];
const side = process.argv[3];
const gen = walk('/tmp/odcs-perf').find((f) => f.endsWith('port_1.odcs.yaml'));
const docs = [
  ['generated', load(gen)],
  ...walk(join(S, 'examples')).map((f) => [f.slice(S.length + 10), load(f)]),
].filter(([n]) => !filter || n.includes(filter));
let so = 0,
  sf = 0;
for (const [name, doc] of docs) {
  const is310 = doc.apiVersion === 'v3.1.0' || !o302(doc);
  const ours = is310 ? v310 : v30x,
    off = is310 ? o310 : o302;
  if (!ours(doc) || !off(doc)) console.log('NOT VALID', name, ours.errors);
  const a = side === 'official' ? 1 : time(() => ours(doc)),
    b = side === 'ours' ? 1 : time(() => off(doc));
  so += a;
  sf += b;
  console.log(
    `${name.padEnd(52)} ${is310 ? 'v310' : 'v30x'} ours ${a.toFixed(2).padStart(7)} µs  official ${b.toFixed(2).padStart(7)} µs  ratio ${(a / b).toFixed(2)}`,
  );
}
console.log(`total ours ${so.toFixed(1)} official ${sf.toFixed(1)} ratio ${(so / sf).toFixed(2)}`);
