/**
 * `mesh access request|list|approve|reject|cancel|revoke`: access requests and data usage
 * agreements, run in-process against the workspace's metadata store. Who is acting comes from
 * `--as` (default: MESHWORK_USER) and must be a user or service account of mesh.yaml; what they
 * may decide is the authorizer's call, exactly as over the HTTP API. Webhook subscribers of
 * mesh.yaml are told of each step before the command exits (a failed delivery is left in the
 * delivery log, and a running server retries it).
 */
import type { Command } from 'commander';
import { InputError, MESH_FILE, hasErrors, type Diagnostic } from '@meshwork/core';
import {
  AGREEMENT_STATUSES,
  createAgreementService,
  createWebhookDispatcher,
  loadAccessPolicies,
  parseAgreementDate,
  parsePortReference,
  resolvePrincipal,
  webhookSubscriptions,
  type AgreementService,
  type AgreementStatus,
  type AgreementView,
  type DiskLoadResult,
  type Principal,
} from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import type { CliOutput } from '../output/cli-output.js';

interface ActingFlags {
  as?: string;
  json?: boolean;
}

interface RequestFlags extends ActingFlags {
  purpose?: string;
  until?: string;
  from?: string;
}

interface ListFlags extends ActingFlags {
  status?: string;
  product?: string;
  mine?: boolean;
  inbox?: boolean;
  limit: string;
  after?: string;
}

interface NoteFlags extends ActingFlags {
  note?: string;
}

export function registerAccess(program: Command, ctx: CliContext): void {
  const access = program
    .command('access')
    .description('access requests and agreements: request access to a port, approve, reject, revoke');
  const acting = (command: Command) =>
    command
      .option('--as <principal>', 'the user or service account acting (default: $MESHWORK_USER)')
      .option('--json', 'print JSON');

  acting(
    access
      .command('request')
      .description('request access to an output port, with a purpose and an end date')
      .argument('<port>', '<domain.product>[/<port>][@<major>], e.g. sales.orders/orders@2')
      .option('--purpose <text>', 'what the data will be used for (required)')
      .option(
        '--until <date>',
        'end: YYYY-MM-DD (through that day, UTC), an ISO time, or a period such as 90d (required)',
      )
      .option('--from <date>', 'start (default: now)'),
  ).action(async (ref: string, flags: RequestFlags) => {
    const reference = parsePortReference(ref);
    await withAgreements(ctx, flags, async (agreements, principal, out) => {
      if (flags.until === undefined) {
        throw new InputError('MW8702', 'an end date is required: --until YYYY-MM-DD (or a period such as 90d).');
      }
      const now = new Date();
      const created = await agreements.request(principal, {
        ...reference,
        purpose: flags.purpose ?? '',
        endsAt: parseAgreementDate(flags.until, 'end', now),
        ...(flags.from === undefined ? {} : { startsAt: parseAgreementDate(flags.from, 'start', now) }),
      });
      if (flags.json) return out.value(created);
      out.line(`requested ${portText(created)} for ${created.principalId}: ${created.id} (pending)`);
      out.note(`period ${created.startsAt} → ${created.endsAt}; the product owner decides (mesh access list --inbox)`);
    });
  });

  acting(
    access
      .command('list')
      .description('list access requests and agreements: mine (default) or the inbox of products I decide on')
      .option('--mine', 'my own requests and agreements (default)')
      .option('--inbox', 'requests for products I decide on (pending unless --status is given)')
      .option('--status <status>', `only this status: ${AGREEMENT_STATUSES.join(', ')}`)
      .option('--product <domain.product>', 'only this product')
      .option('--limit <n>', 'at most this many (1-1000)', '100')
      .option('--after <cursor>', 'the page after this cursor (printed when there are more)'),
  ).action(async (flags: ListFlags) => {
    if (flags.mine && flags.inbox) throw new InputError('MW8702', '--mine and --inbox exclude each other.');
    if (flags.status !== undefined && !(AGREEMENT_STATUSES as readonly string[]).includes(flags.status)) {
      throw new InputError('MW8702', `--status must be one of ${AGREEMENT_STATUSES.join(', ')}; got ${flags.status}.`);
    }
    const role = flags.inbox ? 'inbox' : 'mine';
    const status = (flags.status ?? (role === 'inbox' ? 'pending' : undefined)) as AgreementStatus | undefined;
    await withAgreements(ctx, flags, async (agreements, principal, out) => {
      const page = await agreements.list(principal, {
        role,
        status,
        productId: flags.product?.replace('/', '.'),
        limit: Number(flags.limit),
        after: flags.after,
      });
      if (flags.json) return out.value(page);
      out.table(
        ['id', 'status', 'consumer', 'port', 'until', 'purpose'],
        page.items.map((a) => [a.id, statusText(out, a), a.principalId, portText(a), a.endsAt, a.purpose]),
      );
      if (page.next !== undefined) out.note(`more: mesh access list --after ${page.next}`);
    });
  });

  const step = (
    name: 'approve' | 'reject' | 'cancel' | 'revoke',
    description: string,
    run: (agreements: AgreementService, principal: Principal, id: string, flags: NoteFlags) => Promise<AgreementView>,
  ) => {
    const command = acting(access.command(name).description(description).argument('<id>', 'the request id'));
    if (name !== 'cancel')
      command.option('--note <text>', name === 'reject' ? 'why (required)' : 'a note for the record');
    command.action(async (id: string, flags: NoteFlags) => {
      await withAgreements(ctx, flags, async (agreements, principal, out) => {
        const result = await run(agreements, principal, id, flags);
        if (flags.json) return out.value(result);
        out.line(`${result.status} ${result.id}: ${result.principalId} on ${portText(result)} until ${result.endsAt}`);
      });
    });
  };
  step('approve', 'approve a pending request: access is granted at once', (a, p, id, f) => a.approve(p, id, f.note));
  step('reject', 'reject a pending request, saying why', (a, p, id, f) => a.reject(p, id, f.note ?? ''));
  step('cancel', 'cancel my own pending request', (a, p, id) => a.cancel(p, id));
  step('revoke', 'revoke an agreement at once (owners), or give up my own', (a, p, id, f) => a.revoke(p, id, f.note));
}

/**
 * Opens the workspace and its store, resolves who is acting, and hands the agreement service
 * over; webhook deliveries started by the command finish (or are logged for retry) before it returns.
 */
async function withAgreements(
  ctx: CliContext,
  flags: ActingFlags,
  use: (agreements: AgreementService, principal: Principal, out: CliOutput) => Promise<void>,
): Promise<void> {
  const out = outputFor(ctx, flags);
  const workspace = await openAccessWorkspace(ctx);
  const principal = actingPrincipal(ctx, workspace, flags.as);
  const subscriptions = webhookSubscriptions(workspace.model.config.webhooks);
  await withMetadataStore(ctx, workspace, async (store) => {
    const webhooks = createWebhookDispatcher({ store, subscriptions, timeoutMs: 5000 });
    try {
      // INTERIM: replaced by the Cedar authorizer (`createAuthorizer`) once it is wired in.
      const authorizer = loadAccessPolicies(workspace.root, workspace.model).authorizer;
      await use(
        createAgreementService({ store, model: workspace.model, authorizer, events: webhooks }),
        principal,
        out,
      );
    } finally {
      await webhooks.close();
    }
  });
}

function actingPrincipal(ctx: CliContext, workspace: DiskLoadResult, as: string | undefined): Principal {
  const id = as ?? ctx.env.MESHWORK_USER;
  if (id === undefined || id === '') {
    throw new InputError('MW8701', 'say who is acting: --as <user or service account>, or set MESHWORK_USER.');
  }
  const principal = resolvePrincipal(workspace.model, id);
  if (!principal) {
    const declared = [...workspace.model.users.keys(), ...workspace.model.serviceAccounts.keys()];
    throw new InputError(
      'MW5220',
      `no user or service account "${id}" in mesh.yaml (declared: ${declared.slice(0, 10).join(', ') || 'none'}).`,
    );
  }
  return principal;
}

/** The workspace, refusing a mesh.yaml with errors: principals and webhooks come from it. */
async function openAccessWorkspace(ctx: CliContext): Promise<DiskLoadResult> {
  const workspace = await openWorkspace(ctx);
  const meshErrors: Diagnostic[] = workspace.diagnostics.filter((d) => d.severity === 'error' && d.file === MESH_FILE);
  if (hasErrors(meshErrors)) {
    throw new InputError('MW8008', 'mesh.yaml has validation errors; fix them first (`mesh validate`)', meshErrors);
  }
  return workspace;
}

function portText(agreement: AgreementView): string {
  return `${agreement.productId}/${agreement.port}@${agreement.major}`;
}

function statusText(out: CliOutput, agreement: AgreementView): string {
  if (agreement.active) return out.style.green('active');
  if (agreement.status === 'approved') {
    return Date.parse(agreement.startsAt) > Date.now() ? out.style.cyan('approved (not started)') : 'ended';
  }
  if (agreement.status === 'pending') return out.style.yellow('pending');
  return agreement.status === 'rejected' || agreement.status === 'revoked'
    ? out.style.red(agreement.status)
    : agreement.status;
}
