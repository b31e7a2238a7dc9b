/**
 * The relations a principal may query, with their columns and which ones it would see masked:
 * what introspection (psql `\dt`/`\d`, BI tools, console autocompletion) shows. Only published
 * relations of products the principal may discover and query appear; nothing else is hinted at.
 */
import type { ActiveAgreement, Authorizer, ColumnTreatment, PortRef } from '../access/access-types.js';
import type { Principal } from '../identity/principal.js';
import type { VisibleRelation } from './gateway-types.js';
import type { RelationCatalog } from './relation-catalog.js';

export async function listVisibleRelations(
  catalog: RelationCatalog,
  authorizer: Authorizer,
  principal: Principal,
  agreements: (port: PortRef) => Promise<readonly ActiveAgreement[]>,
): Promise<readonly VisibleRelation[]> {
  const visible: VisibleRelation[] = [];
  for (const target of catalog.targets()) {
    if (!target.canonical) continue;
    if (!authorizer.isAllowed(principal, 'discover', { kind: 'product', productId: target.productId }).allowed)
      continue;
    const [schema, name] = splitName(target.sqlName);
    let relation;
    try {
      relation = await catalog.resolve(schema, name);
    } catch {
      continue; // not published, or retired
    }
    const decision = authorizer.planRead(principal, relation.port, { agreements: await agreements(relation.port) });
    if (!decision.allowed) continue;
    const treatments = new Map(decision.plan.columns.map((c) => [c.name.toLowerCase(), c.treatment]));
    const described = new Map(
      (relation.outputPort.contract?.tables[0]?.columns ?? []).map((c) => [c.name.toLowerCase(), c.description]),
    );
    visible.push({
      schema,
      name,
      productId: relation.port.productId,
      port: relation.port.port,
      major: relation.port.major,
      ...(relation.outputPort.description !== undefined ? { description: relation.outputPort.description } : {}),
      columns: relation.schema.flatMap((column) => {
        const treatment = treatments.get(column.name.toLowerCase());
        if (!treatment) return [];
        const description = described.get(column.name.toLowerCase());
        return [
          {
            name: column.name,
            typeName: maskedTypeName(treatment, column.type),
            nullable: column.nullable,
            ...(description !== undefined ? { description } : {}),
            masked: treatment.kind === 'mask',
          },
        ];
      }),
    });
  }
  return visible;
}

/** The type a column has once masked: hashes, tokens and masked text are VARCHAR (see mask-sql.ts). */
function maskedTypeName(treatment: ColumnTreatment, type: string): string {
  if (treatment.kind === 'clear' || treatment.strategy === 'null') return type;
  if (treatment.strategy === 'hash' || treatment.strategy === 'tokenize') return 'VARCHAR';
  return /^(VARCHAR|TEXT|STRING|CHAR|BPCHAR|UUID|JSON)\b/i.test(type.trim()) ? 'VARCHAR' : type;
}

function splitName(sqlName: string): [string, string] {
  const dot = sqlName.indexOf('.');
  return [sqlName.slice(0, dot), sqlName.slice(dot + 1)];
}
