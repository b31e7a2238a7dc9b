/**
 * Result column names made unique for formats whose rows are keyed by name (NDJSON objects,
 * Parquet and Arrow fields): `SELECT 1 AS x, 2 AS x` is valid SQL but two keys `x` would make
 * one value disappear. Later duplicates get `_1`, `_2`… — never a name another column has.
 */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  const seen = new Set<string>();
  return names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let n = 1;
    while (taken.has(`${name}_${n}`)) n++;
    const unique = `${name}_${n}`;
    taken.add(unique);
    seen.add(unique);
    return unique;
  });
}
