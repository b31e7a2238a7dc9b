/**
 * The tables Trino sees through Meshwork's Iceberg catalog: the gateway's listed SQL names
 * (namespace = domain, table = `orders`, `orders_v1`, `orders_items`…), each with the port version
 * the catalog serves under it (`RelationCatalog.listedPorts`, the catalog's own mapping) and that
 * version's current snapshot, its columns typed for Trino. A rule is computed for exactly the
 * version Trino reads: were `orders` resolved the gateway's way (the newest version *with data*)
 * while the catalog served a newer one, the rule could miss a column the newer version masks. A
 * version with nothing published, or retired, is not a table of the catalog and gets no rule.
 */
import { contractRetirement, NotFoundError, type Diagnostic } from '@meshwork/core';
import type { PortRef } from '../access/access-types.js';
import type { RelationCatalog } from '../gateway/relation-catalog.js';
import { TRINO_CODES } from './trino-codes.js';
import { trinoTypeOf, type TrinoType } from './trino-types.js';

export interface TrinoColumn {
  readonly name: string;
  /** As the snapshot manifest spells it. */
  readonly duckdbType: string;
  /** Undefined when the column has no sure Trino type (nested, unsigned 64-bit…). */
  readonly type: TrinoType | undefined;
}

export interface TrinoTable {
  readonly schema: string;
  readonly table: string;
  readonly port: PortRef;
  readonly columns: readonly TrinoColumn[];
  /** The contract's endOfLife, when one is set: the table leaves the catalog then. */
  readonly retiresAt?: Date;
}

export interface TrinoTableListing {
  readonly tables: readonly TrinoTable[];
  /** MW8389 notes: names that are not tables of the catalog now, and why. */
  readonly skipped: readonly Diagnostic[];
}

export async function listTrinoTables(catalog: RelationCatalog): Promise<TrinoTableListing> {
  const tables: TrinoTable[] = [];
  const skipped: Diagnostic[] = [];
  const listed = [...catalog.listedPorts()].sort(([a], [b]) => a.localeCompare(b));
  for (const [sqlName, port] of listed) {
    const dot = sqlName.indexOf('.');
    const [schema, table] = [sqlName.slice(0, dot), sqlName.slice(dot + 1)];
    try {
      // `@v<major>` pins the version: a retired one is refused rather than replaced by an older one.
      const relation = await catalog.resolve(schema, `${table}@v${port.major}`);
      const retiresAt = relation.outputPort.contract ? contractRetirement(relation.outputPort.contract) : undefined;
      tables.push({
        schema,
        table,
        port: relation.port,
        columns: relation.schema.map((c) => ({ name: c.name, duckdbType: c.type, type: trinoTypeOf(c.type) })),
        ...(retiresAt ? { retiresAt } : {}),
      });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      skipped.push({
        code: 'MW8389',
        severity: 'info',
        message: `${sqlName} (${port.productId} ${port.port} v${port.major}) is not exported: ${error.message}`,
        fix: TRINO_CODES.MW8389.fix,
      });
    }
  }
  return { tables, skipped };
}
