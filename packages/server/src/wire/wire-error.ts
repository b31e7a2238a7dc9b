/**
 * An error of the protocol itself (malformed message, unknown portal, bad parameter…), already
 * knowing its SQLSTATE. Domain errors of the gateway are mapped in error-fields.ts instead; this
 * class never leaves the wire folder.
 */
import type { WireCode } from './wire-codes.js';

export class WireError extends Error {
  constructor(
    readonly code: WireCode,
    /** The five-character SQLSTATE clients branch on (`08P01`, `26000`…). */
    readonly sqlState: string,
    message: string,
    /** FATAL errors end the connection after the ErrorResponse. */
    readonly fatal = false,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

/** A frontend message that does not follow the protocol: the connection cannot be trusted any more. */
export function protocolViolation(message: string): WireError {
  return new WireError('MW5401', '08P01', message, true);
}
