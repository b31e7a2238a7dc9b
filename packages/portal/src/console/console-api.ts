/**
 * The governed SQL API as the console reads it (packages/server/src/http/routes/query-schemas.ts):
 * `GET /api/v1/query/relations` for what the viewer may query, `POST /api/v1/query` to run.
 */
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../session/session-context.js';

/** One queryable relation: a published port version the viewer may read. */
export interface QueryRelation {
  /** The SQL schema, the product's domain: `sales`. */
  readonly schema: string;
  /** The SQL name: `orders`, `orders_v1`. */
  readonly name: string;
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  readonly description?: string;
  readonly columns: readonly {
    readonly name: string;
    readonly typeName: string;
    readonly nullable: boolean;
    readonly description?: string;
    /** The viewer would see this column masked. */
    readonly masked: boolean;
  }[];
}

/** `GET /api/v1/query/relations`. */
export interface QueryRelations {
  readonly items: readonly QueryRelation[];
}

export const RESULT_FORMATS = ['json', 'csv', 'parquet'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** The body of `POST /api/v1/query` (the fields the console sends). */
export interface QueryRequest {
  readonly sql: string;
  readonly format: ResultFormat;
  readonly maxRows?: number;
}

/** The JSON result of `POST /api/v1/query`. */
export interface QueryResult {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** One array per row, values in column order (BIGINT and DECIMAL as strings, exact). */
  readonly rows: readonly (readonly unknown[])[];
  /** Set when the query failed after rows were sent: the rows are incomplete. */
  readonly error?: { readonly code: string; readonly message: string };
  readonly stats: { readonly rows: number; readonly truncated: boolean; readonly durationMs: number };
}

export function useQueryRelations() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['query', 'relations'],
    queryFn: ({ signal }) => api.get<QueryRelations>('/api/v1/query/relations', {}, signal),
  });
}
