/**
 * `mesh token create|list|revoke`: API tokens for the users and service accounts of mesh.yaml.
 * The token is printed once, by `create`, and never again: the store keeps only its hash. Every
 * create and revoke is in the audit log (without the secret).
 */
import type { Command } from 'commander';
import { InputError, MESH_FILE, hasErrors, type Diagnostic } from '@meshwork/core';
import { createTokenService, parseToken, type DiskLoadResult, type TokenRecord } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { cliActor, withMetadataStore } from '../metadata-store-for.js';

interface CreateFlags {
  scope?: string[];
  expires?: string;
  description?: string;
  json?: boolean;
}

interface ListFlags {
  principal?: string;
  all?: boolean;
  limit: string;
  after?: string;
  json?: boolean;
}

export function registerToken(program: Command, ctx: CliContext): void {
  const token = program.command('token').description('API tokens: random, stored hashed, scoped and expiring');

  token
    .command('create')
    .description('create a token for a user or service account of mesh.yaml and print it once')
    .argument('<principal>', 'user or service account id')
    .option('--scope <scopes...>', 'limit the token to: discover, metadata, query, publish, approve, admin')
    .option('--expires <lifetime>', 'lifetime, e.g. 30d, 12h, 2w (default: identity.tokens.defaultTtlDays, 90d)')
    .option('--description <text>', 'what the token is for')
    .option('--json', 'print JSON (includes the token)')
    .action(async (principal: string, flags: CreateFlags) => {
      const out = outputFor(ctx, flags);
      const workspace = await openTokenWorkspace(ctx);
      const scopes = (flags.scope ?? []).flatMap((s) => s.split(',')).filter((s) => s !== '');
      const { token: secret, record } = await withMetadataStore(ctx, workspace, (store) =>
        createTokenService({ store, model: workspace.model }).create(principal, {
          scopes,
          expiresIn: flags.expires,
          description: flags.description,
          createdBy: cliActor(ctx),
        }),
      );
      const warning = 'Store this token now: it is shown only once and cannot be recovered.';
      if (flags.json) return out.value({ token: secret, ...record, warning });
      out.line(
        `Created token ${record.id} for ${record.principalKind} ${record.principalId} — scopes ${scopesText(record)}, expires ${record.expiresAt}`,
      );
      out.line(secret);
      out.note(out.style.yellow(warning));
    });

  token
    .command('list')
    .description('list tokens, newest first (never their secrets)')
    .option('--principal <id>', "only this principal's tokens")
    .option('--all', 'include revoked and expired tokens')
    .option('--limit <n>', 'at most this many tokens (1-1000)', '100')
    .option('--after <cursor>', 'the page after this cursor (printed when there are more)')
    .option('--json', 'print JSON')
    .action(async (flags: ListFlags) => {
      const out = outputFor(ctx, flags);
      const workspace = await openTokenWorkspace(ctx);
      const page = await withMetadataStore(ctx, workspace, (store) =>
        store.listTokens({
          principalId: flags.principal,
          includeRevoked: !!flags.all,
          includeExpired: !!flags.all,
          limit: Number(flags.limit),
          after: flags.after,
        }),
      );
      if (flags.json) return out.value(page);
      const now = Date.now();
      out.table(
        ['id', 'principal', 'kind', 'scopes', 'status', 'created', 'expires', 'last used', 'description'],
        page.items.map((t) => [
          t.id,
          t.principalId,
          t.principalKind,
          scopesText(t),
          t.revokedAt !== null ? 'revoked' : Date.parse(t.expiresAt) <= now ? 'expired' : 'active',
          t.createdAt,
          t.expiresAt,
          t.lastUsedAt ?? '—',
          t.description ?? '',
        ]),
      );
      if (page.next !== undefined) out.note(`more: mesh token list --after ${page.next}`);
    });

  token
    .command('revoke')
    .description('revoke a token at once; it never works again')
    .argument('<token-id>', 'the id shown by `mesh token list`')
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const out = outputFor(ctx, flags);
      const workspace = await openTokenWorkspace(ctx);
      // Someone may paste the whole token; only its id is needed (and nothing echoes the secret).
      const id = parseToken(ref)?.id ?? ref;
      const { record, alreadyRevoked } = await withMetadataStore(ctx, workspace, (store) =>
        createTokenService({ store, model: workspace.model }).revoke(id, cliActor(ctx)),
      );
      if (flags.json) return out.value({ ...record, alreadyRevoked });
      out.line(
        alreadyRevoked
          ? `token ${record.id} was already revoked at ${record.revokedAt ?? ''} by ${record.revokedBy ?? ''}`
          : `revoked token ${record.id} of ${record.principalKind} ${record.principalId}`,
      );
    });
}

/** The workspace, refusing a mesh.yaml with errors: principals and settings come from it. */
async function openTokenWorkspace(ctx: CliContext): Promise<DiskLoadResult> {
  const workspace = await openWorkspace(ctx);
  const meshErrors: Diagnostic[] = workspace.diagnostics.filter((d) => d.severity === 'error' && d.file === MESH_FILE);
  if (hasErrors(meshErrors)) {
    throw new InputError('MW8008', 'mesh.yaml has validation errors; fix them first (`mesh validate`)', meshErrors);
  }
  return workspace;
}

function scopesText(token: TokenRecord): string {
  return token.scopes === null ? 'all' : token.scopes.join(',');
}
