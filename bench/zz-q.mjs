import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
const side = process.argv[2];
const file =
  side === 'official'
    ? '/work/shared/standards/odcs/schema/odcs-json-schema-v3.1.0.json'
    : `/tmp/odcs-perf-work/${side}-v310.json`;
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
const rule = JSON.parse(process.argv[3]);
const doc = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'x',
  version: '1',
  status: 'a',
  schema: [{ name: 't', properties: [{ name: 'p', logicalType: 'number', quality: rule ? [rule] : undefined }] }],
};
if (!rule) delete doc.schema[0].properties[0].quality;
if (!v(doc)) console.log(v.errors);
let best = Infinity;
for (let i = 0; i < 20000; i++) v(doc);
for (let b = 0; b < 20; b++) {
  const t = performance.now();
  for (let i = 0; i < 5000; i++) v(doc);
  best = Math.min(best, ((performance.now() - t) * 1000) / 5000);
}
console.log(side, process.argv[3].slice(0, 60), best.toFixed(3), 'µs');
