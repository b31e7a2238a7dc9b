/**
 * The principal of a verified identity token. mesh.yaml stays the authority on what a declared
 * user is (teams, roles, attributes); the issuer only adds groups. A subject mesh.yaml does not
 * declare gets no roles — whatever it may do comes from policies over its groups and attributes.
 */
import { UnauthenticatedError, type IdentitySettings, type MeshModel } from '@meshwork/core';
import type { JWTPayload } from 'jose';
import type { Principal, PrincipalAttributeValue } from './principal.js';
import { freezePrincipal, userPrincipal } from './resolve-principal.js';

type OidcSettings = NonNullable<IdentitySettings['oidc']>;

export function oidcPrincipal(model: MeshModel, settings: OidcSettings, claims: JWTPayload): Principal {
  const subjectClaim = settings.subjectClaim ?? 'sub';
  const subject = claims[subjectClaim];
  if (typeof subject !== 'string' || subject.trim() === '' || subject.length > 255) {
    throw new UnauthenticatedError(
      'MW5208',
      `the identity token is not valid: its "${subjectClaim}" claim is missing or not a string.`,
    );
  }
  const groups = groupsOf(settings.groupsClaim === undefined ? undefined : claims[settings.groupsClaim]);
  const user = model.users.get(subject);
  if (user) {
    const known = userPrincipal(model, user, 'oidc');
    return freezePrincipal({ ...known, groups: [...new Set([...known.groups, ...groups])] });
  }
  if (model.serviceAccounts.has(subject)) {
    // Otherwise an issuer's user named like a service account would inherit its agreements.
    throw new UnauthenticatedError(
      'MW5212',
      `the identity token's subject "${subject}" is a service account; service accounts use API tokens.`,
    );
  }
  const attributes: Record<string, PrincipalAttributeValue> = {};
  for (const name of settings.attributeClaims ?? []) {
    const value = claims[name];
    if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    )
      attributes[name] = value;
  }
  return freezePrincipal({
    kind: 'user',
    id: subject,
    name: typeof claims.name === 'string' ? claims.name : subject,
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
    teams: [],
    groups,
    roles: [],
    attributes,
    authenticatedBy: 'oidc',
  });
}

/** An array of strings, or one string; anything else is no groups. */
function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((item): item is string => typeof item === 'string'))];
}
