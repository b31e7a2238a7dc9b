import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
const mk = (f, ours) => {
  const ajv = new Ajv2019({ allErrors: true, strict: false, ...(ours ? { allowUnionTypes: true } : {}) });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(f, 'utf8')));
};
const off = mk('/work/shared/standards/odcs/schema/odcs-json-schema-v3.1.0.json');
const orig = mk('/tmp/odcs-perf-work/orig-v310.json', true);
const ours = mk('/tmp/odcs-perf-work/ours-v310.json', true);
const rule = JSON.parse(process.argv[2]);
const doc = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'x',
  version: '1',
  status: 'a',
  schema: [{ name: 't', properties: [{ name: 'p', logicalType: 'number', quality: [rule] }] }],
};
for (const [n, v] of [
  ['official', off],
  ['orig', orig],
  ['ours', ours],
])
  console.log(n, v(doc), JSON.stringify(v.errors?.map((e) => [e.instancePath, e.keyword, e.params])));
