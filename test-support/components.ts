/**
 * Tests that need an outside component (the standards fixtures, PostgreSQL, Chromium…) ask
 * here. Missing components skip the test with a loud message on a developer machine; in CI
 * (`MESHWORK_REQUIRE_COMPONENTS=1`, set by .ci/run) a missing component fails the run instead.
 */
export function componentAvailable(name: string, available: boolean, hint: string): boolean {
  if (available) return true;
  const message = `[meshwork] component missing: ${name} — ${hint}`;
  if (process.env.MESHWORK_REQUIRE_COMPONENTS === '1') {
    throw new Error(`${message} (MESHWORK_REQUIRE_COMPONENTS=1: CI must not skip tests)`);
  }
  console.warn(`\n${'!'.repeat(80)}\n${message}\nThe tests that need it are SKIPPED.\n${'!'.repeat(80)}\n`);
  return false;
}
