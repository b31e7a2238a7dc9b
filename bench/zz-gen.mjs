import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
const [, , inFile, outFile] = process.argv;
const ajv = new Ajv2019({ strict: false, allErrors: true, code: { source: true, lines: true } });
addFormats.default ? addFormats.default(ajv) : addFormats(ajv);
const v = ajv.compile(JSON.parse(readFileSync(inFile, 'utf8')));
const standalone = (await import('ajv/dist/standalone/index.js')).default.default;
writeFileSync(outFile, standalone(ajv, v));
