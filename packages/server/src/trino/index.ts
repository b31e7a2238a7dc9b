/** Meshwork's access rules exported to Trino: the Iceberg catalog file, file-based access control, rules.json. */
export { TRINO_CODES, type TrinoCode } from './trino-codes.js';
export { exportTrino, type TrinoExportInput, type TrinoExportOptions, type TrinoExportResult } from './export-trino.js';
export type { TrinoExportRequest } from './trino-export-options.js';
export {
  compileTrinoRules,
  type CompileTrinoRulesInput,
  type CompiledTrinoRules,
  type TrinoRenewal,
  type TrinoUserSummary,
} from './compile-trino-rules.js';
export { validateTrinoRules, type TrinoRulesContext, type TrinoTableSchema } from './validate-trino-rules.js';
export {
  validateCatalogProperties as validateTrinoCatalogProperties,
  parseProperties as parseTrinoProperties,
  TOKEN_PLACEHOLDER as TRINO_TOKEN_PLACEHOLDER,
  TOKEN_VARIABLE as TRINO_TOKEN_VARIABLE,
} from './trino-properties.js';
export { listTrinoTables, type TrinoTable, type TrinoColumn } from './trino-tables.js';
export { trinoMaskExpression } from './trino-mask.js';
export { trinoTypeOf, type TrinoType } from './trino-types.js';
export type { TrinoRules, TrinoTableRule, TrinoCatalogRule, TrinoColumnConstraint } from './trino-rules-schema.js';
