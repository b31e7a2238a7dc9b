/** Request and response shapes of the governed SQL API (`POST /api/v1/query`, `GET /api/v1/query/relations`). */
import { Type, type Static } from '@sinclair/typebox';
import { RESULT_FORMATS } from '../../gateway/encoders/encoder-types.js';
import { FORMAT_MEDIA_TYPES } from '../../gateway/encoders/result-formats.js';
import { ErrorSchema } from '../api-schemas.js';

export const QueryBodySchema = Type.Object(
  {
    sql: Type.String({
      minLength: 1,
      maxLength: 1_000_000,
      description: 'One read-only statement in DuckDB SQL; products are `<domain>.<product>` relations.',
      examples: ['SELECT region, sum(amount) FROM sales.orders GROUP BY region'],
    }),
    parameters: Type.Optional(
      Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]), {
        description: 'Values for `$1`, `$2`, … (or `?`); send integers beyond 2^53 as strings.',
      }),
    ),
    format: Type.Optional(
      Type.Union(
        RESULT_FORMATS.map((f) => Type.Literal(f)),
        { description: 'The result format; without it the `Accept` header decides (default JSON).' },
      ),
    ),
    purpose: Type.Optional(
      Type.String({ maxLength: 200, description: 'Why you query: agreements and policies may depend on it.' }),
    ),
    maxRows: Type.Optional(
      Type.Integer({ minimum: 1, description: "At most this many rows (the server's own limit still applies)." }),
    ),
    timeoutMs: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: "Stop the query after this long (the server's own limit still applies).",
      }),
    ),
  },
  { additionalProperties: false },
);
export type QueryBody = Static<typeof QueryBodySchema>;

const ValueSchema = Type.Unknown({
  description:
    'numbers for integers up to 32 bits and floats; strings for BIGINT, HUGEINT and DECIMAL (exact digits), ISO 8601 dates, times, timestamps and durations, base64 blobs; arrays and objects for lists, structs and maps',
});

export const QueryResultSchema = Type.Object({
  columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String({ examples: ['DECIMAL(12,2)'] }) })),
  rows: Type.Array(Type.Array(ValueSchema)),
  error: Type.Optional(
    Type.Object(
      { code: Type.String(), message: Type.String() },
      { description: 'Present when the query failed after rows were sent: the rows before it are incomplete.' },
    ),
  ),
  stats: Type.Object({
    rows: Type.Integer(),
    truncated: Type.Boolean({ description: 'A row or byte limit cut the result short.' }),
    durationMs: Type.Integer(),
  }),
});

const streamed = (description: string) => Type.String({ description });

/** The 200 answer, one schema per media type (the body is streamed; the schemas describe it). */
export const QueryResponseContent = {
  [FORMAT_MEDIA_TYPES.json]: { schema: QueryResultSchema },
  [FORMAT_MEDIA_TYPES.ndjson]: {
    schema: streamed('One JSON object per row and line, keyed by column name.'),
  },
  [FORMAT_MEDIA_TYPES.csv]: {
    schema: streamed('RFC 4180 CSV with a header line; NULL is an empty field, the empty string `""`.'),
  },
  [FORMAT_MEDIA_TYPES.arrow]: {
    schema: Type.String({ format: 'binary', description: 'Arrow IPC streaming format, one record batch per chunk.' }),
  },
  [FORMAT_MEDIA_TYPES.parquet]: {
    schema: Type.String({ format: 'binary', description: 'One Parquet file (sent with Content-Length).' }),
  },
};

export const RelationsResponseSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      schema: Type.String({ description: 'The SQL schema: the product’s domain.' }),
      name: Type.String({ description: 'The SQL name, e.g. `orders`, `orders_v1`.' }),
      productId: Type.String(),
      port: Type.String(),
      major: Type.Integer(),
      description: Type.Optional(Type.String()),
      columns: Type.Array(
        Type.Object({
          name: Type.String(),
          typeName: Type.String(),
          nullable: Type.Boolean(),
          description: Type.Optional(Type.String()),
          masked: Type.Boolean({ description: 'You would see this column masked.' }),
        }),
      ),
    }),
  ),
});

export const QUERY_ERROR_RESPONSES = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  406: ErrorSchema,
  503: ErrorSchema,
};
