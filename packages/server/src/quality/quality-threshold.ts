/**
 * The comparison operators of ODCS library and SQL rules (`mustBe`, `mustBeLessThan`,
 * `mustBeBetween`…). v3.1.0 allows exactly one per rule, v3.0.x several; several must all
 * hold. Ranges are inclusive: `mustBeBetween: [100, 120]` accepts 100 and 120, as the range
 * symbol ∈ in the ODCS operator table and the reference tooling (Soda, Data Contract CLI) read
 * it; `mustNotBeBetween` is its exact negation.
 */

export const QUALITY_OPERATORS = [
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
] as const;
export type QualityOperator = (typeof QUALITY_OPERATORS)[number];

export type Comparison =
  | { readonly operator: Exclude<QualityOperator, 'mustBeBetween' | 'mustNotBeBetween'>; readonly value: number }
  | { readonly operator: 'mustBeBetween' | 'mustNotBeBetween'; readonly low: number; readonly high: number };

export interface Threshold {
  readonly comparisons: readonly Comparison[];
  /** E.g. `mustBeBetween [1, 10]`, `mustBe 0 (default)`. */
  readonly text: string;
}

/** The rule's operators; `undefined` when it has none, a message when one is malformed. */
export function readThreshold(rule: Readonly<Record<string, unknown>>): Threshold | string | undefined {
  const comparisons: Comparison[] = [];
  for (const operator of QUALITY_OPERATORS) {
    if (rule[operator] === undefined) continue;
    const comparison = readComparison(operator, rule[operator]);
    if (typeof comparison === 'string') return comparison;
    comparisons.push(comparison);
  }
  if (comparisons.length === 0) return undefined;
  return { comparisons, text: comparisons.map(describeComparison).join(' and ') };
}

/** `mustBe 0`, for metrics that count bad rows and were written without an operator. */
export function defaultZeroThreshold(): Threshold {
  return { comparisons: [{ operator: 'mustBe', value: 0 }], text: 'mustBe 0 (default)' };
}

export function meetsThreshold(threshold: Threshold, observed: number): boolean {
  return threshold.comparisons.every((comparison) => meets(comparison, observed));
}

function meets(comparison: Comparison, observed: number): boolean {
  switch (comparison.operator) {
    case 'mustBe':
      return observed === comparison.value;
    case 'mustNotBe':
      return observed !== comparison.value;
    case 'mustBeGreaterThan':
      return observed > comparison.value;
    case 'mustBeGreaterOrEqualTo':
      return observed >= comparison.value;
    case 'mustBeLessThan':
      return observed < comparison.value;
    case 'mustBeLessOrEqualTo':
      return observed <= comparison.value;
    case 'mustBeBetween':
      return observed >= comparison.low && observed <= comparison.high;
    case 'mustNotBeBetween':
      return observed < comparison.low || observed > comparison.high;
  }
}

function readComparison(operator: QualityOperator, raw: unknown): Comparison | string {
  if (operator === 'mustBeBetween' || operator === 'mustNotBeBetween') {
    if (!Array.isArray(raw) || raw.length !== 2) return `${operator} needs two numbers, smallest first`;
    const [low, high] = raw.map(toNumber);
    if (low === undefined || high === undefined) return `${operator} needs two numbers, smallest first`;
    if (low > high) return `${operator} [${low}, ${high}]: write the smallest number first`;
    return { operator, low, high };
  }
  const value = toNumber(raw);
  if (value === undefined)
    return `${operator} needs a number (or a boolean for mustBe/mustNotBe), not ${JSON.stringify(raw)}`;
  return { operator, value };
}

/** Numbers as they are; booleans as 1/0 (a SQL rule may return a boolean); numeric strings. */
export function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string' && raw.trim() !== '') {
    const value = Number(raw);
    return Number.isFinite(value) ? value : undefined;
  }
  return undefined;
}

function describeComparison(comparison: Comparison): string {
  return 'value' in comparison
    ? `${comparison.operator} ${comparison.value}`
    : `${comparison.operator} [${comparison.low}, ${comparison.high}]`;
}
