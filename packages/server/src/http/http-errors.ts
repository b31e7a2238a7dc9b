/**
 * The HTTP edge for errors: domain errors become their status code and a JSON body with the
 * stable code; anything else is a bug, logged and answered 500 without details.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isMeshworkError, type MeshworkError } from '@meshwork/core';

/** The one mapping of domain errors to HTTP statuses (the Iceberg catalog's replies use it too). */
export const HTTP_STATUS: Readonly<Record<MeshworkError['kind'], number>> = {
  input: 400,
  unauthenticated: 401,
  'not-found': 404,
  'not-allowed': 403,
  conflict: 409,
  unavailable: 503,
};

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly diagnostics?: readonly unknown[] };
}

export function handleHttpError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (isMeshworkError(error)) {
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.diagnostics.length > 0 ? { diagnostics: error.diagnostics } : {}),
      },
    };
    void reply.status(HTTP_STATUS[error.kind]).send(body);
    return;
  }
  const validation = (error as FastifyError).validation;
  if (validation) {
    void reply.status(400).send({ error: { code: 'MW9001', message: `invalid request: ${error.message}` } });
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status && status < 500) {
    void reply.status(status).send({ error: { code: 'MW9002', message: error.message } });
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  void reply.status(500).send({ error: { code: 'MW9000', message: 'internal error; the server log has the details' } });
}

export const HTTP_CODES = {
  MW9000: { title: 'Internal server error', fix: 'A bug: the server log has the details; report it.' },
  MW9001: {
    title: 'Invalid request',
    fix: 'Fix the request parameters or body named in the message (see the OpenAPI document).',
  },
  MW9002: { title: 'Request refused', fix: 'Read the message: the route, method or content type is not accepted.' },
  MW9003: { title: 'Server already running', fix: 'Stop the other `mesh serve`/`npm start` first, or use it.' },
} as const;
