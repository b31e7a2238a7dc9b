/** The SQL console's URL for a query (the console page reads `sql` from its query string). */
export function consoleHref(sql: string): string {
  return `/console?sql=${encodeURIComponent(sql)}`;
}
