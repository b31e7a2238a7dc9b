/**
 * The governed SQL API. `POST /api/v1/query` runs one read-only statement through the gateway as
 * the request's principal and streams the result as JSON, NDJSON, CSV, Arrow IPC or Parquet
 * (`format` in the body, else the `Accept` header). `GET /api/v1/query/relations` lists what the
 * principal may query.
 *
 * Status codes are decided before the body starts: the query is parsed, authorized and run up to
 * its first chunk first, so a refused or failing query is an ordinary error response (400, 403,
 * 404, 503). After that the status is 200 and:
 * - headers: `Content-Type`, `X-Meshwork-Products` (the products read, comma-separated); for a
 *   query reading a deprecated port version, `Deprecation`, `Sunset` and `Link` (deprecation-headers.ts);
 * - truncation by a row or byte limit is in the JSON body's `stats.truncated`, and for every
 *   streamed format in the `X-Meshwork-Truncated: true|false` trailer (announced by `Trailer`) —
 *   headers are gone before the last row is known; Parquet is built before it is sent, so there
 *   it is a header, with `Content-Length`;
 * - a failure mid-stream closes a JSON document with an `error` member; the other formats abort
 *   the connection, so the client sees a truncated body (chunked encoding never completes; an
 *   Arrow stream lacks its end marker) rather than a short result that looks whole.
 * A client disconnecting cancels the query.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { prefetchFirstChunk, type PrefetchedStream } from '../../gateway/encoders/chunk-loop.js';
import { writableByteWriter } from '../../gateway/encoders/byte-writer.js';
import type { EncodeOutcome, ResultFormat } from '../../gateway/encoders/encoder-types.js';
import { materializeParquet } from '../../gateway/encoders/parquet-encoder.js';
import { encoderFor, FORMAT_MEDIA_TYPES, negotiateFormat } from '../../gateway/encoders/result-formats.js';
import { deprecationHeaders } from '../../lifecycle/deprecation-headers.js';
import type { PlatformServices } from '../platform-services.js';
import { requirePrincipal } from '../request-principal.js';
import {
  QUERY_ERROR_RESPONSES,
  QueryBodySchema,
  QueryResponseContent,
  RelationsResponseSchema,
} from './query-schemas.js';

const TRUNCATED = 'X-Meshwork-Truncated';

/** Needs only the workspace root (for Parquet's temporary files) and the gateway. */
export function queryRoutes(services: Pick<PlatformServices, 'root' | 'gateway'>): FastifyPluginAsyncTypebox {
  const tempDirectory = join(services.root, '.meshwork', 'tmp', 'query');
  return async (app) => {
    app.post(
      '/api/v1/query',
      {
        schema: {
          summary: 'Run a governed SQL query',
          description:
            'One read-only statement over the data products you may query, with masks and row filters applied. The result is streamed in the format named by `format` or negotiated through `Accept`; `X-Meshwork-Products` lists the products read, and the `X-Meshwork-Truncated` trailer (a header for Parquet; `stats.truncated` in JSON) tells whether a row or byte limit cut the result. A failure after the first row ends a JSON document with an `error` member and aborts the other formats. A query that reads a deprecated port version gets `Deprecation: @<unix seconds>` (RFC 9745), `Sunset: <HTTP-date of its endOfLife>` (RFC 8594) and a `Link` with `rel="successor-version"` to the product of its replacement.',
          tags: ['query'],
          body: QueryBodySchema,
          produces: Object.values(FORMAT_MEDIA_TYPES),
          response: {
            200: { description: 'The result, streamed', content: QueryResponseContent },
            ...QUERY_ERROR_RESPONSES,
          },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        const body = request.body;
        const format = negotiateFormat(body.format, request.headers.accept);
        if (!format) throw notAcceptable();
        const controller = new AbortController();
        // 'close' also follows a finished response: only an unfinished one means the client left.
        reply.raw.on('close', () => {
          if (!reply.raw.writableFinished) controller.abort();
        });
        const stream = await services.gateway.stream(
          principal,
          {
            sql: body.sql,
            ...(body.parameters ? { parameters: body.parameters } : {}),
            ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
          },
          {
            signal: controller.signal,
            onLimit: 'truncate',
            ...(body.maxRows !== undefined ? { maxRows: body.maxRows } : {}),
            ...(body.timeoutMs !== undefined ? { timeoutMs: body.timeoutMs } : {}),
          },
        );
        const result = await prefetchFirstChunk(stream);
        try {
          void reply.header('X-Meshwork-Products', stream.stats().products.join(','));
          void reply.headers(deprecationHeaders(stream.deprecations ?? [], new Date()));
          const maxBytes = services.gateway.limits.maxBytes;
          if (format === 'parquet') return await sendParquet(reply, result, maxBytes, tempDirectory, controller.signal);
          return sendStreamed(reply, result, format, maxBytes, tempDirectory);
        } catch (error) {
          await result.release();
          throw error;
        }
      },
    );

    app.get(
      '/api/v1/query/relations',
      {
        schema: {
          summary: 'The relations you may query, with their columns',
          description:
            'Only published ports of products you may discover and query; `masked` marks the columns you would see masked.',
          tags: ['query'],
          response: { 200: RelationsResponseSchema, 401: QUERY_ERROR_RESPONSES[401] },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const relations = await services.gateway.visibleRelations(principal);
        return { items: relations.map((relation) => ({ ...relation, columns: [...relation.columns] })) };
      },
    );
  };
}

/** JSON, NDJSON, CSV, Arrow: encoded while the rows arrive, through a stream Fastify pipes out. */
function sendStreamed(
  reply: FastifyReply,
  result: PrefetchedStream,
  format: Exclude<ResultFormat, 'parquet'>,
  maxBytes: number,
  tempDirectory: string,
): FastifyReply {
  const encoder = encoderFor(format, { tempDirectory });
  let outcome: EncodeOutcome | undefined;
  void reply.header('Content-Type', encoder.contentType);
  void reply.trailer(TRUNCATED, async () => String(outcome?.truncated ?? false));
  const body = new PassThrough();
  encoder.encode(result, writableByteWriter(body), { maxBytes, onLimit: 'truncate' }).then(
    (done) => {
      outcome = done;
      body.end();
    },
    // Fastify answers a payload stream's error after the headers by destroying the connection.
    (error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return reply.send(body);
}

/** Parquet: the whole file first (errors are still error responses), then sent with its length. */
async function sendParquet(
  reply: FastifyReply,
  result: PrefetchedStream,
  maxBytes: number,
  tempDirectory: string,
  signal: AbortSignal,
): Promise<FastifyReply> {
  const file = await materializeParquet(result, { maxBytes, onLimit: 'truncate', tempDirectory, signal });
  const body = new PassThrough();
  file.writeTo(writableByteWriter(body)).then(
    () => body.end(),
    (error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  body.once('close', () => void file.dispose());
  void reply
    .header('Content-Type', FORMAT_MEDIA_TYPES.parquet)
    .header('Content-Length', file.bytes)
    .header('Content-Disposition', 'attachment; filename="result.parquet"')
    .header(TRUNCATED, String(file.truncated));
  return reply.send(body);
}

function notAcceptable(): Error {
  const accepted = Object.values(FORMAT_MEDIA_TYPES).join(', ');
  return Object.assign(new Error(`none of the accepted media types can be produced; ask for one of ${accepted}`), {
    statusCode: 406,
  });
}
