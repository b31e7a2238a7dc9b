import { describe, expect, it } from 'vitest';
import { meetsThreshold, readThreshold, type Threshold } from './quality-threshold.js';

function threshold(rule: Record<string, unknown>): Threshold {
  const read = readThreshold(rule);
  if (read === undefined || typeof read === 'string') throw new Error(`no threshold: ${String(read)}`);
  return read;
}

describe('quality operators', () => {
  it.each([
    [{ mustBe: 5 }, 'mustBe 5', [5], [4, 6]],
    [{ mustNotBe: 5 }, 'mustNotBe 5', [4, 6], [5]],
    [{ mustBeGreaterThan: 5 }, 'mustBeGreaterThan 5', [6, 5.1], [5, 4]],
    [{ mustBeGreaterOrEqualTo: 5 }, 'mustBeGreaterOrEqualTo 5', [5, 6], [4.9]],
    [{ mustBeLessThan: 5 }, 'mustBeLessThan 5', [4, 4.9], [5, 6]],
    [{ mustBeLessOrEqualTo: 5 }, 'mustBeLessOrEqualTo 5', [5, 4], [5.1]],
    [{ mustBeBetween: [1, 10] }, 'mustBeBetween [1, 10]', [1, 5, 10], [0, 10.5]],
    [{ mustNotBeBetween: [1, 10] }, 'mustNotBeBetween [1, 10]', [0, 11], [1, 5, 10]],
    [{ mustBeGreaterThan: 0, mustBeLessThan: 3 }, 'mustBeGreaterThan 0 and mustBeLessThan 3', [1, 2], [0, 3]],
  ])('%j reads as "%s"', (rule, text, meeting, failing) => {
    const read = threshold(rule);
    expect(read.text).toBe(text);
    for (const value of meeting) expect(meetsThreshold(read, value), `${value}`).toBe(true);
    for (const value of failing) expect(meetsThreshold(read, value), `${value}`).toBe(false);
  });

  it('compares booleans as 1 and 0 (SQL rules may return one)', () => {
    expect(meetsThreshold(threshold({ mustBe: true }), 1)).toBe(true);
    expect(meetsThreshold(threshold({ mustBe: false }), 1)).toBe(false);
  });

  it('explains malformed operators instead of guessing', () => {
    expect(readThreshold({ mustBeBetween: [10, 1] })).toMatch(/smallest number first/);
    expect(readThreshold({ mustBeBetween: [1] })).toMatch(/two numbers/);
    expect(readThreshold({ mustBeLessThan: 'many' })).toMatch(/needs a number/);
    expect(readThreshold({})).toBeUndefined();
  });
});
