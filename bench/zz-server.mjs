import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
const addFormats = addFormatsModule.default ?? addFormatsModule;
const side = process.argv[2];
const ver = process.argv[3] ?? 'v310';
const schema =
  side === 'ours'
    ? JSON.parse(readFileSync(`/tmp/odcs-perf-work/ours-${ver}.json`, 'utf8'))
    : JSON.parse(
        readFileSync(
          `/work/shared/standards/odcs/schema/odcs-json-schema-${ver === 'v310' ? 'v3.1.0' : 'v3.0.2'}.json`,
          'utf8',
        ),
      );
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const v = ajv.compile(schema);
const doc = {
  apiVersion: ver === 'v310' ? 'v3.1.0' : 'v3.0.2',
  kind: 'DataContract',
  id: 'x',
  version: '1',
  status: 'active',
  servers: [
    { server: 'a', type: 'postgres', host: 'h', port: 5432, database: 'd', schema: 'public' },
    { server: 'b', type: 'snowflake', account: 'a', database: 'd', schema: 's', warehouse: 'w' },
    { server: 'c', type: 's3', location: 's3://bucket/key', format: 'parquet' },
    { server: 'd', type: 'kafka', host: 'h', format: 'avro' },
  ],
};
if (!v(doc)) console.log(v.errors);
for (let i = 0; i < 20000; i++) v(doc);
const t = performance.now();
for (let i = 0; i < 100000; i++) v(doc);
console.log(side, ver, ((performance.now() - t) * 10).toFixed(2), 'µs');
