/**
 * The governance policies `mesh init` writes: the built-in library's essentials, strict where a
 * mistake costs data or trust (personal data, breaking changes) and warnings where a new team
 * needs time (owner, support, key checks). Reference: docs/reference/governance-policies.md.
 */
export const STARTER_GOVERNANCE_POLICIES: ReadonlyMap<string, string> = new Map([
  [
    'policies/governance/starter.yaml',
    `# Publish-time governance policies as code (CEL). \`mesh check\` runs them; \`mesh publish\`
# refuses to publish while a blocking one fails. Try a change first with
# \`mesh policy simulate <file>\`. Reference: docs/reference/governance-policies.md
apiVersion: meshwork/v1
kind: GovernancePolicies
policies:
  - id: owner-team
    use: meshwork/required-owner-team
    severity: warning
  - id: description-and-purpose
    use: meshwork/required-description
  - id: support-channel
    use: meshwork/required-support-channel
    severity: warning
  - id: columns-classified
    use: meshwork/column-classified
  - id: pii-named-columns
    use: meshwork/pii-by-name
  - id: pii-in-the-data
    use: meshwork/pii-by-data
  - id: pii-masked
    use: meshwork/pii-masked
  - id: utc-timestamps
    use: meshwork/timestamps-utc
  - id: source-keys-checked
    use: meshwork/primary-key-quality
    severity: warning
  - id: breaking-needs-major
    use: meshwork/breaking-change-needs-major
`,
  ],
  [
    'policies/governance/waivers.yaml',
    `# Time-boxed exceptions granted by the governance council: one policy, one product (optionally
# one port or column), an owner, a reason and the last day it applies (UTC).
apiVersion: meshwork/v1
kind: GovernanceWaivers
waivers: []
`,
  ],
]);
