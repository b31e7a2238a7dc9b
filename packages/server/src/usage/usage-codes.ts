/** Codes of usage metering: recording query usage and showing it to product owners (MW5301–MW5399). */
export const USAGE_CODES = {
  MW5301: {
    title: 'Not allowed to see who uses the product',
    fix: 'Only those who may approve access to the product (its owner team, governance, administrators) see its usage; ask one of them, or read your own queries with `GET /api/v1/me/usage`.',
  },
  MW5302: {
    title: 'Invalid usage period',
    fix: 'Pass `since` as a period back from now such as 30d, 12h or 4w, a date YYYY-MM-DD (UTC) or an ISO-8601 time.',
  },
  MW5303: {
    title: 'Usage entries dropped',
    fix: 'The metadata store refused usage writes twice, or the buffer was full; check that the store is reachable and not locked. Usage is best-effort metering, not the audit log: the dropped queries are missing from usage reports.',
  },
} as const;

export type UsageCode = keyof typeof USAGE_CODES;
