/**
 * Stable codes of publish-time governance: loading and compiling policies (MW56xx) and the
 * findings they produce (MW57xx). Documented in docs/reference/errors.md (a test checks both ways).
 */
export const GOVERNANCE_CODES = {
  // MW56xx — policy files, as they load
  MW5601: {
    title: 'Policy expression does not parse',
    fix: 'Fix the CEL syntax at the given position (docs/reference/governance-policies.md).',
  },
  MW5602: {
    title: 'Policy expression does not type-check',
    fix: 'Use only the fields and functions the policy language defines for this target; check the types on both sides of each operator.',
  },
  MW5603: {
    title: 'Policy expression has the wrong result type',
    fix: '`check` and `where` must be boolean expressions; `message` must be a string expression.',
  },
  MW5604: { title: 'Duplicate policy id', fix: 'Give every governance policy an id unique in the mesh.' },
  MW5605: {
    title: 'Unknown built-in policy',
    fix: 'Use one of the built-in policies listed by `mesh policy list --builtin`, or write `check` yourself.',
  },
  MW5606: {
    title: 'Policy has no check',
    fix: 'Give the policy a `check` expression, or `use` a built-in policy.',
  },
  MW5607: {
    title: 'Domain policy reaches outside its domain',
    fix: 'A policy in domains/<domain>/policies/ applies to its own domain only: remove other domains from its scope.',
  },
  MW5608: {
    title: 'Unknown policy parameter',
    fix: 'Use only the parameters the built-in policy declares, with values of their type.',
  },
  MW5609: {
    title: 'Policy field pointer is not a JSON pointer',
    fix: 'Write `field` as a JSON pointer relative to the target, e.g. /classification.',
  },
  MW5610: {
    title: 'Waiver does not match a policy or product',
    fix: 'Name an enabled policy id and an existing product id in the waiver.',
  },
  MW5611: {
    title: 'Waiver has expired',
    fix: 'Fix the finding, or ask the governance council for a new waiver with a later expiry date.',
  },
  MW5612: {
    title: 'Waiver owner is unknown',
    fix: 'Name a user or team declared in mesh.yaml as the owner of the waiver.',
  },
  MW5613: {
    title: 'Policy test refers to an unknown policy',
    fix: 'Use the id of a policy defined in policies/governance or a domain policy folder.',
  },
  MW5614: {
    title: 'Governance policies do not load',
    fix: 'Fix the policy files (`mesh check` lists every problem with its file and line); nothing is published meanwhile.',
  },
  MW5616: {
    title: 'Unknown governance policy',
    fix: 'Use an id listed by `mesh policy list`, or meshwork/<name> from `mesh policy list --builtin`.',
  },
  MW5615: {
    title: 'Waiver expiry date is not a date',
    fix: 'Write `expires` as a date, e.g. 2027-03-31.',
  },
  // MW57xx — findings of a check
  MW5701: {
    title: 'Blocking governance policy failed',
    fix: 'Follow the fix the policy gives; `mesh check` shows every finding with its file, line and field.',
  },
  MW5702: {
    title: 'Governance policy warning',
    fix: 'Follow the fix the policy gives; warnings do not block publishing.',
  },
  MW5703: {
    title: 'Policy error',
    fix: 'The policy could not be evaluated on this target (see the message); fix the policy. A policy error blocks publishing.',
  },
  MW5704: {
    title: 'Publishing refused by governance',
    fix: 'Fix the blocking findings listed, or get a waiver from the governance council, then publish again.',
  },
  MW5705: {
    title: 'Snapshot refused by a data policy',
    fix: 'The data built for this snapshot violates a blocking policy (see the finding); fix the data or its classification. The previous snapshot stays current.',
  },
  MW5706: {
    title: 'No governance check yet',
    fix: 'The server runs a check when it starts; wait for it, or run `mesh check`.',
  },
  MW5707: {
    title: 'Not allowed to run a governance check',
    fix: 'Ask an admin: running a check of the whole mesh needs the administer permission on the mesh.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type GovernanceCode = keyof typeof GOVERNANCE_CODES;
