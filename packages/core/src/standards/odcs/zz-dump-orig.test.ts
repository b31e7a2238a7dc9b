import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { OdcsV310Schema } from './zz-orig/odcs-v3-1-0-document.js';
import { OdcsV30xSchema } from './zz-orig/odcs-v3-0-x-document.js';
it('dump', () => {
  writeFileSync('/tmp/odcs-perf-work/orig-v310.json', JSON.stringify(OdcsV310Schema, null, 1));
  writeFileSync('/tmp/odcs-perf-work/orig-v30x.json', JSON.stringify(OdcsV30xSchema, null, 1));
});
