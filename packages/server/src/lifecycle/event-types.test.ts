/**
 * The event catalogue and its documentation: every event type Meshwork publishes is documented
 * in docs/reference/events.md with its example payload, and the page lists no type that no longer
 * exists (as tests/error-codes-documented.test.ts does for codes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_EVENT_TYPES } from '../agreements/agreement-events.js';
import { EVENT_TYPES } from './event-types.js';

const page = readFileSync(join(import.meta.dirname, '../../../../docs/reference/events.md'), 'utf8');
const documented = [...page.matchAll(/^### `([a-z]+\.[a-z-]+)`$/gm)].map((m) => m[1]!);

describe('the event catalogue', () => {
  it('holds each type once, the access events included', () => {
    const types = EVENT_TYPES.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining([...AGREEMENT_EVENT_TYPES]));
    expect(types).toEqual(
      expect.arrayContaining([
        'product.published',
        'run.failed',
        'slo.breached',
        'slo.restored',
        'contract.breaking-change',
        'port.deprecated',
        'port.retired',
      ]),
    );
    for (const entry of EVENT_TYPES) {
      expect(entry.description, entry.type).toMatch(/\.$/);
      expect(entry.fires, entry.type).toMatch(/\S/);
    }
  });

  it('every type is documented in docs/reference/events.md', () => {
    expect(EVENT_TYPES.map((e) => e.type).filter((type) => !documented.includes(type))).toEqual([]);
  });

  it('the page documents no type that does not exist', () => {
    const types = new Set<string>(EVENT_TYPES.map((e) => e.type));
    expect(documented.filter((type) => !types.has(type))).toEqual([]);
  });

  it('the page shows each lifecycle event with the fields of its example payload', () => {
    for (const entry of EVENT_TYPES) {
      const section = page.slice(page.indexOf(`### \`${entry.type}\``)).split(/\n### /)[0]!;
      const fields = Object.keys((entry.example ?? {}) as object);
      for (const field of fields) expect(section, `${entry.type}.${field}`).toContain(`"${field}"`);
    }
  });
});
