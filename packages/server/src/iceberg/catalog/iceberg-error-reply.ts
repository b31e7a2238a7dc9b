/**
 * The `/iceberg` edge for errors: the Iceberg spec's `IcebergErrorResponse`
 * (`{ "error": { "message", "type", "code" } }`) instead of the API's `{ error: { code, message } }`.
 * The message starts with Meshwork's stable code; `type` is the exception name Iceberg clients
 * map to their own errors (NoSuchTableException, CommitFailedException…). A known failure is
 * always a 4xx (storage a 503); only a bug is a 500, logged, without details.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isMeshworkError, type MeshworkError } from '@meshwork/core';
import { HTTP_STATUS } from '../../http/http-errors.js';
import type { IcebergCatalogCode } from './iceberg-catalog-codes.js';

const TYPE_OF_KIND: Record<MeshworkError['kind'], string> = {
  input: 'BadRequestException',
  unauthenticated: 'NotAuthorizedException',
  'not-found': 'NotFoundException',
  'not-allowed': 'ForbiddenException',
  conflict: 'CommitFailedException',
  unavailable: 'ServiceUnavailableException',
};

/** Where the spec names a more precise exception (or status) than the error's kind gives. */
const BY_CODE: Partial<Record<IcebergCatalogCode, { readonly type: string; readonly status?: number }>> = {
  MW8254: { type: 'NoSuchNamespaceException' },
  MW8259: { type: 'NoSuchNamespaceException' },
  MW8255: { type: 'NoSuchTableException' },
  MW8256: { type: 'AlreadyExistsException' },
  MW8257: { type: 'AlreadyExistsException' },
  MW8258: { type: 'NamespaceNotEmptyException' },
  MW8267: { type: 'NoSuchWarehouseException' },
  MW8269: { type: 'UnsupportedOperationException', status: 406 },
  MW8270: { type: 'UnprocessableEntityException', status: 422 },
  MW8271: { type: 'NotFoundException', status: 404 },
  MW8272: { type: 'NotFoundException' },
};

export interface IcebergErrorBody {
  readonly error: { readonly message: string; readonly type: string; readonly code: number };
}

/** The status and body of any error thrown on an /iceberg route. */
export function icebergError(error: unknown): { readonly status: number; readonly body: IcebergErrorBody } {
  if (isMeshworkError(error)) {
    const special = BY_CODE[error.code as IcebergCatalogCode];
    const status = special?.status ?? HTTP_STATUS[error.kind];
    const type = special?.type ?? TYPE_OF_KIND[error.kind];
    return { status, body: { error: { message: `${error.code}: ${error.message}`, type, code: status } } };
  }
  // Fastify's own refusals: a body too large (413), an unsupported media type (415), an empty body.
  const status = (error as Partial<FastifyError>).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const message = `MW8250: ${(error as Error).message}`;
    return { status, body: { error: { message, type: 'BadRequestException', code: status } } };
  }
  const message = 'internal error; the server log has the details';
  return { status: 500, body: { error: { message, type: 'InternalServerError', code: 500 } } };
}

export function handleIcebergError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = icebergError(error);
  if (status === 500) request.log.error({ err: error }, 'unexpected error in the Iceberg catalog');
  void reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}
