/**
 * Waits for something another process or socket does on its own schedule (a session ending on
 * the server, a signal being handled): checks again and again, and fails naming what never
 * happened. The bound only stops a broken test; no assertion depends on how long it took.
 */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string, attempts = 600): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}
