/** The `mesh` command from sources, exactly as `bin/mesh.js` runs it from `dist/` (see mesh-process.ts). */
import { main } from '../main.js';

process.exitCode = await main(process.argv.slice(2));
