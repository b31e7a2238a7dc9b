import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { OdcsV310Schema } from './odcs-v3-1-0-document.js';
import { OdcsV30xSchema } from './odcs-v3-0-x-document.js';
it('dump', () => {
  writeFileSync('/tmp/odcs-perf-work/ours-v310.json', JSON.stringify(OdcsV310Schema, null, 1));
  writeFileSync('/tmp/odcs-perf-work/ours-v30x.json', JSON.stringify(OdcsV30xSchema, null, 1));
});
