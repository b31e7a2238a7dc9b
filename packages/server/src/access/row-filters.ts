/**
 * Row filters (`policies/access/row-filters.yaml`): a filter applies to every port whose contract
 * has the rule's `match.column` (of the products its globs name, or all), unless Cedar permits
 * `readAllRows` on the port. Filters are parsed once at load; each principal gets its own SQL.
 */
import type { Diagnostic, MeshModel, SourcePosition } from '@meshwork/core';
import { Type } from '@sinclair/typebox';
import type { Principal } from '../identity/principal.js';
import { ACCESS_CODES } from './access-codes.js';
import { fileExists, ROW_FILTERS_FILE } from './access-files.js';
import { portColumns, portKey } from './access-model.js';
import type { PortRef, RowFilter } from './access-types.js';
import { createAccessYamlReader } from './access-yaml.js';
import { filterColumns, type FilterExpression } from './filter/filter-ast.js';
import { parseFilter } from './filter/filter-parser.js';
import { compileFilterSql } from './filter/filter-sql.js';
import { FilterSyntaxError } from './filter/filter-tokenizer.js';
import { globToRegExp, matchesAny } from './glob.js';

export const RowFiltersFileSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('RowFilters'),
    filters: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
          description: Type.String({ minLength: 1 }),
          match: Type.Object(
            {
              column: Type.String({ minLength: 1 }),
              products: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
            },
            { additionalProperties: false },
          ),
          filter: Type.String({ minLength: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export interface RowFilterRule {
  readonly id: string;
  readonly description: string;
  readonly expression: FilterExpression;
  /** Lower-cased names of the columns the filter reads. */
  readonly columns: readonly string[];
  appliesTo(port: PortRef, columns: ReadonlySet<string>): boolean;
}

export interface RowFilterRules {
  readonly rules: readonly RowFilterRule[];
  readonly diagnostics: readonly Diagnostic[];
}

const reader = createAccessYamlReader(RowFiltersFileSchema, 'row filters');

export function loadRowFilters(root: string, model: MeshModel): RowFilterRules {
  if (!fileExists(root, ROW_FILTERS_FILE)) return { rules: [], diagnostics: [] };
  const { source, text, value, diagnostics } = reader.read(root, ROW_FILTERS_FILE);
  if (!source || !value || text === undefined) return { rules: [], diagnostics };
  const problems: Diagnostic[] = [];
  const report = (
    code: keyof typeof ACCESS_CODES,
    where: SourcePosition,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => problems.push({ code, severity, file: ROW_FILTERS_FILE, ...where, message, fix: ACCESS_CODES[code].fix });
  const ports = modelPorts(model);
  const seen = new Set<string>();
  const rules: RowFilterRule[] = [];

  value.filters.forEach((spec, i) => {
    const pointer = `/filters/${i}`;
    if (seen.has(spec.id)) {
      report('MW5509', source.locate(`${pointer}/id`), `row filter id "${spec.id}" is used twice`);
      return;
    }
    seen.add(spec.id);
    let expression: FilterExpression;
    try {
      expression = parseFilter(spec.filter);
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      const at = source.locate(`${pointer}/filter`);
      // Exact for a one-line filter (plain, or quoted without escapes); the value's start otherwise.
      const shift = spec.filter.includes('\n') ? 0 : error.offset + (/^["']/.test(textAt(text, at)) ? 1 : 0);
      report('MW5510', { line: at.line, column: at.column + shift }, `row filter "${spec.id}": ${error.message}`);
      return;
    }
    const matchColumn = spec.match.column.toLowerCase();
    const columns = [matchColumn, ...filterColumns(expression).map((c) => c.toLowerCase())].filter(
      (c, k, all) => all.indexOf(c) === k,
    );
    const globs = spec.match.products?.map(globToRegExp);
    const appliesTo = (port: PortRef, portColumnNames: ReadonlySet<string>) =>
      portColumnNames.has(matchColumn) && (globs === undefined || matchesAny(globs, port.productId));
    const applicable = ports.filter((p) => appliesTo(p.ref, p.columns));
    for (const column of columns) {
      const where = source.locate(column === matchColumn ? `${pointer}/match/column` : `${pointer}/filter`);
      if (!ports.some((p) => p.columns.has(column))) {
        report('MW5511', where, `row filter "${spec.id}" names column "${column}", which no port of the mesh has`);
      } else if (column !== matchColumn) {
        const lacking = applicable.filter((p) => !p.columns.has(column)).map((p) => portKey(p.ref));
        if (lacking.length > 0) {
          const list = lacking.slice(0, 3).join(', ') + (lacking.length > 3 ? ` and ${lacking.length - 3} more` : '');
          report(
            'MW5512',
            where,
            `row filter "${spec.id}" reads "${column}", which ${list} lack: those ports show no rows`,
            'warning',
          );
        }
      }
    }
    if (applicable.length === 0 && ports.some((p) => p.columns.has(matchColumn))) {
      report(
        'MW5513',
        source.locate(`${pointer}/match`),
        `row filter "${spec.id}" applies to no port (check match.products)`,
        'warning',
      );
    }
    rules.push({ id: spec.id, description: spec.description, expression, columns, appliesTo });
  });
  return { rules, diagnostics: problems };
}

/**
 * The filters of one port for one principal. A filter that reads a column the port lacks hides
 * every row rather than failing the query with an error that names the column.
 */
export function compileRowFilters(
  rules: readonly RowFilterRule[],
  port: PortRef,
  portColumnNames: ReadonlySet<string>,
  principal: Principal,
): RowFilter[] {
  return rules
    .filter((rule) => rule.appliesTo(port, portColumnNames))
    .map((rule) => ({
      ruleId: rule.id,
      sql: rule.columns.every((c) => portColumnNames.has(c)) ? compileFilterSql(rule.expression, principal) : 'FALSE',
    }));
}

function modelPorts(model: MeshModel): { ref: PortRef; columns: ReadonlySet<string> }[] {
  return [...model.products.values()].flatMap((product) =>
    product.outputPorts.map((port) => ({
      ref: { productId: product.id, port: port.name, major: port.major },
      columns: new Set(portColumns(port).map((c) => c.name.toLowerCase())),
    })),
  );
}

/** The text from a position to the end of its line. */
function textAt(text: string, at: SourcePosition): string {
  return (text.split('\n')[at.line - 1] ?? '').slice(at.column - 1);
}
