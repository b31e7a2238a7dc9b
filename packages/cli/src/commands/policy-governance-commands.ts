/**
 * Governance policy commands under `mesh policy`:
 *   simulate <file>  evaluate a new or changed policy file against every product, without enabling it
 *   list [--builtin] the enabled (and disabled) workspace policies, or the built-in library
 *   show <id>        one policy: what it checks, its parameters, where it is written
 *   waivers          the waivers in force and the expired ones
 */
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  BUILTIN_POLICIES,
  compilePolicies,
  hasErrors,
  InputError,
  type CompiledPolicy,
  type Diagnostic,
} from '@meshwork/core';
import { loadGovernance, readPolicyFile } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { governanceCheckFor } from '../governance-for.js';
import { cliActor, withMetadataStore } from '../metadata-store-for.js';
import { printDiagnostics } from '../output/print-diagnostics.js';
import { countFindings, printFindings } from '../output/print-findings.js';

export function registerGovernancePolicyCommands(policy: Command, ctx: CliContext): void {
  policy
    .command('simulate')
    .description(
      'evaluate a governance policy file against every product and report what would fail, without enabling it',
    )
    .argument('<file>', 'a governance policy file (kind: GovernancePolicies)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const workspace = await openWorkspace(ctx);
      const path = relative(workspace.root, resolve(ctx.cwd, file)).split('\\').join('/');
      const diagnostics: Diagnostic[] = [];
      const text = readPolicyFile(workspace.root, path, diagnostics);
      const domain = /^domains\/([^/]+)\/policies\//.exec(path)?.[1];
      const compiled =
        text === undefined
          ? { policies: [], diagnostics: [] }
          : compilePolicies([{ path, text, ...(domain ? { domain } : {}) }]);
      diagnostics.push(...compiled.diagnostics);
      if (hasErrors(diagnostics)) {
        if (options.json) out.value({ ok: false, diagnostics });
        else printDiagnostics(out, diagnostics);
        ctx.exitCode = 1;
        return;
      }
      const policies = compiled.policies;
      const { governance, check } = await withMetadataStore(ctx, workspace, async (store) => {
        const result = await governanceCheckFor(workspace, store, { policies, actor: cliActor(ctx) });
        await store.appendAudit({
          actor: cliActor(ctx),
          action: 'governance.simulated',
          resource: `urn:meshwork:policy-file:${path}`,
          details: { policies: policies.map((p) => p.id), findings: result.check.report.findings.length },
        });
        return result;
      });
      const current = new Map([...governance.policies, ...governance.disabled].map((p) => [p.id, p]));
      const summary = policies.map((p) => {
        const outcomes = check.report.outcomes.filter((o) => o.policyId === p.id);
        const failing = outcomes.filter((o) => o.outcome !== 'pass').map((o) => o.productId);
        return {
          id: p.id,
          severity: p.severity,
          status: current.has(p.id) ? 'changed' : 'new',
          applicable: outcomes.length,
          passing: outcomes.length - failing.length,
          failing,
        };
      });
      if (options.json) {
        out.value({ ok: true, file: path, policies: summary, findings: check.report.findings, diagnostics });
        return;
      }
      printFindings(out, check.report.findings);
      out.line();
      out.table(
        ['policy', 'severity', 'status', 'applies to', 'pass', 'would fail'],
        summary.map((s) => [
          s.id,
          s.severity,
          s.status,
          String(s.applicable),
          String(s.passing),
          String(s.failing.length),
        ]),
      );
      const counts = countFindings(check.report.findings);
      const blocked = new Set(check.blocking.map((f) => f.productId));
      out.line(
        `simulated ${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} over ${check.report.productCount} products: ` +
          `${counts.blocking} blocking findings in ${blocked.size} products, ${counts.warnings} warnings, ${counts.errors} policy errors — nothing was enabled`,
      );
    });

  policy
    .command('list')
    .description('list the governance policies of the workspace (or, with --builtin, the built-in library)')
    .option('--builtin', 'list the built-in policies instead')
    .option('--json', 'print JSON')
    .action(async (options: { builtin?: boolean; json?: boolean }) => {
      const out = outputFor(ctx, options);
      if (options.builtin) {
        const rows = [...BUILTIN_POLICIES].map(([use, p]) => ({
          use,
          severity: p.severity,
          target: p.scope.target,
          description: p.description,
        }));
        if (options.json) out.value(rows);
        else
          out.table(
            ['use', 'severity', 'target', 'description'],
            rows.map((r) => [r.use, r.severity, r.target, r.description]),
          );
        return;
      }
      const workspace = await openWorkspace(ctx);
      const governance = loadGovernance(workspace.root, workspace.model);
      const rows = [...governance.policies, ...governance.disabled].map(describePolicy);
      if (options.json) out.value({ policies: rows, diagnostics: governance.diagnostics });
      else {
        printDiagnostics(out, governance.diagnostics);
        out.table(
          ['id', 'severity', 'target', 'scope', 'enabled', 'source'],
          rows.map((r) => [r.id, r.severity, r.target, r.scope, r.enabled ? 'yes' : 'no', r.source]),
        );
      }
      if (hasErrors(governance.diagnostics)) ctx.exitCode = 1;
    });

  policy
    .command('show')
    .description('show one governance policy: what it checks, its parameters and where it is written')
    .argument('<id>', 'a workspace policy id, or meshwork/<name> for a built-in')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const builtin = BUILTIN_POLICIES.get(id);
      if (builtin) {
        if (options.json) out.value({ use: id, ...builtin });
        else {
          out.line(out.style.bold(id));
          for (const [key, value] of Object.entries({ ...builtin, tests: `${builtin.tests.length} tests` })) {
            if (key === 'name') continue;
            out.line(`  ${out.style.dim(`${key}:`)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
          }
        }
        return;
      }
      const workspace = await openWorkspace(ctx);
      const governance = loadGovernance(workspace.root, workspace.model);
      const found = [...governance.policies, ...governance.disabled].find((p) => p.id === id);
      if (!found) throw new InputError('MW5616', `no governance policy has the id ${id}; see \`mesh policy list\``);
      const shown = {
        ...describePolicy(found),
        description: found.description,
        rationale: found.rationale,
        ...found.text,
        params: found.params,
        field: found.field,
        fix: found.fix,
      };
      if (options.json) out.value(shown);
      else {
        out.line(out.style.bold(found.id));
        for (const [key, value] of Object.entries(shown)) {
          if (key === 'id' || value === undefined) continue;
          out.line(`  ${out.style.dim(`${key}:`)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
        }
      }
    });

  policy
    .command('waivers')
    .description('list the governance waivers: in force and expired')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const workspace = await openWorkspace(ctx);
      const { waivers, diagnostics } = loadGovernance(workspace.root, workspace.model);
      const rows = [
        ...waivers.active.map((w) => ({ ...w, status: 'active' })),
        ...waivers.expired.map((w) => ({ ...w, status: 'expired' })),
      ];
      if (options.json) out.value({ waivers: rows, diagnostics });
      else {
        printDiagnostics(
          out,
          diagnostics.filter((d) => d.code.startsWith('MW56')),
        );
        out.table(
          ['policy', 'product', 'target', 'owner', 'expires', 'status', 'reason'],
          rows.map((w) => [
            w.policy,
            w.product,
            [w.port, w.column].filter(Boolean).join(' › ') || '—',
            w.owner,
            w.expires,
            w.status,
            w.reason,
          ]),
        );
      }
    });
}

function describePolicy(policy: CompiledPolicy) {
  const scope = [
    policy.domain ? `domain ${policy.domain}` : 'global',
    ...Object.entries(policy.scope)
      .filter(([key]) => key !== 'target' && !(policy.domain && key === 'domains'))
      .map(([key, value]) => `${key}: ${(value as string[]).join(',')}`),
  ].join('; ');
  return {
    id: policy.id,
    severity: policy.severity,
    target: policy.target,
    scope,
    enabled: policy.enabled,
    ...(policy.builtin ? { use: policy.builtin } : {}),
    source: `${policy.source.file}:${policy.source.line}`,
  };
}
