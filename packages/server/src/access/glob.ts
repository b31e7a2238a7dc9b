// Globs of masking rules and row filters: `*` stands for any run of characters except `/`, so
// `customers.*/*/email` matches the `email` column of every port of every customers product.
// Everything else matches itself.
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${body}$`);
}

export function matchesAny(patterns: readonly RegExp[], ...candidates: string[]): boolean {
  return patterns.some((pattern) => candidates.some((candidate) => pattern.test(candidate)));
}
