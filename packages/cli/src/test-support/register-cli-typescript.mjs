/** `node --import <this file> mesh-child.ts …`: installs cli-typescript-hooks.mjs before the entry loads. */
import { register } from 'node:module';

register('./cli-typescript-hooks.mjs', import.meta.url);
