/**
 * The access policies `mesh init` writes, so a new workspace is usable and safe at once: metadata
 * open to every authenticated principal, data to the owning team, to consumers where it holds no
 * restricted column, and under agreements; personal data masked, restricted data redacted.
 * Cedar is default-deny, so everything else is refused. Reference: docs/reference/access-policies.md.
 */
export const STARTER_ACCESS_POLICIES: ReadonlyMap<string, string> = new Map([
  [
    'policies/access/baseline.cedar',
    `// Access policies as code (Cedar). Default deny: what no policy permits is refused.
// Reference: docs/reference/access-policies.md — test them with \`mesh policy test\`.

@id("authenticated-discover")
@description("Every authenticated principal may find products and read their metadata.")
permit (
  principal,
  action in [Meshwork::Action::"discover", Meshwork::Action::"readMetadata"],
  resource
);

@id("owner-team-full-control")
@description("Members of the team that owns a product may do everything on it.")
permit (principal, action, resource)
when { resource has ownerTeam && principal in resource.ownerTeam };

@id("admin-all")
@description("Platform admins may query every port in full, decide access requests and administer the mesh; personal columns stay masked.")
permit (
  principal,
  action in [
    Meshwork::Action::"query",
    Meshwork::Action::"readAllRows",
    Meshwork::Action::"approve",
    Meshwork::Action::"administer"
  ],
  resource
)
when { principal.roles.contains("admin") };

@id("governance-approve")
@description("The governance council may approve or reject access requests on any product.")
permit (principal, action == Meshwork::Action::"approve", resource)
when { principal.roles.contains("governance") };

@id("consumer-query-unrestricted")
@description("Consumers may query ports that hold no restricted column.")
permit (principal, action == Meshwork::Action::"query", resource)
when { principal.roles.contains("consumer") && resource.classification != "restricted" };

@id("agreement-grants-query")
@description("An approved agreement in force grants query on its port.")
permit (principal, action == Meshwork::Action::"query", resource)
when { context.hasAgreement };
`,
  ],
  [
    'policies/access/masking.yaml',
    `# Column masks: a matched column is masked unless a policy permits readClear on it.
# Strategies: redact, null, hash, partial, tokenize. Reference: docs/reference/access-policies.md
apiVersion: meshwork/v1
kind: MaskingRules
masks:
  - id: restricted-redact
    description: Restricted columns are replaced by a fixed text.
    match:
      classification: restricted
    strategy: redact
  - id: pii-tokenize
    description: Personal columns become deterministic tokens that still join across products.
    match:
      classification: pii
    strategy: tokenize
`,
  ],
]);
