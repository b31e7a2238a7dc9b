/**
 * The key of keyed-hash and tokenising masks. From `MESHWORK_MASKING_KEY` (hex or base64, at
 * least 32 bytes) when set — several servers of one mesh must share it so tokens match; else a
 * random key kept in `.meshwork/masking.key` (mode 0600), created once, so tokens stay stable
 * across restarts of a single server. Never logged.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '@meshwork/core';

export function loadMaskingKey(root: string, env: Readonly<Record<string, string | undefined>>): Uint8Array {
  const configured = env.MESHWORK_MASKING_KEY;
  if (configured) {
    // 64+ hex digits are read as hex; anything else as base64.
    const key = /^([0-9a-f]{2}){32,}$/i.test(configured)
      ? Buffer.from(configured, 'hex')
      : Buffer.from(configured, 'base64');
    if (key.length < 32) {
      throw new InputError('MW5018', 'MESHWORK_MASKING_KEY must hold at least 32 bytes (64 hex digits)');
    }
    return key;
  }
  const file = join(root, '.meshwork', 'masking.key');
  const read = (): Uint8Array => {
    const text = readFileSync(file, 'utf8').trim();
    const key = Buffer.from(text, 'hex');
    if (!/^[0-9a-f]{64,}$/i.test(text) || key.length < 32) {
      throw new InputError(
        'MW5018',
        `${file} does not hold a masking key of at least 32 bytes (64 hex digits); restore it or remove it to make a new one (masked tokens will change)`,
      );
    }
    return key;
  };
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const key = randomBytes(32);
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      return key;
    } catch {
      // Another process created it first: use theirs.
      return read();
    }
  }
}
