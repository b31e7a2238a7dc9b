/**
 * Compiles Meshwork's access policies into Trino's file-based access control rules by asking the
 * real authorizer, not by translating Cedar: for every user and service account of mesh.yaml and
 * every table of the Iceberg catalog, may this principal discover the product and query the port
 * (with the agreements in force now, and no stated purpose — Trino has none), and if so with which
 * masks and row filters. Each answer becomes one exact rule, or none (fail closed, with a warning).
 *
 * The rules are a snapshot: an agreement ending or starting, or a version retiring, changes the
 * answers. `renewBy` is the first such moment after `now`; the export must run again before it.
 */
import type { Diagnostic, MeshModel } from '@meshwork/core';
import type { ActiveAgreement, Authorizer } from '../access/access-types.js';
import { portKey } from '../access/access-model.js';
import type { RowFilterRule } from '../access/row-filters.js';
import type { Principal } from '../identity/principal.js';
import { resolvePrincipal } from '../identity/resolve-principal.js';
import type { TrinoAgreementSource } from './trino-agreements.js';
import { exactPattern } from './trino-names.js';
import type { TrinoRules, TrinoTableRule } from './trino-rules-schema.js';
import { trinoTableRule } from './trino-table-rule.js';
import type { TrinoTable } from './trino-tables.js';

export interface CompileTrinoRulesInput {
  readonly model: MeshModel;
  readonly tables: readonly TrinoTable[];
  readonly authorizer: Authorizer;
  readonly rowFilters: readonly RowFilterRule[];
  readonly agreements: TrinoAgreementSource;
  readonly maskingKey: Uint8Array;
  /** The catalog's name in Trino (its properties file's name). */
  readonly catalogName: string;
  readonly now: Date;
}

export interface TrinoUserSummary {
  readonly id: string;
  readonly kind: Principal['kind'];
  /** `schema.table` of every table the user may select from. */
  readonly tables: readonly string[];
  readonly maskedColumns: number;
  readonly filteredTables: number;
}

/** A moment the rules stop being exact, and why. */
export interface TrinoRenewal {
  readonly at: string;
  readonly kind: 'agreement-ends' | 'agreement-starts' | 'version-retires';
  readonly reason: string;
}

export interface CompiledTrinoRules {
  readonly rules: TrinoRules;
  readonly users: readonly TrinoUserSummary[];
  /** MW8387/MW8388: tables withheld from a user because a mask or filter has no exact equivalent. */
  readonly warnings: readonly Diagnostic[];
  /** Every future change found, earliest first; the first is when to export again at the latest. */
  readonly renewals: readonly TrinoRenewal[];
  /** True when a hash or tokenize mask carries the masking key: the rules file is then a secret. */
  readonly holdsMaskingKey: boolean;
}

export async function compileTrinoRules(input: CompileTrinoRulesInput): Promise<CompiledTrinoRules> {
  const { model, tables, authorizer, agreements, now } = input;
  const approved = await agreements.approvedNotEnded(now);
  const pairKey = (principalId: string, port: TrinoTable['port']) => `${principalId}\n${portKey(port)}`;
  const withAgreement = new Set(
    approved.filter((a) => Date.parse(a.startsAt) <= now.getTime()).map((a) => pairKey(a.principalId, a)),
  );
  const renewals: TrinoRenewal[] = approved
    .filter((a) => Date.parse(a.startsAt) > now.getTime())
    .map((a) => ({
      at: iso(a.startsAt),
      kind: 'agreement-starts' as const,
      reason: `agreement ${a.id} of ${a.principalId} on ${portKey(a)} starts`,
    }));
  for (const table of tables) {
    if (table.retiresAt && table.retiresAt > now) {
      renewals.push({
        at: table.retiresAt.toISOString(),
        kind: 'version-retires',
        reason: `${table.schema}.${table.table} retires`,
      });
    }
  }

  const tableRules: TrinoTableRule[] = [];
  const users: TrinoUserSummary[] = [];
  const warnings: Diagnostic[] = [];
  let holdsMaskingKey = false;
  for (const principal of meshPrincipals(model)) {
    const granted: string[] = [];
    let maskedColumns = 0;
    let filteredTables = 0;
    for (const table of tables) {
      // As the gateway: a product the principal may not discover does not exist.
      if (!authorizer.isAllowed(principal, 'discover', { kind: 'product', productId: table.port.productId }).allowed) {
        continue;
      }
      const inForce: readonly ActiveAgreement[] = withAgreement.has(pairKey(principal.id, table.port))
        ? await agreements.lookup.activeAgreements(principal.id, table.port, now)
        : [];
      const decision = authorizer.planRead(principal, table.port, { agreements: inForce, now });
      if (!decision.allowed) continue;
      const result = trinoTableRule(principal, table, decision.plan, input);
      if ('withheld' in result) {
        warnings.push(result.withheld);
        continue;
      }
      tableRules.push(result.rule);
      granted.push(`${table.schema}.${table.table}`);
      maskedColumns += result.maskedColumns;
      if (result.rule.filter !== undefined) filteredTables++;
      holdsMaskingKey ||= result.usesKey;
      // Every agreement in the context may have decided something (query, readClear), so each end counts.
      for (const agreement of inForce) {
        renewals.push({
          at: iso(agreement.endsAt),
          kind: 'agreement-ends',
          reason: `agreement ${agreement.id} of ${principal.id} on ${table.schema}.${table.table} ends`,
        });
      }
    }
    users.push({ id: principal.id, kind: principal.kind, tables: granted, maskedColumns, filteredTables });
  }

  const readers = users.filter((u) => u.tables.length > 0).map((u) => exactPattern(u.id));
  const catalog = exactPattern(input.catalogName);
  const rules: TrinoRules = {
    catalogs: [...readers.map((user) => ({ user, catalog, allow: 'read-only' as const })), { allow: 'none' }],
    schemas: [{ owner: false }],
    tables: [...tableRules, { privileges: [] }],
    // Without query rules every user could see everyone's query text; each sees only their own.
    queries: readers.map((user) => ({ user, allow: ['execute' as const] })),
  };
  renewals.sort((a, b) => a.at.localeCompare(b.at) || a.reason.localeCompare(b.reason));
  return { rules, users, warnings, renewals, holdsMaskingKey };
}

/**
 * Users, then service accounts, each by id: every principal mesh.yaml declares, except the engines
 * of `iceberg.engines` — they are the credential Trino itself uses to reach the catalog, not people
 * querying through Trino, and a rule for them would let a Trino login of that name read raw data.
 */
function meshPrincipals(model: MeshModel): Principal[] {
  const engines = new Set(model.config.iceberg?.engines ?? []);
  const ids = (kind: 'user' | 'service', keys: Iterable<string>) =>
    [...keys]
      .filter((id) => kind === 'user' || !engines.has(id))
      .sort()
      .map((id) => resolvePrincipal(model, id, { kind, authenticatedBy: 'trino-export' })!);
  return [...ids('user', model.users.keys()), ...ids('service', model.serviceAccounts.keys())];
}

const iso = (value: string) => new Date(value).toISOString();
