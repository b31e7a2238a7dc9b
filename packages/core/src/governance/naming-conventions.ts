/**
 * Naming conventions the naming policies check against. A convention is one of the names below
 * or, for anything else, a regular expression the whole name must match.
 */
const CONVENTIONS = {
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  'kebab-case': /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
  SCREAMING_SNAKE_CASE: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/,
} as const;

export const NAMING_CONVENTIONS = Object.keys(CONVENTIONS);

const compiled = new Map<string, RegExp | undefined>();

export function matchesConvention(name: string, convention: string): boolean {
  const known = (CONVENTIONS as Record<string, RegExp>)[convention];
  if (known) return known.test(name);
  return customPattern(convention)?.test(name) ?? false;
}

/** A regex convention, anchored; undefined when it is not a valid expression. */
function customPattern(convention: string): RegExp | undefined {
  if (!compiled.has(convention)) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(`^(?:${convention})$`, 'u');
    } catch {
      pattern = undefined;
    }
    compiled.set(convention, pattern);
  }
  return compiled.get(convention);
}
