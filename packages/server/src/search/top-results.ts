/**
 * Top-k without sorting everything: a browse of 100k products needs the best 20, and a bounded
 * insertion is linear where a full sort is n log n.
 */

/**
 * The best `k` of positions 0…count-1 by descending `scores[p]`, ties by `before(a, b)` (true
 * when a comes first): a bounded sorted insertion that rejects most positions on one comparison
 * with the k-th best score, without calling `before`. For 100k matches and a page of 20.
 */
export function topPositions(
  count: number,
  k: number,
  scores: Float64Array,
  before: (a: number, b: number) => boolean,
): number[] {
  if (k <= 0) return [];
  const best: number[] = [];
  const first = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && before(a, b));
  for (let p = 0; p < count; p++) {
    if (best.length === k) {
      const worst = best[k - 1]!;
      if (scores[p]! < scores[worst]! || !first(p, worst)) continue;
    }
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (first(best[mid]!, p)) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, p);
    if (best.length > k) best.pop();
  }
  return best;
}
