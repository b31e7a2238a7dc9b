/**
 * The wire edge for errors: any error a statement raised becomes the fields of an ErrorResponse.
 * Domain errors keep their message and stable code (in DETAIL) and get the SQLSTATE clients branch
 * on; anything else is a bug, logged by the caller and answered XX000 without details.
 */
import { isMeshworkError, type MeshworkError } from '@meshwork/core';
import type { ErrorFields } from '../protocol/backend-messages.js';
import { WIRE_CODES } from '../wire-codes.js';
import { WireError } from '../wire-error.js';

const BY_KIND: Record<MeshworkError['kind'], string> = {
  input: '42601', // syntax_error: the usual reason a statement is refused as input
  unauthenticated: '28000', // invalid_authorization_specification
  'not-found': '42P01', // undefined_table: a denied relation looks like a missing one
  'not-allowed': '42501', // insufficient_privilege
  conflict: '40001', // serialization_failure: retrying may succeed
  unavailable: '57P03', // cannot_connect_now
};

/**
 * SQLSTATEs for gateway codes whose kind alone is too coarse (limits, timeouts, cancellation).
 * A domain error may also carry its own `sqlState`, which wins.
 */
export const GATEWAY_SQLSTATES: Readonly<Record<string, string>> = {
  MW5001: '42601', // syntax_error
  MW5002: '42501', // insufficient_privilege: only reads
  MW5003: '0A000', // feature_not_supported: one statement per query
  MW5004: '42P01', // undefined_table
  MW5005: '42P01',
  MW5006: '42P01',
  MW5007: '42501',
  MW5008: '42501',
  MW5010: '57014', // query_canceled (statement timeout)
  MW5011: '57014',
  MW5012: '54000', // program_limit_exceeded
  MW5013: '53300', // too_many_connections
  MW5014: '08P01', // protocol_violation: wrong number of parameters
  MW5015: '42P01',
  MW5016: '42501',
  MW5017: '54001', // statement_too_complex
  MW5019: '42501',
};

function sqlStateOf(error: MeshworkError): string {
  const own = (error as { sqlState?: unknown }).sqlState;
  if (typeof own === 'string' && /^[0-9A-Z]{5}$/.test(own)) return own;
  const byCode = GATEWAY_SQLSTATES[error.code];
  if (byCode) return byCode;
  if (error.kind === 'input') {
    if (/\b(relation|table|schema|product)\b.*\b(does not exist|not found|unknown)\b/i.test(error.message))
      return '42P01';
    if (/\bcolumn\b.*\b(does not exist|not found)\b/i.test(error.message)) return '42703';
    if (/\b(conversion error|could not convert|invalid input syntax)\b/i.test(error.message)) return '22P02';
    if (/\b(time ?out|timed out)\b/i.test(error.message)) return '57014';
    if (/\blimit\b/i.test(error.message)) return '54000';
  }
  return BY_KIND[error.kind];
}

export interface ErrorContext {
  /** The client cancelled the running query (CancelRequest, disconnect). */
  readonly cancelled: boolean;
}

/** Fields of the ErrorResponse for `error`; `bug` is true when it should be logged as one. */
export function errorFields(error: unknown, context: ErrorContext): { fields: ErrorFields; bug: boolean } {
  if (context.cancelled) {
    return {
      fields: {
        severity: 'ERROR',
        sqlState: '57014',
        message: 'canceling statement due to user request',
        detail: 'Meshwork code MW5408',
      },
      bug: false,
    };
  }
  if (error instanceof WireError) {
    const entry = WIRE_CODES[error.code];
    return {
      fields: {
        severity: error.fatal ? 'FATAL' : 'ERROR',
        sqlState: error.sqlState,
        message: error.message,
        detail: `Meshwork code ${error.code}`,
        hint: entry.fix,
      },
      bug: false,
    };
  }
  if (isMeshworkError(error)) {
    return {
      fields: {
        severity: 'ERROR',
        sqlState: sqlStateOf(error),
        message: error.message,
        detail: `Meshwork code ${error.code}`,
      },
      bug: false,
    };
  }
  return {
    fields: {
      severity: 'ERROR',
      sqlState: 'XX000',
      message: 'internal error; the server log has the details',
      detail: 'Meshwork code MW5414',
    },
    bug: true,
  };
}
