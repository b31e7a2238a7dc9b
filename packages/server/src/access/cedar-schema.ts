/**
 * The Cedar schema every access policy is validated against (strict mode), so that a typo in an
 * attribute or an action is a load error with a position, not a policy that silently never
 * applies.
 *
 * Resources carry their ancestors as direct parents (a column is `in` its port, product and
 * domains): a decision then needs only two entities, the principal and the resource, which keeps
 * the wasm call small (see cedar-entities.ts). Every resource is implicitly in the mesh; the
 * `Mesh` entity is the resource of mesh-wide actions, not a parent.
 */
export const CEDAR_NAMESPACE = 'Meshwork';

export const CEDAR_SCHEMA = `namespace Meshwork {
  entity Group, Team;
  entity User in [Group, Team] = { roles: Set<String> } tags String;
  entity ServiceAccount in [Group, Team] = { roles: Set<String> } tags String;
  entity Mesh = { name: String };
  entity Domain in [Domain] = { name: String, ownerTeam?: Team, tags: Set<String> };
  entity Product in [Domain] = {
    domain: String, ownerTeam?: Team, archetype: String, status: String, tags: Set<String>,
    classification: String, sensitivity: Long
  };
  entity OutputPort in [Product, Domain] = {
    productId: String, name: String, major: Long, domain: String, ownerTeam?: Team, status: String,
    deprecated: Bool, tags: Set<String>, classification: String, sensitivity: Long
  };
  entity Column in [OutputPort, Product, Domain] = {
    name: String, productId: String, domain: String, ownerTeam?: Team, tags: Set<String>,
    classification: String, sensitivity: Long
  };
  type RequestContext = { purpose?: String, hasAgreement: Bool, agreementPurposes: Set<String> };
  action discover appliesTo {
    principal: [User, ServiceAccount], resource: [Mesh, Domain, Product, OutputPort], context: RequestContext
  };
  action readMetadata appliesTo {
    principal: [User, ServiceAccount], resource: [Mesh, Domain, Product, OutputPort, Column], context: RequestContext
  };
  action query appliesTo {
    principal: [User, ServiceAccount], resource: [Product, OutputPort], context: RequestContext
  };
  action publish, approve appliesTo {
    principal: [User, ServiceAccount], resource: [Domain, Product, OutputPort], context: RequestContext
  };
  action administer appliesTo {
    principal: [User, ServiceAccount], resource: [Mesh, Domain, Product, OutputPort], context: RequestContext
  };
  action readClear appliesTo {
    principal: [User, ServiceAccount], resource: [Column], context: RequestContext
  };
  action readAllRows appliesTo {
    principal: [User, ServiceAccount], resource: [OutputPort], context: RequestContext
  };
}
`;

/**
 * How sensitive a classification is, for `sensitivity` and for "the most sensitive column"
 * (`classification` of ports and products). Labels Meshwork does not know rank as confidential,
 * so that a new label is never treated as harmless; unclassified columns rank as internal.
 */
const SENSITIVITY: Readonly<Record<string, number>> = {
  public: 0,
  unclassified: 1,
  internal: 1,
  confidential: 2,
  sensitive: 3,
  pii: 3,
  restricted: 4,
  secret: 4,
};
const UNKNOWN_LABEL_SENSITIVITY = 2;

export const UNCLASSIFIED = 'unclassified';

export function sensitivityOf(classification: string): number {
  return SENSITIVITY[classification.toLowerCase()] ?? UNKNOWN_LABEL_SENSITIVITY;
}
