/**
 * `POST /api/v1/query` with the viewer's bearer token in a header (never in a URL, so exports do
 * not leak it into history or logs). The shared API client only reads JSON; the console needs the
 * response itself: its deprecation headers, a cancellable body, and files (CSV, Parquet) as Blobs.
 * A refusal becomes the same ApiError as everywhere else, with the API's code.
 */
import { apiErrorFrom, type ApiError } from '../api/api-client.js';
import type { QueryRequest, QueryResult } from './console-api.js';
import { deprecationNotice, type DeprecationNotice } from './deprecation-notice.js';

export interface QueryTransport {
  readonly token: string;
  /** Called on a 401 (expired or revoked token) after the error is read. */
  readonly onUnauthorized: () => void;
}

/** What every answer carries besides its body. */
export interface AnswerMeta {
  readonly deprecation: DeprecationNotice | null;
  /** The products the query read (`X-Meshwork-Products`). */
  readonly products: readonly string[];
}

export interface JsonAnswer extends AnswerMeta {
  readonly result: QueryResult;
}

export interface FileAnswer extends AnswerMeta {
  readonly file: Blob;
  /** Parquet says whether a limit cut it (a header); streamed CSV tells it in a trailer browsers cannot read. */
  readonly truncated: boolean | null;
}

export async function runJsonQuery(
  transport: QueryTransport,
  request: QueryRequest,
  signal: AbortSignal,
): Promise<JsonAnswer> {
  const response = await postQuery(transport, request, signal);
  const result = (await response.json()) as QueryResult;
  return { result, ...metaOf(response) };
}

export async function fetchQueryFile(
  transport: QueryTransport,
  request: QueryRequest,
  signal: AbortSignal,
): Promise<FileAnswer> {
  const response = await postQuery(transport, request, signal);
  // A failure mid-stream aborts the connection, so blob() rejects rather than resolving to a
  // short file that looks whole.
  const file = await response.blob();
  const truncated = response.headers.get('x-meshwork-truncated');
  return { file, truncated: truncated === null ? null : truncated === 'true', ...metaOf(response) };
}

async function postQuery(transport: QueryTransport, request: QueryRequest, signal: AbortSignal): Promise<Response> {
  const response = await fetch('/api/v1/query', {
    method: 'POST',
    headers: { authorization: `Bearer ${transport.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
  if (response.ok) return response;
  const error: ApiError = await apiErrorFrom(response);
  if (response.status === 401) transport.onUnauthorized();
  throw error;
}

function metaOf(response: Response): AnswerMeta {
  const products = response.headers.get('x-meshwork-products') ?? '';
  return {
    deprecation: deprecationNotice(response.headers),
    products: products.split(',').filter((p) => p !== ''),
  };
}
