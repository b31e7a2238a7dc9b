/**
 * The refusal of a relation name that does not exist — or names a product the principal may not
 * discover, which must read exactly the same. A token without the `discover` scope can name no
 * product at all (its scopes narrow discovery like any other action), so its refusals say so: the
 * hint is added to every such refusal, existing product or not, and therefore tells nothing about
 * which products exist.
 */
import { NotFoundError } from '@meshwork/core';
import { scopeDenial } from '../access/token-scopes.js';
import type { Principal } from '../identity/principal.js';

export function unknownRelation(display: string, principal: Principal): NotFoundError {
  const hint =
    scopeDenial(principal, 'discover') === undefined
      ? ''
      : ` for this token: naming a product needs a token with the discover scope as well as query (mesh token create ${principal.id} --scope discover query)`;
  return new NotFoundError('MW5004', `relation ${display} does not exist${hint}`);
}
