/** Codes of webhook subscriptions and the delivery log (MW8750–MW8769). */
export const WEBHOOK_CODES = {
  MW8750: {
    title: 'Invalid webhook subscription',
    fix: 'In mesh.yaml `webhooks`, give each subscription a unique id, an http(s) URL without user or password, at least one event type (`access.approved`, `access.*` or `*`) and a secret of at least 16 characters (e.g. `${WEBHOOK_SECRET}`).',
  },
  MW8751: {
    title: 'Webhook delivery log is for administrators',
    fix: 'Ask a mesh administrator (role `admin`) to read the delivery log, or use a token with the `admin` scope.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type WebhookCode = keyof typeof WEBHOOK_CODES;
