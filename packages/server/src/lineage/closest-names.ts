/**
 * "Did you mean": the names closest to what was typed, by edit distance (case-insensitive),
 * within a third of the typed length. Only on the error path, so a linear scan is fine.
 */
export function closestNames(wanted: string, names: readonly string[], limit: number): string[] {
  const target = wanted.toLowerCase();
  const budget = Math.max(2, Math.floor(target.length / 3));
  const scored: { name: string; distance: number }[] = [];
  for (const name of names) {
    const distance = editDistance(target, name.toLowerCase(), budget);
    if (distance <= budget) scored.push({ name, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.name);
}

/** Levenshtein distance, or `budget + 1` as soon as it must exceed the budget. */
export function editDistance(a: string, b: string, budget: number): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > budget) return budget + 1;
    previous = current;
  }
  return previous[b.length]!;
}
