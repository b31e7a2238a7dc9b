/** Codes of the product lifecycle: deprecation notices and retirement (MW8880–MW8899). */
export const LIFECYCLE_CODES = {
  MW8880: {
    title: 'Reading a deprecated port version',
    fix: 'Not an error: the query ran. Move it to the replacement the notice names (e.g. `sales.orders` instead of `sales.orders_v1`) before the endOfLife date; after it the deprecated version is no longer served (MW5006).',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type LifecycleCode = keyof typeof LIFECYCLE_CODES;
