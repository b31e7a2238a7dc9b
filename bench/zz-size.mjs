import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
const ajv = new Ajv2019({
  allErrors: true,
  strict: false,
  allowUnionTypes: true,
  validateFormats: true,
  code: { source: true },
});
addFormats(ajv);
const code = standaloneCode(ajv, ajv.compile(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
console.log(
  [...code.matchAll(/function (validate\d+)\(/g)]
    .map((m) => `${m[1]} ${code.indexOf(`${m[1]}.errors = vErrors;`, m.index) - m.index}`)
    .join(', '),
);
