/**
 * The schema of `pipeline.yaml`: how a product is built. Inputs are named relations the SQL
 * steps refer to; outputs say which step materialises which output port.
 * Reference: docs/reference/pipeline.md.
 */
import { Type, type Static } from '@sinclair/typebox';

const Name = Type.String({ pattern: '^[a-z_][a-z0-9_]*$', maxLength: 63 });

export const FileInputSchema = Type.Object(
  {
    name: Name,
    kind: Type.Literal('file'),
    /** Path or glob relative to the product folder (or absolute). */
    path: Type.String({ minLength: 1 }),
    format: Type.Union([
      Type.Literal('csv'),
      Type.Literal('tsv'),
      Type.Literal('json'),
      Type.Literal('ndjson'),
      Type.Literal('parquet'),
    ]),
    options: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
    /** Where malformed rows go: fail the run (default) or a rejects table reported in the run. */
    onError: Type.Optional(Type.Union([Type.Literal('fail'), Type.Literal('reject')])),
  },
  { additionalProperties: false },
);

export const PostgresInputSchema = Type.Object(
  {
    name: Name,
    kind: Type.Literal('postgres'),
    /** Connection name from mesh.yaml `connections`. */
    connection: Type.String(),
    table: Type.Optional(Type.String()),
    query: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ProductInputSchema = Type.Object(
  {
    name: Name,
    kind: Type.Literal('product'),
    /** `domain.product` of the upstream product. */
    product: Type.String({ pattern: '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$' }),
    port: Type.String(),
    majorVersion: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const PipelineInputSchema = Type.Union([FileInputSchema, PostgresInputSchema, ProductInputSchema]);

export const PipelineStepSchema = Type.Object(
  {
    name: Name,
    /** SQL file relative to the product folder… */
    sql: Type.Optional(Type.String()),
    /** …or the SQL itself. */
    query: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const PipelineOutputSchema = Type.Object(
  {
    /** Output port name in product.odps.yaml. */
    port: Type.String(),
    /** Step (or input) whose result is materialised. */
    from: Name,
    /** Major version of the port this output feeds; defaults to the port's only/current one. */
    majorVersion: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const PipelineFileSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('Pipeline'),
    inputs: Type.Optional(Type.Array(PipelineInputSchema)),
    steps: Type.Array(PipelineStepSchema, { minItems: 1 }),
    outputs: Type.Array(PipelineOutputSchema, { minItems: 1 }),
    /** Cron expression (5 fields, or 6 with seconds first; UTC) for scheduled runs. */
    schedule: Type.Optional(Type.String()),
    parameters: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
  },
  { additionalProperties: false },
);

export type PipelineFile = Static<typeof PipelineFileSchema>;
export type PipelineInput = Static<typeof PipelineInputSchema>;
export type PipelineStep = Static<typeof PipelineStepSchema>;
export type PipelineOutput = Static<typeof PipelineOutputSchema>;
