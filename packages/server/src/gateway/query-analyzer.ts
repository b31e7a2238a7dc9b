/**
 * Walks a DuckDB parse tree (from `json_serialize_sql`) and fails closed: every node kind must be
 * one the gateway knows to be a read, every function must be allowed, and every table reference
 * must be either a CTE in scope or a product relation — those are collected for the rewriter.
 *
 * The same walk verifies the rewritten query a second time in `trusted` mode. It is structural:
 * a subquery whose tree is exactly one of the governed relations the rewriter built is skipped
 * (it reads files and calls the masking macros), and everything else is held to the same rules
 * as the user's query — so no lexing slip can let a file read or a masking macro escape into the
 * user's part of the query.
 */
import { InputError, NotAllowedError, NotFoundError } from '@meshwork/core';
import { astIntegerText, type AstObject, type AstValue } from './ast-json.js';
import type { FunctionRules } from './function-rules.js';

export interface TableReference {
  /** The table-ref node itself; the rewriter replaces its contents in place. */
  readonly node: AstObject;
  readonly schema: string;
  readonly table: string;
  readonly alias: string;
  /** From `AT (VERSION => <snapshot id>)`. */
  readonly snapshotId?: string;
  readonly hasAtClause: boolean;
  /** Offset of the name in the SQL text, when the parser reported one. */
  readonly location?: number;
}

export interface QueryAnalysis {
  readonly tables: readonly TableReference[];
  readonly parameterCount: number;
}

export interface TrustedParts {
  /** `canonicalAst` of every governed relation's statement inserted by the rewrite. */
  readonly governed: ReadonlySet<string>;
}

const QUERY_NODES = new Set(['SELECT_NODE', 'SET_OPERATION_NODE', 'RECURSIVE_CTE_NODE', 'CTE_NODE']);
const TABLE_REFS = new Set([
  'BASE_TABLE',
  'JOIN',
  'SUBQUERY',
  'TABLE_FUNCTION',
  'EXPRESSION_LIST',
  'EMPTY',
  'EMPTY_FROM',
  'PIVOT',
  'SHOW_REF',
  'COLUMN_DATA',
  'DELIM_GET',
  'INVALID',
]);
const EXPRESSION_CLASSES = new Set([
  'CONSTANT',
  'COLUMN_REF',
  'FUNCTION',
  'WINDOW',
  'CASE',
  'CAST',
  'COMPARISON',
  'CONJUNCTION',
  'OPERATOR',
  'STAR',
  'SUBQUERY',
  'BETWEEN',
  'PARAMETER',
  'LAMBDA',
  'LAMBDA_REF',
  'COLLATE',
  'POSITIONAL_REFERENCE',
]);
/**
 * Scalar functions that build arbitrarily large values from a small constant (`range(1e9)` as a
 * list). DuckDB evaluates them while folding constants, where neither the
 * timeout nor `memory_limit` reaches, so one query could take the server's memory. The table
 * functions `range`/`generate_series` stay allowed: they stream rows under the query's limits.
 */
const LIST_AMPLIFIERS = new Set(['range', 'generate_series', 'list_resize', 'array_resize']);
const MAX_DEPTH = 400;
const MAX_NODES = 200_000;

export function analyzeQuery(statement: AstObject, rules: FunctionRules, trusted?: TrustedParts): QueryAnalysis {
  const walker = new Walker(rules, trusted);
  walker.visit(statement, new Set(), 0);
  return { tables: walker.tables, parameterCount: walker.parameters.size };
}

class Walker {
  readonly tables: TableReference[] = [];
  readonly parameters = new Set<string>();
  #nodes = 0;

  constructor(
    private readonly rules: FunctionRules,
    private readonly trusted: TrustedParts | undefined,
  ) {}

  visit(value: AstValue, scope: ReadonlySet<string>, depth: number): void {
    if (depth > MAX_DEPTH || ++this.#nodes > MAX_NODES) {
      throw new InputError('MW5017', 'the query is nested too deeply or is too large for the gateway');
    }
    if (Array.isArray(value)) {
      for (const item of value) this.visit(item, scope, depth + 1);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const kind = value.class;
    const type = value.type;
    if (typeof kind === 'string') this.#expression(value, kind, scope, depth);
    else if (typeof type === 'string' && QUERY_NODES.has(type)) this.#queryNode(value, type, scope, depth);
    else if (typeof type === 'string' && TABLE_REFS.has(type)) this.#tableRef(value, type, scope, depth);
    else this.#children(value, scope, depth);
  }

  #children(node: AstObject, scope: ReadonlySet<string>, depth: number, skip?: string): void {
    for (const [key, child] of Object.entries(node)) {
      if (key !== skip && child !== null && typeof child === 'object') this.visit(child, scope, depth + 1);
    }
  }

  #queryNode(node: AstObject, type: string, scope: ReadonlySet<string>, depth: number): void {
    // A CTE's body sees only the CTEs declared before it, as in DuckDB: its own name (or a later
    // one) inside its body binds to DuckDB's catalog instead — `WITH pg_proc AS (SELECT * FROM
    // pg_proc)` read the real pg_proc view (macro bodies with the masking key), and a file name
    // used that way became a replacement scan of a raw warehouse file. So the scope grows entry
    // by entry, and only the recursive part of a recursive CTE sees that CTE's name.
    const inner = new Set(scope);
    for (const entry of cteEntries(node)) {
      this.visit(entry.query, new Set(inner), depth + 1);
      inner.add(entry.name);
    }
    const name = cteName(node);
    if ((type === 'RECURSIVE_CTE_NODE' || type === 'CTE_NODE') && name !== undefined) {
      const named = new Set(inner).add(name);
      for (const [key, child] of Object.entries(node)) {
        if (key === 'cte_map' || child === null || typeof child !== 'object') continue;
        // The anchor (`left`) of a recursive CTE, and the body (`query`) of a CTE node, do not
        // see the name; the recursive part and the query using the CTE do.
        const own = type === 'RECURSIVE_CTE_NODE' ? key === 'left' : key === 'query';
        this.visit(child, own ? inner : named, depth + 1);
      }
      return;
    }
    this.#children(node, inner, depth, 'cte_map');
  }

  #tableRef(node: AstObject, type: string, scope: ReadonlySet<string>, depth: number): void {
    switch (type) {
      case 'BASE_TABLE':
        this.#baseTable(node, scope);
        if (node.sample) this.visit(node.sample, scope, depth + 1);
        return;
      case 'TABLE_FUNCTION':
        this.#tableFunction(node, scope, depth);
        return;
      case 'SUBQUERY':
        if (this.trusted?.governed.has(canonicalAst(node.subquery ?? null))) return;
        this.#children(node, scope, depth);
        return;
      case 'JOIN':
      case 'EXPRESSION_LIST':
      case 'EMPTY':
      case 'EMPTY_FROM':
      case 'PIVOT':
        this.#children(node, scope, depth);
        return;
      default:
        throw new NotAllowedError('MW5008', `${describeRef(type)} is not allowed through the gateway`);
    }
  }

  #baseTable(node: AstObject, scope: ReadonlySet<string>): void {
    const catalog = text(node.catalog_name);
    const schema = text(node.schema_name);
    const table = text(node.table_name);
    if (catalog !== '') {
      throw new NotAllowedError('MW5008', `catalog-qualified names are not allowed (${catalog}.${schema}.${table})`);
    }
    if (schema === '' && scope.has(table.toLowerCase())) {
      if (node.at_clause) throw new NotAllowedError('MW5008', 'AT clauses apply to product relations only');
      return;
    }
    if (this.trusted) throw new NotAllowedError('MW5008', `unexpected table ${schema}.${table} in a rewritten query`);
    if (schema === '') {
      throw new NotFoundError('MW5004', `relation ${table} does not exist; name products as <domain>.<product>`);
    }
    const snapshotId = atClauseSnapshot(node.at_clause ?? null);
    const location = node.query_location;
    this.tables.push({
      node,
      schema,
      table,
      alias: text(node.alias),
      ...(snapshotId !== undefined ? { snapshotId } : {}),
      hasAtClause: !!node.at_clause,
      ...(typeof location === 'number' && Number.isSafeInteger(location) ? { location } : {}),
    });
  }

  #tableFunction(node: AstObject, scope: ReadonlySet<string>, depth: number): void {
    const fn = node.function;
    if (fn === null || typeof fn !== 'object' || Array.isArray(fn)) {
      throw new NotAllowedError('MW5007', 'this table function is not allowed');
    }
    const name = text(fn.function_name).toLowerCase();
    const qualified = text(fn.schema) !== '' || text(fn.catalog) !== '';
    if (qualified || !this.rules.isAllowedTableFunction(name)) {
      throw new NotAllowedError('MW5007', `table function ${name || '?'}() is not allowed through the gateway`);
    }
    this.#children(fn, scope, depth);
    this.#children(node, scope, depth, 'function');
  }

  #expression(node: AstObject, kind: string, scope: ReadonlySet<string>, depth: number): void {
    if (!EXPRESSION_CLASSES.has(kind)) {
      throw new NotAllowedError('MW5008', `expression ${kind.toLowerCase()} is not allowed through the gateway`);
    }
    if (kind === 'FUNCTION' || kind === 'WINDOW') this.#function(node);
    if (kind === 'PARAMETER') this.parameters.add(text(node.identifier) || String(this.parameters.size + 1));
    this.#children(node, scope, depth);
  }

  #function(node: AstObject): void {
    const name = text(node.function_name).toLowerCase();
    const schema = text(node.schema);
    const catalog = text(node.catalog);
    // DuckDB's parser qualifies some built-ins with `main` itself (`[1, 2]` is main.list_value,
    // `{'a': 1}` main.struct_pack; trim, position, substring, extract, AT TIME ZONE, 2-parameter
    // lambdas…): the same built-ins, checked against the same rules. Other schemas and any
    // catalog stay refused.
    if ((schema !== '' && schema.toLowerCase() !== 'main') || catalog !== '') {
      throw new NotAllowedError('MW5007', `schema-qualified function ${schema}.${name}() is not allowed`);
    }
    if (!this.rules.isAllowedFunction(name) || LIST_AMPLIFIERS.has(name)) {
      throw new NotAllowedError('MW5007', `function ${name}() is not allowed through the gateway`);
    }
  }
}

/** A parse tree without positions, as text: equal for the same SQL wherever it was embedded. */
export function canonicalAst(value: AstValue): string {
  return JSON.stringify(value, (key, child: unknown) => (key === 'query_location' ? undefined : child));
}

function cteEntries(node: AstObject): { name: string; query: AstValue }[] {
  const map = node.cte_map;
  if (!map || typeof map !== 'object' || Array.isArray(map) || !Array.isArray(map.map)) return [];
  return map.map.flatMap((entry) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return [];
    const value = entry.value;
    const query = value && typeof value === 'object' && !Array.isArray(value) ? (value.query ?? null) : null;
    return [{ name: text(entry.key).toLowerCase(), query }];
  });
}

/** The name a recursive CTE (or CTE) node binds; DuckDB writes `cte_name`, older trees `ctename`. */
function cteName(node: AstObject): string | undefined {
  const name = typeof node.cte_name === 'string' ? node.cte_name : node.ctename;
  return typeof name === 'string' && name !== '' ? name.toLowerCase() : undefined;
}

function atClauseSnapshot(clause: AstValue): string | undefined {
  if (clause === null) return undefined;
  if (typeof clause !== 'object' || Array.isArray(clause) || clause.unit !== 'VERSION') {
    throw new NotAllowedError('MW5008', 'only AT (VERSION => <snapshot id>) is supported');
  }
  const expr = clause.expr;
  const constant =
    expr && typeof expr === 'object' && !Array.isArray(expr) && expr.class === 'CONSTANT' ? expr.value : undefined;
  const value = constant && typeof constant === 'object' && !Array.isArray(constant) ? constant.value : undefined;
  const id = astIntegerText(value ?? undefined) ?? '';
  if (!/^\d{1,19}$/.test(id)) {
    throw new InputError('MW5015', 'AT (VERSION => …) takes a snapshot id: a positive integer');
  }
  return id;
}

function describeRef(type: string): string {
  if (type === 'SHOW_REF') return 'DESCRIBE/SHOW/SUMMARIZE';
  return type.toLowerCase().replace(/_/g, ' ');
}

function text(value: AstValue | undefined): string {
  return typeof value === 'string' ? value : '';
}
