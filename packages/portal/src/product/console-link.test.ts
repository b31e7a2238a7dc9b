import { describe, expect, it } from 'vitest';
import { consoleHref } from './console-link.js';

describe('consoleHref', () => {
  it('carries the SQL whole in the query string, whatever it holds', () => {
    const sql = "SELECT * FROM sales.orders WHERE region = 'EU' AND note LIKE '%a&b=c#d+e%'\nLIMIT 10";
    const href = consoleHref(sql);
    expect(href.startsWith('/console?sql=')).toBe(true);
    expect(new URL(href, 'http://portal.test').searchParams.get('sql')).toBe(sql);
    // Nothing in it that a URL would read as a separator: only what encodeURIComponent leaves.
    expect(href.slice('/console?sql='.length)).toMatch(/^[A-Za-z0-9%\-_.!~*'()]*$/);
  });
});
