/**
 * Who `mesh query`/`mesh sql` act as: `--as <id>`, else `MESHWORK_USER` — a user or service
 * account declared in mesh.yaml, resolved exactly as the server resolves a token's principal,
 * so the same policies, masks and row filters apply. Anyone able to run the CLI on the
 * workspace can already read its warehouse files; `--as` is for seeing what a principal sees.
 */
import { InputError, type MeshModel } from '@meshwork/core';
import { resolvePrincipal, type Principal } from '@meshwork/server';
import type { CliContext } from './cli-context.js';

export function principalFor(ctx: CliContext, model: MeshModel, as: string | undefined): Principal {
  const id = as ?? ctx.env.MESHWORK_USER;
  const declared = [...model.users.keys(), ...model.serviceAccounts.keys()];
  const list = declared.slice(0, 10).join(', ') || 'none';
  if (!id) {
    throw new InputError(
      'MW5220',
      `name the principal to query as with --as <id> or MESHWORK_USER (declared: ${list})`,
    );
  }
  const principal = resolvePrincipal(model, id, { authenticatedBy: 'local' });
  if (!principal) throw new InputError('MW5220', `no user or service account "${id}" in mesh.yaml (declared: ${list})`);
  return principal;
}
