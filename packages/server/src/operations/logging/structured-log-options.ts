/**
 * The logger of `mesh serve`: Fastify's pino, one JSON object per line — `time` (ISO-8601),
 * `level` (a name), `msg`, the request id `reqId` on every line of an HTTP request — with
 * secrets removed from every argument before it is written (redact-secrets.ts) and query
 * strings of logged URLs redacted by name.
 *
 * @example
 * Fastify({ logger: structuredLogOptions({ stream: process.stdout }) });
 */
import type { FastifyRequest } from 'fastify';
import { redactQueryParameters, redactValue } from './redact-secrets.js';

export interface StructuredLogSettings {
  /** Where the lines go (default: stdout). */
  readonly stream?: { write(line: string): unknown };
  /** pino level: fatal, error, warn, info (default), debug, trace, silent. */
  readonly level?: string;
}

/** Every argument of every log call goes through redaction: objects, messages and format arguments. */
function redactArguments(this: unknown, args: unknown[], method: { apply(self: unknown, args: unknown[]): unknown }) {
  method.apply(
    this,
    args.map((argument) => redactValue(argument)),
  );
}

export function structuredLogOptions(settings: StructuredLogSettings = {}) {
  return {
    level: settings.level ?? 'info',
    name: 'meshwork',
    ...(settings.stream ? { stream: settings.stream } : {}),
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
    hooks: { logMethod: redactArguments },
    serializers: {
      // Fastify's own fields, with the query string redacted by parameter name; never headers.
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactQueryParameters(request.url),
        route: request.routeOptions?.url,
        remoteAddress: request.ip,
      }),
    },
  };
}
