/**
 * A token's scopes narrow what its principal's policies allow: an action outside them is denied
 * before Cedar is asked. Reading masked or filtered data more fully is still reading, so
 * `readClear` and `readAllRows` need the `query` scope.
 */
import type { Principal, TokenScope } from '../identity/principal.js';
import type { AccessAction } from './access-types.js';

export const SCOPE_OF_ACTION: Readonly<Record<AccessAction, TokenScope>> = {
  discover: 'discover',
  readMetadata: 'metadata',
  query: 'query',
  readClear: 'query',
  readAllRows: 'query',
  publish: 'publish',
  approve: 'approve',
  administer: 'admin',
};

/** Why the principal's token does not allow `action`, or undefined when it does. */
export function scopeDenial(principal: Principal, action: AccessAction): string | undefined {
  const scopes = principal.scopes;
  const needed = SCOPE_OF_ACTION[action];
  if (scopes === undefined || scopes.includes(needed)) return undefined;
  const held = scopes.length === 0 ? 'no scopes' : `scopes ${scopes.join(', ')}`;
  return `the token used has ${held}; ${action} needs a token with the ${needed} scope (mesh token create --scope ${needed})`;
}
