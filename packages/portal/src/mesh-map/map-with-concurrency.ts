/**
 * Runs `work` on every item with at most `limit` calls in flight, answers in the items' order.
 * The mesh map asks the server two questions per product: all at once would queue hundreds of
 * requests behind the browser's six connections and starve every other page's calls.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
