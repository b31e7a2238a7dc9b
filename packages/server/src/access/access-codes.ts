/**
 * Stable codes of access policies (range MW5500–MW5599): loading the Cedar policies, masking
 * rules, row filters and policy tests of `policies/access/` and `domains/<domain>/policies/`.
 * (MW51xx belongs to the Data Contract Specification importer.)
 */
export const ACCESS_CODES = {
  MW5501: {
    title: 'Cedar syntax error',
    fix: 'Fix the policy at this position; each policy is `@id("…") @description("…") permit|forbid (principal, action, resource) when { … };`.',
  },
  MW5502: {
    title: 'Policy without an @id',
    fix: 'Add `@id("a-stable-id")` above the policy; tests, explanations and the audit log name policies by it.',
  },
  MW5503: {
    title: 'Duplicate policy id',
    fix: 'Give each policy of policies/access/ and domains/*/policies/ its own @id.',
  },
  MW5504: {
    title: 'Policy does not match the Meshwork schema',
    fix: 'Use only the entity types, attributes and actions of the Meshwork schema (docs/reference/access-policies.md); test optional attributes and tags with `has`/`hasTag` first, and narrow `resource` with `is` when an attribute exists on some resource types only.',
  },
  MW5505: {
    title: 'Domain policy reaches outside its domain',
    fix: 'Scope the policy to the domain: `resource in Meshwork::Domain::"<domain>"` (or one of its products, ports or columns); policies about other resources belong in policies/access/.',
  },
  MW5506: {
    title: 'Policy without a @description',
    fix: 'Add `@description("…")` saying in one sentence what the policy allows or forbids; it is shown in explanations of decisions.',
  },
  MW5507: {
    title: 'Access policy file cannot be read',
    fix: 'Save the file as UTF-8 text under 1 MiB with read permission.',
  },
  MW5508: {
    title: 'Policy test case cannot be checked',
    fix: 'Give each case an action with `expect`, a column resource with `expectMask`, or a port resource with `expectRowFilter`.',
  },
  MW5509: {
    title: 'Duplicate rule id',
    fix: 'Give each mask and each row filter its own id.',
  },
  MW5510: {
    title: 'Row filter expression does not parse',
    fix: "Write the filter with column names, principal.<attribute>, literals ('text', 12, true), = != < <= > >=, IN (…), IS [NOT] NULL, AND, OR, NOT and parentheses.",
  },
  MW5511: {
    title: 'Row filter names a column no port has',
    fix: 'Use a column of the contracts the rule applies to (check the spelling), or remove the rule.',
  },
  MW5512: {
    title: 'Row filter column missing on a port',
    fix: 'Add the column to the port or narrow `match.products`; until then the filter hides every row of that port.',
  },
  MW5513: {
    title: 'Rule matches nothing',
    fix: 'Check the globs, classification and tags of the rule against the contracts; a rule that matches nothing protects nothing.',
  },
  MW5514: {
    title: 'Policy test names an unknown principal or resource',
    fix: "Use a user or service account id of mesh.yaml (or an inline principal), and a resource like 'sales.orders', 'sales.orders/orders@2', 'sales.orders/orders@2/customer_id', 'domain:sales' or 'mesh'.",
  },
  MW5516: {
    title: 'Access policies have errors: everything is denied',
    fix: 'Run `mesh policy test` and fix every error; until then the authorizer fails closed and denies every request.',
  },
  MW5517: {
    title: 'No access policies',
    fix: 'Add Cedar policies under policies/access/; without any, every request is denied.',
  },
  MW5518: {
    title: 'Domain policies of an unknown domain',
    fix: 'Move the policies to domains/<domain>/policies/ of a domain that has a domain.yaml.',
  },
} as const;

export type AccessCode = keyof typeof ACCESS_CODES;
