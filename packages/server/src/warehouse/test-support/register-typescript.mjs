/** `node --import <this file> child.ts`: installs typescript-hooks.mjs before the entry loads. */
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
