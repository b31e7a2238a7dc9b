/**
 * Governance over HTTP: the policies, the findings of the latest check (only for products the
 * caller may discover), compliance per policy or per domain now and over time, the waivers, and
 * `POST /api/v1/governance/checks` to run a check now (for those who administer the mesh).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotAllowedError, UnavailableError, type Finding } from '@meshwork/core';
import { complianceRows } from '../../governance/compliance-rows.js';
import type { Principal } from '../../identity/principal.js';
import { ErrorSchema } from '../api-schemas.js';
import type { PlatformServices } from '../platform-services.js';
import { requirePrincipal } from '../request-principal.js';

const FindingSchema = Type.Object({
  policyId: Type.String(),
  severity: Type.Union([Type.Literal('blocking'), Type.Literal('warning')]),
  outcome: Type.Union([Type.Literal('fail'), Type.Literal('waived'), Type.Literal('error')]),
  code: Type.String({ description: 'MW5701 blocking failure, MW5702 warning, MW5703 policy error' }),
  productId: Type.String(),
  domain: Type.String(),
  port: Type.Optional(Type.String()),
  column: Type.Optional(Type.String({ description: 'table.column' })),
  message: Type.String({ description: 'why it failed' }),
  fix: Type.String(),
  file: Type.String(),
  pointer: Type.String({ description: 'JSON pointer of the field at fault in file' }),
  line: Type.Optional(Type.Integer()),
  waiver: Type.Optional(
    Type.Object({ owner: Type.String(), reason: Type.String(), expires: Type.String(), file: Type.String() }),
  ),
});

const PolicySchema = Type.Object({
  id: Type.String(),
  use: Type.Optional(Type.String({ description: 'the built-in policy it uses' })),
  description: Type.String(),
  rationale: Type.Optional(Type.String()),
  severity: Type.Union([Type.Literal('blocking'), Type.Literal('warning')]),
  target: Type.Union([Type.Literal('product'), Type.Literal('port'), Type.Literal('column')]),
  domain: Type.Optional(Type.String({ description: 'set for domain policies' })),
  enabled: Type.Boolean(),
  check: Type.String(),
  where: Type.Optional(Type.String()),
  file: Type.String(),
  line: Type.Integer(),
});

const CountsSchema = {
  passed: Type.Integer(),
  failed: Type.Integer(),
  waived: Type.Integer(),
  errors: Type.Integer(),
};

const ComplianceRowSchema = Type.Object({
  key: Type.String({ description: 'the policy id or the domain' }),
  ...CountsSchema,
  compliantPct: Type.Integer({ description: '(passed + waived) / all, in whole percent' }),
});

const errors = { 401: ErrorSchema, 403: ErrorSchema, 503: ErrorSchema };

export function governanceRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  const mayDiscover = (principal: Principal) => {
    const cache = new Map<string, boolean>();
    return (productId: string) => {
      let allowed = cache.get(productId);
      if (allowed === undefined) {
        allowed = services.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed;
        cache.set(productId, allowed);
      }
      return allowed;
    };
  };
  const latestCheck = () => {
    const latest = services.governance.latest();
    if (!latest)
      throw new UnavailableError('MW5706', 'no governance check has run yet in this server; try again in a moment');
    return latest;
  };

  return async (app) => {
    app.get(
      '/api/v1/governance/policies',
      {
        schema: {
          summary: 'The governance policies of the mesh (publish-time), enabled and disabled',
          tags: ['governance'],
          response: { 200: Type.Object({ items: Type.Array(PolicySchema) }), ...errors },
        },
      },
      async (request) => {
        requirePrincipal(request);
        const { policies, disabled } = services.governance.governance;
        return {
          items: [...policies, ...disabled].map((p) => ({
            id: p.id,
            ...(p.builtin ? { use: p.builtin } : {}),
            description: p.description,
            ...(p.rationale ? { rationale: p.rationale } : {}),
            severity: p.severity,
            target: p.target,
            ...(p.domain ? { domain: p.domain } : {}),
            enabled: p.enabled,
            check: p.text.check,
            ...(p.text.where ? { where: p.text.where } : {}),
            file: p.source.file,
            line: p.source.line,
          })),
        };
      },
    );

    app.get(
      '/api/v1/governance/findings',
      {
        schema: {
          summary: 'Findings of the latest governance check, for the products the caller may discover',
          tags: ['governance'],
          querystring: Type.Object({
            product: Type.Optional(Type.String()),
            policy: Type.Optional(Type.String()),
            domain: Type.Optional(Type.String()),
            outcome: Type.Optional(Type.Union([Type.Literal('fail'), Type.Literal('waived'), Type.Literal('error')])),
          }),
          response: {
            200: Type.Object({
              checkedAt: Type.String({ format: 'date-time' }),
              checkId: Type.Optional(Type.String()),
              items: Type.Array(FindingSchema),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const visible = mayDiscover(requirePrincipal(request));
        const latest = latestCheck();
        const { product, policy, domain, outcome } = request.query;
        const items = latest.report.findings.filter(
          (f: Finding) =>
            (product === undefined || f.productId === product) &&
            (policy === undefined || f.policyId === policy) &&
            (domain === undefined || f.domain === domain) &&
            (outcome === undefined || f.outcome === outcome) &&
            visible(f.productId),
        );
        return { checkedAt: latest.checkedAt, ...(latest.checkId ? { checkId: latest.checkId } : {}), items };
      },
    );

    app.get(
      '/api/v1/governance/compliance',
      {
        schema: {
          summary:
            'Compliance now: pass / fail / waived / error counts per policy or per domain (products the caller may discover)',
          tags: ['governance'],
          querystring: Type.Object({
            by: Type.Optional(Type.Union([Type.Literal('policy'), Type.Literal('domain')])),
            policy: Type.Optional(Type.String()),
            domain: Type.Optional(Type.String()),
          }),
          response: {
            200: Type.Object({
              checkedAt: Type.String({ format: 'date-time' }),
              items: Type.Array(ComplianceRowSchema),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const visible = mayDiscover(requirePrincipal(request));
        const latest = latestCheck();
        const counts = latest.report.outcomes
          .filter((o) => visible(o.productId))
          .map((o) => ({
            policyId: o.policyId,
            domain: o.domain,
            passed: o.outcome === 'pass' ? 1 : 0,
            failed: o.outcome === 'fail' ? 1 : 0,
            waived: o.outcome === 'waived' ? 1 : 0,
            errors: o.outcome === 'error' ? 1 : 0,
          }));
        const { by = 'policy', policy, domain } = request.query;
        return { checkedAt: latest.checkedAt, items: complianceRows(counts, by, { policyId: policy, domain }) };
      },
    );

    app.get(
      '/api/v1/governance/compliance/history',
      {
        schema: {
          summary:
            'Compliance over time: summed counts per recorded whole-mesh check, oldest first (the newest checks up to limit)',
          tags: ['governance'],
          querystring: Type.Object({
            policy: Type.Optional(Type.String()),
            domain: Type.Optional(Type.String()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  checkId: Type.String(),
                  checkedAt: Type.String({ format: 'date-time' }),
                  ...CountsSchema,
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        requirePrincipal(request);
        const { policy, domain, limit = 50 } = request.query;
        const history = await services.store.complianceHistory({
          ...(policy ? { policyId: policy } : {}),
          ...(domain ? { domain } : {}),
          limit,
        });
        return {
          items: history.map((h) => ({
            checkId: h.checkId,
            checkedAt: h.checkedAt,
            passed: h.passed,
            failed: h.failed,
            waived: h.waived,
            errors: h.errors,
          })),
        };
      },
    );

    app.get(
      '/api/v1/governance/waivers',
      {
        schema: {
          summary: 'Waivers: in force and expired',
          tags: ['governance'],
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  policy: Type.String(),
                  product: Type.String(),
                  port: Type.Optional(Type.String()),
                  column: Type.Optional(Type.String()),
                  owner: Type.String(),
                  reason: Type.String(),
                  expires: Type.String(),
                  status: Type.Union([Type.Literal('active'), Type.Literal('expired')]),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const visible = mayDiscover(requirePrincipal(request));
        // As of now: a waiver that expired since the server started shows as expired.
        const { active, expired } = services.governance.governance.waiversAt(new Date());
        const items = [
          ...active.map((w) => ({ ...w, status: 'active' as const })),
          ...expired.map((w) => ({ ...w, status: 'expired' as const })),
        ].filter((w) => visible(w.product));
        return {
          items: items.map(({ policy, product, port, column, owner, reason, expires, status }) => ({
            policy,
            product,
            ...(port ? { port } : {}),
            ...(column ? { column } : {}),
            owner,
            reason,
            expires,
            status,
          })),
        };
      },
    );

    app.post(
      '/api/v1/governance/checks',
      {
        schema: {
          summary: 'Run a governance check of the whole mesh now (those who administer the mesh)',
          tags: ['governance'],
          response: {
            200: Type.Object({
              checkId: Type.Optional(Type.String()),
              checkedAt: Type.String({ format: 'date-time' }),
              products: Type.Integer(),
              policies: Type.Integer(),
              blocking: Type.Integer(),
              findings: Type.Integer(),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        if (!services.authorizer.isAllowed(principal, 'administer', { kind: 'mesh' }).allowed) {
          throw new NotAllowedError('MW5707', 'running a governance check needs the administer permission on the mesh');
        }
        const check = await services.governance.run(principal.id, 'check');
        return {
          ...(check.checkId ? { checkId: check.checkId } : {}),
          checkedAt: check.checkedAt,
          products: check.report.productCount,
          policies: check.report.policyCount,
          blocking: check.blocking.length,
          findings: check.report.findings.length,
        };
      },
    );
  };
}
