/** The lineage context: column-level lineage of SQL statements and of pipelines. */
export * from './lineage-types.js';
export { extractStatementLineage } from './extract-statement-lineage.js';
export type { RelationColumns, StatementLineageOptions } from './extract-statement-lineage.js';
export { composePipelineLineage } from './compose-pipeline-lineage.js';
export type { PipelineComposition, PipelineOutputTarget, StepLineage } from './compose-pipeline-lineage.js';
export { combineTransforms, isRowTransform } from './transform-rules.js';
export { AGGREGATE_FUNCTIONS, MASKING_FUNCTIONS } from './sql-function-kinds.js';
