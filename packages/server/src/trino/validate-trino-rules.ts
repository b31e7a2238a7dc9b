/**
 * Checks a `rules.json` for Trino's file-based access control against the documented structure
 * (trino-rules-schema.ts) and against what it is about: every pattern compiles, every table rule
 * names a table the catalog serves and only its columns, every mask is an expression of its
 * column's type and every filter a boolean one, and the last catalog and table rules deny
 * everything. `mesh export trino` refuses to write a file that fails; tests run it on every
 * export they make.
 *
 * @example
 * const problems = validateTrinoRules(JSON.parse(text), { catalog: 'meshwork', tables });
 */
import { createDocumentValidator, type Diagnostic } from '@meshwork/core';
import { TRINO_CODES, type TrinoCode } from './trino-codes.js';
import { parseTrinoExpression, TrinoSyntaxError } from './trino-expression-parser.js';
import { coercibleTo, TrinoTypeError, typeOfTrinoExpression } from './trino-expression-type.js';
import { PATTERN_FIELDS, TrinoRulesSchema, type TrinoRules, type TrinoTableRule } from './trino-rules-schema.js';
import type { TrinoType } from './trino-types.js';

/** A table as the Iceberg catalog serves it to Trino. */
export interface TrinoTableSchema {
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly { readonly name: string; readonly type: TrinoType | undefined }[];
}

export interface TrinoRulesContext {
  /** The Trino catalog the rules are about. */
  readonly catalog: string;
  readonly tables: readonly TrinoTableSchema[];
  /** The file name in messages; `rules.json` by default. */
  readonly file?: string;
}

const validateStructure = createDocumentValidator(TrinoRulesSchema);

export function validateTrinoRules(rules: unknown, context: TrinoRulesContext): Diagnostic[] {
  const file = context.file ?? 'rules.json';
  const problems: Diagnostic[] = [];
  const report = (code: TrinoCode, pointer: string, message: string) =>
    problems.push({ code, severity: 'error', file, pointer, message, fix: TRINO_CODES[code].fix });

  const issues = validateStructure(rules);
  if (issues.length > 0) {
    for (const issue of issues) report('MW8390', issue.pointer, `${issue.pointer || '/'}: ${issue.message}`);
    return problems;
  }
  const document = rules as TrinoRules;
  const patternsCompile = checkPatterns(document, report);
  if (patternsCompile) {
    (document.tables ?? []).forEach((rule, i) => checkTableRule(rule, `/tables/${i}`, context, report));
  }
  checkDefaults(document, report);
  return problems;
}

type Report = (code: TrinoCode, pointer: string, message: string) => void;

function checkPatterns(document: TrinoRules, report: Report): boolean {
  let ok = true;
  for (const [section, list] of Object.entries(document)) {
    (list as readonly Record<string, unknown>[]).forEach((rule, i) => {
      for (const field of PATTERN_FIELDS) {
        const pattern = rule[field];
        if (typeof pattern !== 'string') continue;
        try {
          new RegExp(`^(?:${pattern})$`);
        } catch (error) {
          ok = false;
          report(
            'MW8391',
            `/${section}/${i}/${field}`,
            `${field} "${pattern}" is not a regular expression: ${(error as Error).message}`,
          );
        }
      }
    });
  }
  return ok;
}

function checkTableRule(rule: TrinoTableRule, pointer: string, context: TrinoRulesContext, report: Report): void {
  const names = rule.catalog !== undefined || rule.schema !== undefined || rule.table !== undefined;
  if (!names) {
    // A rule for every table anywhere may only take everything away (the deny-all default).
    if (rule.privileges.length > 0 || rule.columns || rule.filter) {
      report(
        'MW8392',
        pointer,
        'the rule names no catalog, schema or table, so it grants on every table of every catalog',
      );
    }
    return;
  }
  const full = (pattern: string | undefined) => new RegExp(`^(?:${pattern ?? '.*'})$`);
  if (!full(rule.catalog).test(context.catalog)) {
    report(
      'MW8392',
      `${pointer}/catalog`,
      `catalog "${rule.catalog}" does not match the exported catalog "${context.catalog}"`,
    );
    return;
  }
  const [schema, table] = [full(rule.schema), full(rule.table)];
  const matched = context.tables.filter((t) => schema.test(t.schema) && table.test(t.table));
  if (matched.length === 0) {
    report(
      'MW8392',
      pointer,
      `no table ${rule.schema ?? '.*'}.${rule.table ?? '.*'} exists in catalog "${context.catalog}"`,
    );
    return;
  }
  for (const target of matched) {
    const name = `${target.schema}.${target.table}`;
    const types = new Map(target.columns.map((c) => [c.name.toLowerCase(), c.type]));
    (rule.columns ?? []).forEach((column, k) => {
      const at = `${pointer}/columns/${k}`;
      const key = column.name.toLowerCase();
      if (!types.has(key)) {
        report('MW8392', `${at}/name`, `column "${column.name}" is not a column of ${name}`);
        return;
      }
      if (column.mask !== undefined) {
        const type = expressionType(column.mask, types, `${at}/mask`, report);
        const wanted = types.get(key);
        if (type !== undefined && (wanted === undefined || !coercibleTo(type, wanted))) {
          report(
            'MW8394',
            `${at}/mask`,
            `the mask of ${name}.${column.name} is ${type}, the column ${wanted ?? 'has no Trino type'}`,
          );
        }
      }
    });
    if (rule.filter !== undefined) {
      const type = expressionType(rule.filter, types, `${pointer}/filter`, report);
      if (type !== undefined && type !== 'boolean' && type !== 'unknown') {
        report('MW8394', `${pointer}/filter`, `the filter of ${name} is ${type}, not boolean`);
      }
    }
  }
}

function expressionType(
  text: string,
  types: ReadonlyMap<string, TrinoType | undefined>,
  pointer: string,
  report: Report,
): TrinoType | undefined {
  try {
    return typeOfTrinoExpression(parseTrinoExpression(text), types);
  } catch (error) {
    if (error instanceof TrinoSyntaxError) report('MW8393', pointer, `${error.message}: ${text}`);
    else if (error instanceof TrinoTypeError) report('MW8394', pointer, `${error.message}: ${text}`);
    else throw error;
    return undefined;
  }
}

const WHO = ['user', 'role', 'group'] as const;

function checkDefaults(document: TrinoRules, report: Report): void {
  const catalogs = document.catalogs ?? [];
  const lastCatalog = catalogs.at(-1);
  const everyone = (rule: Record<string, unknown>, fields: readonly string[]) =>
    [...WHO, ...fields].every((f) => rule[f] === undefined || rule[f] === '.*');
  if (
    !lastCatalog ||
    !everyone(lastCatalog, ['catalog']) ||
    !(lastCatalog.allow === 'none' || lastCatalog.allow === false)
  ) {
    report(
      'MW8395',
      `/catalogs/${Math.max(catalogs.length - 1, 0)}`,
      'the last catalog rule must deny every catalog to everyone',
    );
  }
  const tables = document.tables ?? [];
  const lastTable = tables.at(-1);
  if (
    !lastTable ||
    !everyone(lastTable, ['catalog', 'schema', 'table']) ||
    lastTable.privileges.length > 0 ||
    lastTable.columns !== undefined ||
    lastTable.filter !== undefined
  ) {
    report(
      'MW8395',
      `/tables/${Math.max(tables.length - 1, 0)}`,
      'the last table rule must grant no privilege on any table to anyone',
    );
  }
}
