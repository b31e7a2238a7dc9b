/**
 * PostgreSQL's text output of floating-point numbers (extra_float_digits ≥ 1, the default since
 * PostgreSQL 12): the shortest digits that read back as the same value, in exponent notation
 * when the decimal exponent is below -4 or at least the type's precision (6 for real, 15 for
 * double precision), with at least two exponent digits (`1e+15`, `1.5e-07`).
 */

function special(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return undefined;
}

/** Lays out shortest digits (from `toExponential()`) the way PostgreSQL does. */
function layout(exponential: string, maxExponent: number): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exponential);
  if (!match) return exponential;
  const [, sign, first, rest = '', exp] = match;
  const exponent = Number(exp);
  const digits = `${first}${rest}`;
  if (exponent < -4 || exponent >= maxExponent) {
    const mantissa = rest === '' ? first! : `${first}.${rest}`;
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${mantissa}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

export function float8Text(value: number): string {
  return special(value) ?? layout(value.toExponential(), 15);
}

/** `value` is a float32 widened to a double; find the shortest digits that round to it as float32. */
export function float4Text(value: number): string {
  const fixed = special(value);
  if (fixed !== undefined) return fixed;
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(value.toPrecision(precision));
    if (Math.fround(candidate) === value) return layout(candidate.toExponential(), 6);
  }
  return layout(value.toExponential(), 6);
}

/** A DECIMAL's scaled integer as PostgreSQL prints numeric: all `scale` digits, `-0.50`. */
export function decimalText(scaled: bigint, scale: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString();
  if (scale === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}
