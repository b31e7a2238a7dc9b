/**
 * The three things a governance policy can be about, and the variables its expressions see for
 * each: a product (`product`), an output port (`product`, `port`), a column (`product`, `port`,
 * `column`). `params` is always there.
 */
export const POLICY_TARGETS = ['product', 'port', 'column'] as const;
export type PolicyTarget = (typeof POLICY_TARGETS)[number];

export const TARGET_VARIABLES: Readonly<Record<PolicyTarget, readonly string[]>> = {
  product: ['product', 'params'],
  port: ['product', 'port', 'params'],
  column: ['product', 'port', 'column', 'params'],
};
