/**
 * Principals from mesh.yaml. A user's teams are the ones it lists and the ones that list it as
 * a member, so either way of declaring membership counts; a service account belongs to its one
 * team. The result is frozen: policies and filters read it, nothing changes it.
 */
import type { MeshModel, ServiceAccount, User } from '@meshwork/core';
import type { Principal, PrincipalAttributeValue } from './principal.js';

export interface ResolveOptions {
  /** Only a principal of this kind (a token records the kind it was made for). */
  readonly kind?: Principal['kind'];
  /** For audit; defaults to `local` (a CLI user on this machine). */
  readonly authenticatedBy?: string;
}

/**
 * The user or service account `id` of the mesh, or undefined when mesh.yaml declares none.
 *
 * @example resolvePrincipal(model, 'alice', { authenticatedBy: 'token:abcd…' })
 */
export function resolvePrincipal(model: MeshModel, id: string, options: ResolveOptions = {}): Principal | undefined {
  const authenticatedBy = options.authenticatedBy ?? 'local';
  const user = options.kind === 'service' ? undefined : model.users.get(id);
  if (user) return userPrincipal(model, user, authenticatedBy);
  const account = options.kind === 'user' ? undefined : model.serviceAccounts.get(id);
  if (account) return servicePrincipal(account, authenticatedBy);
  return undefined;
}

export function userPrincipal(model: MeshModel, user: User, authenticatedBy: string): Principal {
  const teams = new Set(user.teams);
  for (const team of model.teams.values()) if (team.members.includes(user.id)) teams.add(team.id);
  return freezePrincipal({
    kind: 'user',
    id: user.id,
    name: user.name,
    ...(user.email === undefined ? {} : { email: user.email }),
    teams: [...teams].sort(),
    groups: [...user.groups],
    roles: [...user.roles],
    attributes: { ...user.attributes },
    authenticatedBy,
  });
}

function servicePrincipal(account: ServiceAccount, authenticatedBy: string): Principal {
  return freezePrincipal({
    kind: 'service',
    id: account.id,
    name: account.id,
    teams: account.team === undefined ? [] : [account.team],
    groups: [],
    roles: [...account.roles],
    attributes: {},
    authenticatedBy,
  });
}

export function freezePrincipal(principal: Principal): Principal {
  Object.freeze(principal.teams);
  Object.freeze(principal.groups);
  Object.freeze(principal.roles);
  Object.freeze(principal.attributes as Record<string, PrincipalAttributeValue>);
  if (principal.scopes) Object.freeze(principal.scopes);
  return Object.freeze(principal);
}
